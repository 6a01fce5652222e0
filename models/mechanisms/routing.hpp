#pragma once
// The interface of routing.cpp, the home of this mechanism (headed by its number).
// Routing (docs/model.md; HBR 2011): which active rep receives an MQL.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstdint>
#include <vector>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// `active` holds the ids of the active reps, ascending; it is never empty.

// The next rep in turn. `next` is the turn counter the run keeps; it wraps when the
// team has shrunk since the last lead.
[[nodiscard]] std::uint32_t round_robin_rep(const std::vector<std::uint32_t>& active, std::uint32_t& next) noexcept;

// The active rep with the fewest leads assigned and not yet contacted (`leads_waiting`
// is indexed by rep id); ties go to the lowest id.
[[nodiscard]] std::uint32_t least_loaded_rep(const std::vector<std::uint32_t>& active,
                                             const std::vector<std::int32_t>& leads_waiting) noexcept;

// A rep drawn uniformly from one uniform u in [0, 1).
[[nodiscard]] std::uint32_t random_rep(const std::vector<std::uint32_t>& active, double u) noexcept;

}  // namespace alignsim::model
