#include "models/engagement_clock.hpp"

#include <algorithm>
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
}  // namespace

EngagementClock::EngagementClock(double bucket_width, std::size_t buckets)
    : width_(bucket_width), buckets_(buckets) {}

std::int64_t EngagementClock::bucket_of(double threshold) const noexcept {
  // In double first: the cast of a value beyond int64 is undefined behaviour.
  const double k = std::floor(threshold / width_);
  return k < kMaxBucket ? static_cast<std::int64_t>(k) : static_cast<std::int64_t>(kMaxBucket);
}

void EngagementClock::place(const Entry& e) {
  const std::int64_t k = std::max(bucket_of(e.threshold), first_bucket_);
  const auto window = static_cast<std::int64_t>(buckets_.size());
  if (k - first_bucket_ >= window) {
    overflow_.push_back(e);
  } else {
    buckets_[static_cast<std::size_t>(k % window)].push_back(e);
  }
}

void EngagementClock::add(std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier) {
  if (multiplier <= 0.0) return;  // can never fall due: not worth a slot
  const double threshold = cumulative_hazard_ + unit_exponential / multiplier;
  if (std::isnan(threshold)) {
    throw RunError("engagement clock: threshold of prospect " + std::to_string(prospect) + " is not a number (" +
                   number(unit_exponential) + " / " + number(multiplier) + ")");
  }
  if (std::isinf(threshold)) return;  // beyond any finite cumulative hazard: never due
  place({threshold, prospect, tag});
  ++scheduled_;
}

void EngagementClock::pull_overflow_into_window() {
  // Called when the window has moved: re-place what now fits (rare: the window spans
  // thousands of days of typical hazard).
  std::vector<Entry> pending;
  pending.swap(overflow_);
  for (const Entry& e : pending) place(e);
}

void EngagementClock::jump_to(std::int64_t last) {
  for (auto& bucket : buckets_) {
    due_today_.insert(due_today_.end(), bucket.begin(), bucket.end());
    std::vector<Entry>().swap(bucket);
  }
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
  const auto window = static_cast<std::int64_t>(buckets_.size());
  const std::int64_t last = bucket_of(cumulative_hazard_);
  due_today_.clear();
  if (last - first_bucket_ >= window) jump_to(last);
  // Buckets wholly below the cumulative hazard are due in full.
  for (; first_bucket_ < last; ++first_bucket_) {
    auto& bucket = buckets_[static_cast<std::size_t>(first_bucket_ % window)];
    due_today_.insert(due_today_.end(), bucket.begin(), bucket.end());
    std::vector<Entry>().swap(bucket);  // release memory as the calendar passes
    if (!overflow_.empty() && (first_bucket_ + 1) % (window / 2) == 0) pull_overflow_into_window();
  }
  // The bucket the cumulative hazard lies in is due in part.
  auto& current = buckets_[static_cast<std::size_t>(first_bucket_ % window)];
  const auto split = std::partition(current.begin(), current.end(),
                                    [&](const Entry& e) { return e.threshold > cumulative_hazard_; });
  due_today_.insert(due_today_.end(), split, current.end());
  current.erase(split, current.end());
  std::sort(due_today_.begin(), due_today_.end(), [](const Entry& a, const Entry& b) {
    if (a.threshold != b.threshold) return a.threshold < b.threshold;
    return a.prospect != b.prospect ? a.prospect < b.prospect : a.tag < b.tag;
  });
  for (const Entry& e : due_today_) due.push_back({e.prospect, e.tag});
  scheduled_ -= due_today_.size();
}

}  // namespace alignsim::model
