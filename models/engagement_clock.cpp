#include "models/engagement_clock.hpp"

#include <algorithm>

namespace alignsim::model {

void EngagementClock::add_dormant(std::uint32_t prospect, double unit_exponential, double multiplier) {
  if (multiplier <= 0.0) return;  // can never engage: not worth a heap slot
  heap_.push_back({cumulative_hazard_ + unit_exponential / multiplier, prospect});
  std::push_heap(heap_.begin(), heap_.end(), later);
}

void EngagementClock::advance(double daily_hazard, std::vector<std::uint32_t>& engaged) {
  cumulative_hazard_ += daily_hazard;
  while (!heap_.empty() && heap_.front().threshold <= cumulative_hazard_) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    engaged.push_back(heap_.back().prospect);
    heap_.pop_back();
  }
}

}  // namespace alignsim::model
