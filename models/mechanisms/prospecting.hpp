#pragma once
// The interface of prospecting.cpp, the home of this mechanism (headed by its number).
// Self-prospecting and hoarding (docs/model.md; seed 001, Sammy): reps' own leads.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstdint>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// DrawKey::index holds 8 bits: at most this many own leads per rep and day.
inline constexpr std::uint32_t kMaxOwnLeadsPerDay = 255;

// Share of a rep's free hours spent finding its own leads: the less it trusts
// marketing's leads, the more (Sammy, seed 001).
[[nodiscard]] double prospecting_share(const ProspectingParameters& pr, double trust) noexcept;

// Probability an own lead of fit phi qualifies.
[[nodiscard]] double own_lead_qualify_probability(const ProspectingParameters& pr, double fit) noexcept;

}  // namespace alignsim::model
