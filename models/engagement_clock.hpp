#pragma once
// The demand and churn clocks (models/mechanisms/demand.cpp, churn.cpp): when each
// scheduled prospect falls due, without touching dormant prospects every day.
//
// Every scheduled prospect i shares one time-varying hazard h(t), scaled by its own
// constant multiplier g_i. By the time-change theorem, i falls due on the first day on
// which the cumulative hazard Lambda(t) = sum h(s) reaches E_i / g_i, E_i ~ Exp(1).
// So each prospect holds one threshold, and a day costs O(entries falling due), not
// O(N): exact, not an approximation. Within a day, P(due | scheduled at day start) =
// 1 - exp(-g_i h(t)).
//
// Thresholds live in a calendar of buckets of fixed width in cumulative-hazard units
// (a circular window, with an overflow list for thresholds beyond it), so adding is
// O(1) and a day scans only the buckets it crosses. Entries that fall due are sorted
// by (threshold, prospect, tag), so the order does not depend on the data structure:
// a binary heap gave bitwise the same results, 2-3x slower at 10^6 prospects.
//
// Any finite hazard is handled in bounded time: a day that crosses the whole window
// takes every bucket and the overflow entries below the new cumulative hazard at once
// instead of walking bucket by bucket (a runaway hazard of 1e18 per day would otherwise
// walk 1e21 buckets: issue 16), and bucket indices are computed in double and clamped
// before conversion. A threshold that is not finite can never fall due and takes no
// slot; a daily hazard that is NaN, negative or infinite, or a cumulative hazard that
// overflows, throws alignsim::RunError (a failed run, not a hang).
#include <cstdint>
#include <span>
#include <vector>

namespace alignsim::model {

// Not thread-safe; one per run.
class EngagementClock {
 public:
  struct Due {
    std::uint32_t prospect;
    std::uint32_t tag;  // caller's generation stamp: a stale entry is recognised by it
  };

  // A due entry with the cumulative hazard at which it fell due, so that the dues of
  // several clocks (one per programme, each with its own hazard) can be merged in the
  // order one clock gives: by (threshold, prospect, tag).
  struct TimedDue {
    double threshold;
    std::uint32_t prospect;
    std::uint32_t tag;
    friend bool operator<(const TimedDue& a, const TimedDue& b) noexcept {
      if (a.threshold != b.threshold) return a.threshold < b.threshold;
      return a.prospect != b.prospect ? a.prospect < b.prospect : a.tag < b.tag;
    }
  };

  // `bucket_width`: cumulative hazard per bucket; about one day's hazard is best.
  // `buckets` is rounded up to a power of two (at least 2), so that the circular index
  // is a mask.
  explicit EngagementClock(double bucket_width = 1e-3, std::size_t buckets = 8192);

  // Cumulative hazard so far (dimensionless).
  [[nodiscard]] double cumulative_hazard() const noexcept { return cumulative_hazard_; }
  [[nodiscard]] std::size_t scheduled_count() const noexcept { return scheduled_; }

  // Schedule prospect: it is due once the cumulative hazard has grown by
  // unit_exponential / multiplier from now. multiplier <= 0, or a threshold beyond any
  // finite hazard, means never; a NaN threshold throws alignsim::RunError.
  void add(std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier);

  // Schedules prospects 0 .. n-1 (n = unit_exponential.size() = multiplier.size()), all
  // with `tag`: exactly what add() for each in ascending order does (the same entries in
  // the same order inside every bucket, so results are bitwise the same), but each
  // bucket is first sized by counting, so set-up costs no reallocation per bucket.
  void add_all(std::uint32_t tag, std::span<const double> unit_exponential, std::span<const float> multiplier);

  // Advance by one day with hazard `daily_hazard` and append the entries that fall due
  // today to `due`, sorted by threshold (a deterministic order). Entries made stale by
  // the caller (e.g. a dormant prospect found by a rep's own prospecting) are returned
  // too: the caller skips them by their tag (lazy deletion). Throws alignsim::RunError
  // if daily_hazard is not a finite non-negative number or the cumulative hazard
  // overflows.
  void advance(double daily_hazard, std::vector<Due>& due);
  // advance(), appending each due entry with its threshold (in the same order).
  void advance(double daily_hazard, std::vector<TimedDue>& due);

 private:
  struct Entry {
    double threshold;
    std::uint32_t prospect;
    std::uint32_t tag;
  };
  [[nodiscard]] std::int64_t bucket_of(double threshold) const noexcept;
  // Absolute bucket k (>= 0) -> its index in the circular window.
  [[nodiscard]] std::size_t circular_slot(std::int64_t k) const noexcept {
    return static_cast<std::size_t>(k) & window_mask_;
  }
  // Where an entry with this threshold goes: a bucket's index in buckets_, or
  // buckets_.size() for the overflow list.
  [[nodiscard]] std::size_t slot_of(double threshold) const noexcept;
  // The threshold of an add(); throws if it is NaN; infinity means never due.
  [[nodiscard]] double threshold_of(std::uint32_t prospect, double unit_exponential, double multiplier) const;
  void place(const Entry& e);
  void pull_overflow_into_window();
  // The cumulative hazard has crossed the whole window: take everything below it at once.
  void jump_to(std::int64_t last);

  double inverse_width_;  // buckets per unit of cumulative hazard
  std::vector<std::vector<Entry>> buckets_;  // bucket k holds [k w, (k+1) w), circularly
  std::size_t window_mask_;                  // buckets_.size() - 1
  std::vector<Entry> overflow_;              // thresholds beyond the window
  std::int64_t first_bucket_ = 0;            // absolute index of the earliest live bucket
  std::vector<Entry> due_today_;
  std::vector<Due> untimed_;  // scratch of the timed advance()
  double cumulative_hazard_ = 0.0;
  std::size_t scheduled_ = 0;
};

}  // namespace alignsim::model
