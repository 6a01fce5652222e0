#pragma once
// FNV-1a, 64 bit: a checksum for journal records and a fingerprint for scenario text.
// It detects torn or garbled records and accidental mismatches, which is all it is used
// for; it is not meant to resist deliberate forgery.
#include <cstdint>
#include <string>
#include <string_view>

namespace alignsim::sim {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ULL;

// Thread-safe (pure). `state` chains calls: fnv1a64(b, fnv1a64(a)) == fnv1a64(a + b).
[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state = kFnvOffsetBasis) noexcept {
  for (const char c : bytes) {
    state ^= static_cast<unsigned char>(c);
    state *= 1099511628211ULL;
  }
  return state;
}

// 16 lowercase hex digits.
[[nodiscard]] std::string hex64(std::uint64_t value);

}  // namespace alignsim::sim
