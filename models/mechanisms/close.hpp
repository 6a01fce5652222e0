#pragma once
// The interface of close.cpp, the home of this mechanism (headed by its number).
// Opportunity and close (docs/model.md; seed 000): the sales cycle and the win.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstdint>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// Probability an opportunity is won, from fit and a joint key-account play; fixed when
// off. The run then applies rep experience, the framework (enablement.hpp) and
// hoarding (content.hpp), and caps the result at 0.99.
[[nodiscard]] double win_probability(double fit, bool key_account, const CloseParameters& p) noexcept;

// Business day of the decision of an opportunity opened on `day` with a drawn cycle
// length (business days): at least one day later.
[[nodiscard]] double decision_day(std::int64_t day, double cycle_days) noexcept;

}  // namespace alignsim::model
