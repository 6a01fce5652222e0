#include "models/engagement_clock.hpp"

#include <algorithm>

namespace alignsim::model {

void EngagementClock::add(std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier) {
  if (multiplier <= 0.0) return;  // can never fall due: not worth a heap slot
  heap_.push_back({cumulative_hazard_ + unit_exponential / multiplier, prospect, tag});
  std::push_heap(heap_.begin(), heap_.end(), later);
}

void EngagementClock::advance(double daily_hazard, std::vector<Due>& due) {
  cumulative_hazard_ += daily_hazard;
  while (!heap_.empty() && heap_.front().threshold <= cumulative_hazard_) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    due.push_back({heap_.back().prospect, heap_.back().tag});
    heap_.pop_back();
  }
}

}  // namespace alignsim::model
