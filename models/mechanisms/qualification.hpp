#pragma once
// The interface of qualification.cpp, the home of this mechanism (headed by its number).
// Qualification (docs/model.md; HBR 2011; MIT/InsideSales 2007): whether a worked
// lead becomes an opportunity.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Lead freshness after `hours` without contact; 1 at zero delay.
[[nodiscard]] double freshness(double hours, const QualificationParameters& p) noexcept;

// Probability a worked lead qualifies: p_max * fit * freshness; fixed when off. Content
// relevance lifts it (content.hpp) where the run applies it.
[[nodiscard]] double qualification_probability(double fit, double response_hours,
                                               const QualificationParameters& p) noexcept;

}  // namespace alignsim::model
