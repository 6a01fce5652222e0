#include "sim/random/random.hpp"

#include <Random123/philox.h>

#include <cmath>

#include "sim/random/normal_quantile.hpp"

namespace alignsim::sim {
namespace {
using Philox = r123::Philox4x32;
}

RandomStreams::RandomStreams(std::uint64_t seed, std::uint32_t replicate) noexcept
    : seed_(seed), replicate_(replicate) {}

std::array<std::uint32_t, 4> RandomStreams::words(const DrawKey& key) const noexcept {
  // Key: the 64-bit seed. Counter: agent (two words), tick, and one word packing
  // purpose (8 bits), index (8 bits) and replicate (16 bits), so distinct draws never
  // share a counter while purpose < 256, index < 256 and replicate < 65,536 (the
  // scenario catalog bounds run.replicates accordingly).
  Philox::key_type k = {{static_cast<std::uint32_t>(seed_), static_cast<std::uint32_t>(seed_ >> 32)}};
  Philox::ctr_type c = {{static_cast<std::uint32_t>(key.agent), static_cast<std::uint32_t>(key.agent >> 32),
                         key.tick, 0}};
  c[3] = (key.purpose & 0xFFu) << 24 | (key.index & 0xFFu) << 16 | (replicate_ & 0xFFFFu);
  const Philox::ctr_type r = Philox{}(c, k);
  return {r[0], r[1], r[2], r[3]};
}

std::pair<double, double> RandomStreams::uniform_pair(const DrawKey& key) const noexcept {
  const auto w = words(key);
  return {uniform_from_words(w[0], w[1]), uniform_from_words(w[2], w[3])};
}

double RandomStreams::exponential(const DrawKey& key, double mean) const noexcept {
  return exponential_from_uniform(uniform(key), mean);
}

double RandomStreams::normal(const DrawKey& key, double mean, double sd) const noexcept {
  return mean + sd * standard_normal_quantile(uniform(key));
}

double RandomStreams::lognormal_with_mean(const DrawKey& key, double mean, double sigma) const noexcept {
  // E[exp(N(mu, sigma))] = exp(mu + sigma^2/2) = mean.
  const double mu = std::log(mean) - 0.5 * sigma * sigma;
  return std::exp(normal(key, mu, sigma));
}

double uniform_from_bits(std::uint64_t bits) noexcept {
  // Top 52 bits, centred in their cell: never exactly 0 or 1. (With 53 bits the top
  // cell's centre, 1 - 2^-54, is not a double and rounds up to 1.)
  return (static_cast<double>(bits >> 12) + 0.5) * 0x1.0p-52;
}

double uniform_from_word(std::uint32_t word) noexcept { return (static_cast<double>(word) + 0.5) * 0x1.0p-32; }

double uniform_from_words(std::uint32_t high, std::uint32_t low) noexcept {
  return uniform_from_bits(static_cast<std::uint64_t>(high) << 32 | low);
}

double exponential_from_uniform(double u, double mean) noexcept { return -mean * std::log(u); }


}  // namespace alignsim::sim
