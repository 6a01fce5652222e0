#pragma once
// The interface of scoring.cpp, the home of this mechanism (headed by its number).
// Lead scoring to MQL (docs/model.md; seed 004): which inquiries become marketing-
// qualified leads.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// An inquiry scored fit + noise (noise sd from feedback.hpp) becomes an MQL at or above
// the threshold; the threshold in force is the incentive-adjusted one (incentives.hpp).
// With scoring off, an inquiry becomes an MQL with ScoringParameters::fixed_mql_probability.
[[nodiscard]] constexpr bool scores_as_mql(double score, double threshold) noexcept { return score >= threshold; }

}  // namespace alignsim::model
