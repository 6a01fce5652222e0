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
// Thresholds live in a two-level calendar in cumulative-hazard units. Fine buckets of
// fixed width serve the current span (a run of consecutive fine buckets); later spans
// each collect their entries unsorted in one coarse slot (a circular window of spans,
// with an overflow list beyond it), and a span is split into the fine buckets only when
// the cumulative hazard reaches it. So an add appends to one of about a hundred slots
// whose ends stay in cache, instead of to one of thousands of buckets scattered over
// memory (issue 17: that push was a cache miss and 11% of a run), and a day scans only
// the fine buckets it crosses. Entries that fall due are sorted by (threshold,
// prospect, tag), bucket by bucket, so the order does not depend on the data structure:
// a binary heap gave bitwise the same results, 2-3x slower at 10^6 prospects.
//
// Any finite hazard is handled in bounded time: a day that crosses the whole window
// takes every bucket and the overflow entries below the new cumulative hazard at once
// instead of walking bucket by bucket (a runaway hazard of 1e18 per day would otherwise
// walk 1e21 buckets: issue 16), and bucket indices are computed in double and clamped
// before conversion. A threshold that is not finite can never fall due and takes no
// slot; a daily hazard that is NaN, negative or infinite, or a cumulative hazard that
// overflows, throws alignsim::RunError (a failed run, not a hang).
#include <bit>
#include <cstddef>
#include <cstdint>
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

  // `bucket_width`: cumulative hazard per fine bucket; about one day's hazard is best.
  // `buckets`: the window in fine buckets, rounded up to a power of two (at least 2); it
  // is split into spans of up to kMaxBucketsPerSpan buckets, at least two spans.
  static constexpr std::size_t kDefaultBuckets = 8192;
  static constexpr std::size_t kMaxBucketsPerSpan = 64;
  // Vectors a clock of this window holds whatever it schedules (the run-memory estimate).
  [[nodiscard]] static constexpr std::size_t bucket_vectors(std::size_t buckets = kDefaultBuckets) noexcept {
    const std::size_t window = std::bit_ceil(buckets < 2 ? std::size_t{2} : buckets);
    const std::size_t per_span = window / 2 < kMaxBucketsPerSpan ? window / 2 : kMaxBucketsPerSpan;
    return per_span + window / per_span;
  }
  explicit EngagementClock(double bucket_width = 1e-3, std::size_t buckets = kDefaultBuckets);

  // Cumulative hazard so far (dimensionless).
  [[nodiscard]] double cumulative_hazard() const noexcept { return cumulative_hazard_; }
  [[nodiscard]] std::size_t scheduled_count() const noexcept { return scheduled_; }

  // Schedule prospect: it is due once the cumulative hazard has grown by
  // unit_exponential / multiplier from now. multiplier <= 0, or a threshold beyond any
  // finite hazard, means never; a NaN threshold throws alignsim::RunError.
  void add(std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier);

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
  using Entry = TimedDue;  // what the calendar holds: an entry with its threshold
  [[nodiscard]] std::int64_t bucket_of(double threshold) const noexcept;
  [[nodiscard]] std::int64_t span_of_bucket(std::int64_t bucket) const noexcept { return bucket >> span_shift_; }
  [[nodiscard]] std::size_t fine_slot(std::int64_t bucket) const noexcept {
    return static_cast<std::size_t>(bucket) & fine_mask_;
  }
  // The threshold of an add(); throws if it is NaN; infinity means never due.
  [[nodiscard]] double threshold_of(std::uint32_t prospect, double unit_exponential, double multiplier) const;
  // Into a fine bucket of the current span, the coarse slot of a later span in the
  // window, or the overflow list.
  void place(const Entry& e);
  // Appends the whole of a fine bucket of the current span to due_today_, sorted.
  void take_fine_bucket(std::size_t slot);
  // The calendar moves on to the next span: its coarse slot is split into the fine buckets.
  void open_next_span();
  void pull_overflow_into_window();
  // The cumulative hazard has crossed the whole window: take everything below it at once.
  void jump_to(std::int64_t last);
  // Sorts due_today_ from `first` on into one clock's order, (threshold, prospect, tag).
  void sort_due_from(std::size_t first);

  double inverse_width_;                   // fine buckets per unit of cumulative hazard
  int span_shift_;                         // a span is 2^span_shift_ fine buckets
  std::size_t fine_mask_;                  // fine_.size() - 1
  std::vector<std::vector<Entry>> fine_;   // the current span's buckets: [k w, (k+1) w)
  std::vector<std::vector<Entry>> spans_;  // later spans, circularly; the current one's slot is empty
  std::size_t span_mask_;                  // spans_.size() - 1
  std::vector<Entry> overflow_;            // spans beyond the window
  std::int64_t current_span_ = 0;          // absolute index of the span fine_ holds
  std::int64_t first_bucket_ = 0;          // absolute index of the earliest live fine bucket
  std::vector<Entry> due_today_;
  std::vector<Due> untimed_;  // scratch of the timed advance()
  double cumulative_hazard_ = 0.0;
  std::size_t scheduled_ = 0;
};

}  // namespace alignsim::model
