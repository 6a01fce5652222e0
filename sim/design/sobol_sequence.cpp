#include "sim/design/sobol_sequence.hpp"

#include <array>
#include <stdexcept>

namespace alignsim::sim {
namespace {

// One line of Joe & Kuo's table: degree s of the primitive polynomial, its inner
// coefficients a (as bits), and the initial direction numbers m_1..m_s.
struct JoeKuoLine {
  unsigned s;
  unsigned a;
  std::array<std::uint32_t, 7> m;
};

// new-joe-kuo-6.21201, dimensions 2..32 (dimension 1 is the van der Corput sequence).
constexpr std::array<JoeKuoLine, 31> kJoeKuo{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},
}};

constexpr unsigned kBits = SobolSequence::bits;

// Direction numbers v_k = m_k / 2^k as kBits-bit integers, extended by the recurrence
// m_k = 2 a_1 m_{k-1} ^ 4 a_2 m_{k-2} ^ ... ^ 2^s m_{k-s} ^ m_{k-s}.
std::array<std::uint64_t, kBits> directions_for(std::size_t dimension) {
  std::array<std::uint64_t, kBits> v{};
  if (dimension == 0) {
    for (unsigned k = 0; k < kBits; ++k) v[k] = std::uint64_t{1} << (kBits - 1 - k);
    return v;
  }
  const JoeKuoLine& line = kJoeKuo[dimension - 1];
  for (unsigned k = 0; k < line.s && k < kBits; ++k) v[k] = std::uint64_t{line.m[k]} << (kBits - 1 - k);
  for (unsigned k = line.s; k < kBits; ++k) {
    std::uint64_t value = v[k - line.s] ^ (v[k - line.s] >> line.s);
    for (unsigned j = 1; j < line.s; ++j) {
      if (((line.a >> (line.s - 1 - j)) & 1u) != 0) value ^= v[k - j];
    }
    v[k] = value;
  }
  return v;
}

}  // namespace

SobolSequence::SobolSequence(std::size_t dimensions) : dimensions_(dimensions) {
  if (dimensions == 0 || dimensions > max_dimensions) {
    throw std::invalid_argument("the Sobol sequence supports 1 to 32 dimensions");
  }
  directions_.reserve(dimensions * kBits);
  for (std::size_t d = 0; d < dimensions; ++d) {
    const auto v = directions_for(d);
    directions_.insert(directions_.end(), v.begin(), v.end());
  }
}

std::vector<double> SobolSequence::point(std::uint64_t index) const {
  // In Gray-code order point i is the XOR of the direction numbers of the set bits of
  // gray(i) = i ^ (i >> 1); that equals the usual one-step-at-a-time recurrence.
  const std::uint64_t gray = index ^ (index >> 1);
  std::vector<double> out(dimensions_);
  for (std::size_t d = 0; d < dimensions_; ++d) {
    std::uint64_t x = 0;
    for (unsigned k = 0; k < kBits && (gray >> k) != 0; ++k) {
      if (((gray >> k) & 1u) != 0) x ^= directions_[d * kBits + k];
    }
    out[d] = static_cast<double>(x) * 0x1.0p-52;
  }
  return out;
}

}  // namespace alignsim::sim
