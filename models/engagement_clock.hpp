#pragma once
// M1 without touching dormant prospects every day.
//
// Every dormant prospect i shares one time-varying engagement hazard h(t), scaled by
// its own constant multiplier g_i. By the time-change theorem, i engages at the first
// day on which the cumulative hazard Lambda(t) = sum h(s) reaches E_i / g_i, with
// E_i ~ Exp(1). So each dormant prospect holds one threshold in a min-heap, and a day
// costs O(engagements * log N) instead of O(N): exact, not an approximation.
// Within a day, P(engage | dormant at day start) = 1 - exp(-g_i h(t)).
#include <cstdint>
#include <vector>

namespace alignsim::model {

// Not thread-safe; one per run.
class EngagementClock {
 public:
  // Cumulative hazard so far (dimensionless).
  [[nodiscard]] double cumulative_hazard() const noexcept { return cumulative_hazard_; }
  [[nodiscard]] std::size_t scheduled_count() const noexcept { return heap_.size(); }

  struct Due {
    std::uint32_t prospect;
    std::uint32_t tag;  // caller's generation stamp: a stale entry is recognised by it
  };

  // Schedule prospect: it is due once the cumulative hazard has grown by
  // unit_exponential / multiplier from now. multiplier <= 0 means never. The same
  // clock serves M16 (churn of customers), which has the same structure.
  void add(std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier);

  // Advance by one day with hazard `daily_hazard` and append the entries that fall
  // due today to `due`, in threshold order (a deterministic order). Entries made stale
  // by the caller (e.g. a dormant prospect found by a rep's own prospecting) are
  // returned too: the caller skips them by their tag (lazy deletion, O(log N)).
  void advance(double daily_hazard, std::vector<Due>& due);

  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  struct Entry {
    double threshold;
    std::uint32_t prospect;
    std::uint32_t tag;
  };
  static bool later(const Entry& a, const Entry& b) noexcept {
    return a.threshold > b.threshold || (a.threshold == b.threshold && a.prospect > b.prospect);
  }
  std::vector<Entry> heap_;
  double cumulative_hazard_ = 0.0;
};

}  // namespace alignsim::model
