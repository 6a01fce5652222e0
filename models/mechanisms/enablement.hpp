#pragma once
// The interface of enablement.cpp, the home of this mechanism (headed by its number).
// Sales enablement adoption (docs/model.md; seed 003): a selling framework spreads
// among reps.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstdint>
#include <vector>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// Share of the active reps that use the framework (0 for no active reps).
[[nodiscard]] double framework_share(const std::vector<std::uint32_t>& active,
                                     const std::vector<std::uint8_t>& adopted);

// Probability a rep that has not adopted the framework adopts it today: at the sales
// meeting where it is explained, reps who trust marketing take it up more readily;
// afterwards it spreads from peer to peer (`peer_share`: framework_share of the team).
[[nodiscard]] double adoption_probability(const EnablementParameters& e, std::int64_t day, double trust,
                                          double peer_share) noexcept;

// Relative win probability and sales-cycle length of a rep using the framework.
[[nodiscard]] double framework_win_multiplier(const EnablementParameters& e) noexcept;
[[nodiscard]] double framework_cycle_multiplier(const EnablementParameters& e) noexcept;

}  // namespace alignsim::model
