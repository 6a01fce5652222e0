#pragma once
// The interface of incentives.cpp, the home of this mechanism (headed by its number).
// Shared incentives and joint awards (docs/model.md; seeds 000, 001, 004): how pay
// bends the other mechanisms.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// How pay changes the other mechanisms' rules in one run; fixed for the run, derived
// once from the parameters.
struct IncentiveRules {
  // Follow-up with the shared pool's shift applied: a shared pool lowers the trust a
  // rep needs before working marketing's leads.
  FollowUpParameters followup;
  // Scoring threshold in force: scoring.threshold is the bar under MQL-volume pay, and
  // bookings pay raises it.
  double scoring_threshold;
  // Demand's fit weight in force: paid on bookings, marketing aims its programmes at
  // accounts that fit (capped at 1).
  double fit_weight;
  // Multiplier on the syncs' pull on trust (1 without a shared pool).
  double sync_boost;
};

[[nodiscard]] IncentiveRules incentive_rules(const ModelParameters& p) noexcept;

}  // namespace alignsim::model
