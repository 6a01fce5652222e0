#pragma once
// The interface of followup.cpp, the home of this mechanism (headed by its number).
// Follow-up decision (docs/model.md; seeds 000, 001): whether a rep works a marketing
// lead.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Probability a rep with `trust` works a marketing lead: logistic in trust, never below
// the SLA floor; fixed when off. The rule in force carries the shared-pool shift of its
// midpoint (incentives.hpp).
[[nodiscard]] double work_probability(double trust, const FollowUpParameters& p) noexcept;

// What a rep's own situation adds to the logit of working a lead (Sabnis et al. 2013,
// "The sales lead black hole": follow-up depends on the rep's experience and on the
// volume of leads it already has): `followup.experience_effect` per year of selling
// experience, minus `followup.load_effect` per lead already waiting for its first
// contact. Both 0 by default: follow-up depends on trust alone.
struct RepSituation {
  double experience_years = 0.0;
  double leads_waiting = 0.0;
};
[[nodiscard]] double work_probability(double trust, const FollowUpParameters& p, const RepSituation& rep) noexcept;

}  // namespace alignsim::model
