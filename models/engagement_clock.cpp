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
    : inverse_width_(1.0 / bucket_width),
      buckets_(std::bit_ceil(std::max<std::size_t>(buckets, 2))),
      window_mask_(buckets_.size() - 1) {}

std::int64_t EngagementClock::bucket_of(double threshold) const noexcept {
  // In double first: the cast of a value beyond int64 is undefined behaviour. A product
  // instead of a quotient: any monotone map from thresholds to buckets keeps the clock
  // exact (advance() compares thresholds within the current bucket), and this one is
  // several times cheaper than a division on every add.
  const double k = std::floor(threshold * inverse_width_);
  return k < kMaxBucket ? static_cast<std::int64_t>(k) : static_cast<std::int64_t>(kMaxBucket);
}

std::size_t EngagementClock::slot_of(double threshold) const noexcept {
  const std::int64_t k = std::max(bucket_of(threshold), first_bucket_);
  const auto window = static_cast<std::int64_t>(buckets_.size());
  return k - first_bucket_ >= window ? buckets_.size() : circular_slot(k);
}

void EngagementClock::place(const Entry& e) {
  const std::size_t slot = slot_of(e.threshold);
  (slot == buckets_.size() ? overflow_ : buckets_[slot]).push_back(e);
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

void EngagementClock::add_all(std::uint32_t tag, std::span<const double> unit_exponential,
                              std::span<const float> multiplier) {
  // Counting pass: the entries in prospect order and how many each slot receives.
  std::vector<Entry> entries;
  std::vector<std::uint32_t> slots;
  std::vector<std::size_t> count(buckets_.size() + 1, 0);
  entries.reserve(unit_exponential.size());
  slots.reserve(unit_exponential.size());
  for (std::uint32_t i = 0; i < unit_exponential.size(); ++i) {
    if (multiplier[i] <= 0.0F) continue;  // as add(): never due
    const double threshold = threshold_of(i, unit_exponential[i], multiplier[i]);
    if (std::isinf(threshold)) continue;
    entries.push_back({threshold, i, tag});
    slots.push_back(static_cast<std::uint32_t>(slot_of(threshold)));
    ++count[slots.back()];
  }
  // The capacity one push at a time would reach (libstdc++ doubles from 1): the day
  // loop's later pushes then reallocate exactly when they did before.
  const auto reserve = [](std::vector<Entry>& v, std::size_t more) {
    if (more > 0) v.reserve(std::bit_ceil(v.size() + more));
  };
  for (std::size_t k = 0; k < buckets_.size(); ++k) reserve(buckets_[k], count[k]);
  reserve(overflow_, count.back());
  // Filling pass, in prospect order: every bucket keeps add()'s order.
  for (std::size_t j = 0; j < entries.size(); ++j) {
    (slots[j] == buckets_.size() ? overflow_ : buckets_[slots[j]]).push_back(entries[j]);
  }
  scheduled_ += entries.size();
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
    auto& bucket = buckets_[circular_slot(first_bucket_)];
    due_today_.insert(due_today_.end(), bucket.begin(), bucket.end());
    std::vector<Entry>().swap(bucket);  // release memory as the calendar passes
    if (!overflow_.empty() && (first_bucket_ + 1) % (window / 2) == 0) pull_overflow_into_window();
  }
  // The bucket the cumulative hazard lies in is due in part.
  auto& current = buckets_[circular_slot(first_bucket_)];
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

void EngagementClock::advance(double daily_hazard, std::vector<TimedDue>& due) {
  untimed_.clear();
  advance(daily_hazard, untimed_);  // leaves today's entries, sorted, in due_today_
  for (const Entry& e : due_today_) due.push_back({e.threshold, e.prospect, e.tag});
}

}  // namespace alignsim::model
