#pragma once
// Purpose ids (sim/random.hpp DrawKey::purpose) of the draws the engine itself makes for
// designs and bootstrap resampling. Models number their purposes from 0 upwards; these
// sit at the top of the 8-bit range so the two never share a counter.
#include <cstdint>

namespace alignsim::sim {

inline constexpr std::uint32_t kPurposeLhsPermutation = 250;  // Feistel round keys
inline constexpr std::uint32_t kPurposeLhsJitter = 251;       // position inside a stratum
inline constexpr std::uint32_t kPurposeMorrisStart = 252;     // a trajectory's start level
inline constexpr std::uint32_t kPurposeMorrisOrder = 253;     // the order factors move in
inline constexpr std::uint32_t kPurposeBootstrap = 254;       // bootstrap resampling

}  // namespace alignsim::sim
