#pragma once
// The interface of churn.cpp, the home of this mechanism (headed by its number).
// Customer satisfaction and churn (docs/model.md; seed 004): which customers leave.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Relative churn hazard of a customer of fit phi: well-fitting customers stay longer.
[[nodiscard]] double churn_multiplier(const ChurnParameters& c, double fit) noexcept;

// Today's churn hazard of a customer of multiplier 1 (1/business day), lowered by the
// rise in message consistency since the start (content.hpp). The churn clock turns it
// into due dates exactly (models/engagement_clock.hpp).
[[nodiscard]] double daily_churn_hazard(const ChurnParameters& c, double consistency_gain) noexcept;

}  // namespace alignsim::model
