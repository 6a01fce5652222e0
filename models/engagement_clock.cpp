#include "models/engagement_clock.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <string>

#include "sim/errors.hpp"

namespace alignsim::model {
namespace {
// Largest bucket index: exact in double, and far enough below INT64_MAX that index
// arithmetic (k - first, k + window) cannot overflow. Thresholds beyond it share the
// last bucket, where they are still ordered and fall due exactly by their threshold.
constexpr double kMaxBucket = 0x1.0p62;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

// Out of line, so the threshold arithmetic of every add stays small enough to inline.
[[noreturn]] [[gnu::cold]] [[gnu::noinline]] void throw_not_a_number(std::uint32_t prospect, double unit_exponential,
                                                                   double multiplier) {
  throw RunError("engagement clock: threshold of prospect " + std::to_string(prospect) + " is not a number (" +
                 number(unit_exponential) + " / " + number(multiplier) + ")");
}
}  // namespace

EngagementClock::EngagementClock(double bucket_width, std::size_t buckets)
    : inverse_width_(1.0 / bucket_width) {
  const std::size_t window = std::bit_ceil(std::max<std::size_t>(buckets, 2));
  // At most 64 fine buckets, so the current span's headers stay in L1 (a window of 8192
  // buckets has 128 coarse slots); at least two spans.
  const std::size_t per_span = std::min(kMaxBucketsPerSpan, window / 2);
  span_shift_ = std::countr_zero(per_span);
  fine_.resize(per_span);
  fine_mask_ = per_span - 1;
  spans_.resize(window / per_span);
  span_mask_ = spans_.size() - 1;
}

std::int64_t EngagementClock::bucket_of(double threshold) const noexcept {
  // In double first: the cast of a value beyond int64 is undefined behaviour. A product
  // instead of a quotient: any monotone map from thresholds to buckets keeps the clock
  // exact (advance() compares thresholds within the current bucket), and this one is
  // several times cheaper than a division on every add.
  const double k = std::floor(threshold * inverse_width_);
  return k < kMaxBucket ? static_cast<std::int64_t>(k) : static_cast<std::int64_t>(kMaxBucket);
}

void EngagementClock::place(const Entry& e) {
  const std::int64_t k = std::max(bucket_of(e.threshold), first_bucket_);
  const std::int64_t ahead = span_of_bucket(k) - current_span_;
  if (ahead == 0) {
    fine_[fine_slot(k)].push_back(e);
  } else if (ahead < static_cast<std::int64_t>(spans_.size())) {
    spans_[static_cast<std::size_t>(span_of_bucket(k)) & span_mask_].push_back(e);
  } else {
    overflow_.push_back(e);
  }
}

double EngagementClock::threshold_of(std::uint32_t prospect, double unit_exponential, double multiplier) const {
  const double threshold = cumulative_hazard_ + unit_exponential / multiplier;
  if (std::isnan(threshold)) [[unlikely]] throw_not_a_number(prospect, unit_exponential, multiplier);
  return threshold;
}

void EngagementClock::add(std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier) {
  if (multiplier <= 0.0) return;  // can never fall due: not worth a slot
  const double threshold = threshold_of(prospect, unit_exponential, multiplier);
  if (std::isinf(threshold)) return;  // beyond any finite cumulative hazard: never due
  place({threshold, prospect, tag});
  ++scheduled_;
}

void EngagementClock::sort_due_from(std::size_t first) {
  std::sort(due_today_.begin() + static_cast<std::ptrdiff_t>(first), due_today_.end());
}

void EngagementClock::take_fine_bucket(std::size_t slot) {
  // Buckets hold disjoint, increasing ranges of thresholds: sorting each as it is taken
  // sorts the day's dues (smaller sorts than one of the whole day).
  auto& bucket = fine_[slot];
  const std::size_t first = due_today_.size();
  due_today_.insert(due_today_.end(), bucket.begin(), bucket.end());
  bucket.clear();  // keeps its capacity: the next span reuses it
  sort_due_from(first);
}

void EngagementClock::open_next_span() {
  ++current_span_;
  first_bucket_ = current_span_ << span_shift_;
  std::vector<Entry> arriving;
  arriving.swap(spans_[static_cast<std::size_t>(current_span_) & span_mask_]);  // released as the calendar passes
  for (const Entry& e : arriving) place(e);  // into the fine buckets: the span is now current
  if (!overflow_.empty() && current_span_ % static_cast<std::int64_t>(spans_.size() / 2) == 0) {
    pull_overflow_into_window();
  }
}

void EngagementClock::pull_overflow_into_window() {
  // Every half window of spans: an overflow entry lies at least a whole window beyond
  // the span current when it was placed, so it is pulled in before its span comes up
  // (rare: the window spans thousands of days of typical hazard).
  std::vector<Entry> pending;
  pending.swap(overflow_);
  for (const Entry& e : pending) place(e);
}

void EngagementClock::jump_to(std::int64_t last) {
  // Every fine bucket and coarse slot lies below `last`: all of it is due.
  for (auto& bucket : fine_) {
    due_today_.insert(due_today_.end(), bucket.begin(), bucket.end());
    bucket.clear();
  }
  for (auto& span : spans_) {
    due_today_.insert(due_today_.end(), span.begin(), span.end());
    std::vector<Entry>().swap(span);
  }
  current_span_ = span_of_bucket(last);
  first_bucket_ = last;
  // What the walk would have done: an overflow entry whose bucket lies below `last` is
  // due in full; the rest (the current bucket's included) are placed anew.
  std::vector<Entry> pending;
  pending.swap(overflow_);
  for (const Entry& e : pending) {
    if (bucket_of(e.threshold) < last) {
      due_today_.push_back(e);
    } else {
      place(e);
    }
  }
  sort_due_from(0);
}

void EngagementClock::advance(double daily_hazard, std::vector<Due>& due) {
  if (!(daily_hazard >= 0.0) || std::isinf(daily_hazard)) {
    throw RunError("engagement clock: daily hazard is " + number(daily_hazard) +
                   " (a finite non-negative number is needed)");
  }
  cumulative_hazard_ += daily_hazard;
  if (std::isinf(cumulative_hazard_)) {
    throw RunError("engagement clock: cumulative hazard overflowed (daily hazard " + number(daily_hazard) + ")");
  }
  const std::int64_t last = bucket_of(cumulative_hazard_);
  due_today_.clear();
  if (span_of_bucket(last) - current_span_ >= static_cast<std::int64_t>(spans_.size())) jump_to(last);
  // Buckets wholly below the cumulative hazard are due in full, span after span.
  while (first_bucket_ < last) {
    take_fine_bucket(fine_slot(first_bucket_));
    if (fine_slot(first_bucket_) == fine_mask_) {
      open_next_span();
    } else {
      ++first_bucket_;
    }
  }
  // The bucket the cumulative hazard lies in is due in part.
  auto& current = fine_[fine_slot(first_bucket_)];
  const auto split = std::partition(current.begin(), current.end(),
                                    [&](const Entry& e) { return e.threshold > cumulative_hazard_; });
  const std::size_t first = due_today_.size();
  due_today_.insert(due_today_.end(), split, current.end());
  current.erase(split, current.end());
  sort_due_from(first);
  for (const Entry& e : due_today_) due.push_back({e.prospect, e.tag});
  scheduled_ -= due_today_.size();
}

void EngagementClock::advance(double daily_hazard, std::vector<TimedDue>& due) {
  untimed_.clear();
  advance(daily_hazard, untimed_);  // leaves today's entries, sorted, in due_today_
  due.insert(due.end(), due_today_.begin(), due_today_.end());
}

}  // namespace alignsim::model
