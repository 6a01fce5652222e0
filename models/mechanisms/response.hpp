#pragma once
// The interface of response.cpp, the home of this mechanism (headed by its number).
// Response delay (docs/model.md; HBR 2011): how long a lead waits for its first
// reply.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Each rep's lead queue is a single server. Leads per day = hours available for leads /
// hours per lead, so each lead occupies the rep for 24 / that wall-clock hours.
[[nodiscard]] double service_hours(const ResponseParameters& r, double capacity_multiplier) noexcept;

// Lindley recursion: a lead arriving at `arrival_hours` starts service at
// max(arrival, free_at_hours), and the server is then busy for `service_hours`
// (free_at_hours is advanced). Returns the start; its wait is start - arrival. Hours are
// absolute (day * 24 + hour of day).
[[nodiscard]] double enter_queue(double arrival_hours, double service_hours, double& free_at_hours) noexcept;

// Probability a lead is answered at once: for a lead the rep pursues, rising linearly
// with trust; for a courtesy reply to one it will not pursue, a fixed probability.
[[nodiscard]] double prompt_probability(const ResponseParameters& r, double trust, bool worked) noexcept;

// Mean extra wait of a lead that is not answered at once: deprioritised the more, the
// less the rep trusts marketing.
[[nodiscard]] double deprioritised_mean_hours(const ResponseParameters& r, double trust) noexcept;

}  // namespace alignsim::model
