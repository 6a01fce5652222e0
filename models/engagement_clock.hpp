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
  [[nodiscard]] std::size_t dormant_count() const noexcept { return heap_.size(); }

  // Make prospect dormant; it engages once the cumulative hazard has grown by
  // unit_exponential / multiplier from now. multiplier <= 0 means never.
  void add_dormant(std::uint32_t prospect, double unit_exponential, double multiplier);

  // Advance by one day with hazard `daily_hazard` and append the prospects that
  // engage today to `engaged`, in threshold order (a deterministic order).
  void advance(double daily_hazard, std::vector<std::uint32_t>& engaged);

  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  struct Entry {
    double threshold;
    std::uint32_t prospect;
  };
  static bool later(const Entry& a, const Entry& b) noexcept {
    return a.threshold > b.threshold || (a.threshold == b.threshold && a.prospect > b.prospect);
  }
  std::vector<Entry> heap_;
  double cumulative_hazard_ = 0.0;
};

}  // namespace alignsim::model
