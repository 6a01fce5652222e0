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

  // Two independent uniforms in the open interval (0, 1), 52 bits each.
  [[nodiscard]] std::pair<double, double> uniform_pair(const DrawKey& key) const noexcept;
  [[nodiscard]] double uniform(const DrawKey& key) const noexcept { return uniform_pair(key).first; }

  [[nodiscard]] double exponential(const DrawKey& key, double mean) const noexcept;
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
[[nodiscard]] double exponential_from_uniform(double u, double mean) noexcept;
[[nodiscard]] double standard_normal_from_uniforms(double u1, double u2) noexcept;

}  // namespace alignsim::sim
