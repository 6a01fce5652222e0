#pragma once
// The interface of turnover.cpp, the home of this mechanism (headed by its number).
// Cross-team onboarding and turnover (docs/model.md; seed 000): who leaves, and what
// new hires believe.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Probability an active rep leaves on a business day (each leaver is replaced).
[[nodiscard]] double daily_leave_probability(const RepParameters& r) noexcept;

// Starting trust of a rep whose drawn trust is `drawn`: cross-team onboarding gives new
// hires a calibrated prior instead of the sales floor's scepticism. The starting cohort
// was hired before any onboarding.
[[nodiscard]] double new_rep_trust(const OnboardingParameters& o, double drawn, bool initial_cohort) noexcept;

}  // namespace alignsim::model
