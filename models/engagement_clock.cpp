#include "models/engagement_clock.hpp"

#include <algorithm>
#include <cmath>

namespace alignsim::model {

EngagementClock::EngagementClock(double bucket_width, std::size_t buckets)
    : width_(bucket_width), buckets_(buckets) {}

std::int64_t EngagementClock::bucket_of(double threshold) const noexcept {
  return static_cast<std::int64_t>(std::floor(threshold / width_));
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
  place({cumulative_hazard_ + unit_exponential / multiplier, prospect, tag});
  ++scheduled_;
}

void EngagementClock::pull_overflow_into_window() {
  // Called when the window has moved: re-place what now fits (rare: the window spans
  // thousands of days of typical hazard).
  std::vector<Entry> pending;
  pending.swap(overflow_);
  for (const Entry& e : pending) place(e);
}

void EngagementClock::advance(double daily_hazard, std::vector<Due>& due) {
  cumulative_hazard_ += daily_hazard;
  const auto window = static_cast<std::int64_t>(buckets_.size());
  const std::int64_t last = bucket_of(cumulative_hazard_);
  due_today_.clear();
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
