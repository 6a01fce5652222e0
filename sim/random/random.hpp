#pragma once
// Counter-based random numbers (Random123 Philox4x32-10).
//
// A draw is a pure function of (seed, replicate, agent, tick, purpose, index): it does
// not depend on which thread computes it or in which order agents are visited. The
// variant is deliberately NOT part of the key, so replicate r of every variant sees the
// same streams (common random numbers) and variant differences are paired.
//
// Transforms are written here rather than taken from <random>, whose distributions
// differ between standard libraries.
#include <array>
#include <cstdint>
#include <utility>

namespace alignsim::sim {

struct DrawKey {
  std::uint64_t agent = 0;    // stable agent id (prospect, rep, or a global actor)
  std::uint32_t tick = 0;     // business day, or an episode counter for event draws
  std::uint32_t purpose = 0;  // why the draw is made; each model defines its own ids
  std::uint32_t index = 0;    // distinguishes several draws with the same key
};

// Thread-safe: every member is const and the object is immutable after construction.
class RandomStreams {
 public:
  RandomStreams(std::uint64_t seed, std::uint32_t replicate) noexcept;

  // The four 32-bit words of one Philox call: for draws that need several numbers at
  // once (a prospect's set-up), so that none of the call's 128 bits is thrown away.
  [[nodiscard]] std::array<std::uint32_t, 4> words(const DrawKey& key) const noexcept;
  // Two independent uniforms in the open interval (0, 1), 52 bits each (of words()).
  [[nodiscard]] std::pair<double, double> uniform_pair(const DrawKey& key) const noexcept;
  [[nodiscard]] double uniform(const DrawKey& key) const noexcept { return uniform_pair(key).first; }

  [[nodiscard]] double exponential(const DrawKey& key, double mean) const noexcept;
  // By inversion of the first uniform (sim/random/normal_quantile.hpp).
  [[nodiscard]] double normal(const DrawKey& key, double mean, double sd) const noexcept;
  [[nodiscard]] double lognormal_with_mean(const DrawKey& key, double mean, double sigma) const noexcept;
  [[nodiscard]] bool bernoulli(const DrawKey& key, double p) const noexcept { return uniform(key) < p; }

  [[nodiscard]] std::uint64_t seed() const noexcept { return seed_; }
  [[nodiscard]] std::uint32_t replicate() const noexcept { return replicate_; }

 private:
  std::uint64_t seed_;
  std::uint32_t replicate_;
};

// Transforms of given uniforms, exposed so they can be tested against closed forms.
[[nodiscard]] double uniform_from_bits(std::uint64_t bits) noexcept;
// A uniform in (0, 1) from one 32-bit word: for values stored as float or used where
// 2^-32 resolution is far below every other error (never exactly 0 or 1).
[[nodiscard]] double uniform_from_word(std::uint32_t word) noexcept;
// Two words as the 64 bits of uniform_from_bits (high word first).
[[nodiscard]] double uniform_from_words(std::uint32_t high, std::uint32_t low) noexcept;
[[nodiscard]] double exponential_from_uniform(double u, double mean) noexcept;

}  // namespace alignsim::sim
