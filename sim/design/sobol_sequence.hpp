#pragma once
// The Sobol low-discrepancy sequence (Bratley & Fox 1988, Algorithm 659) with the
// direction numbers of Joe & Kuo (2008), file new-joe-kuo-6.21201, for the first 32
// dimensions. Points come in Gray-code order starting with the origin, exactly as the
// unscrambled generators of Joe & Kuo and scipy.stats.qmc.Sobol produce them, so a
// point can be checked against their published values.
//
// point(i) is computed directly from i (no state), so any point of a design can be
// regenerated on its own and a sweep never needs to hold the whole sequence.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace alignsim::sim {

// Thread-safe: immutable after construction.
class SobolSequence {
 public:
  static constexpr std::size_t max_dimensions = 32;
  static constexpr unsigned bits = 52;  // coordinates are multiples of 2^-52

  // Throws std::invalid_argument unless 1 <= dimensions <= max_dimensions.
  explicit SobolSequence(std::size_t dimensions);

  [[nodiscard]] std::size_t dimensions() const noexcept { return dimensions_; }
  // Coordinates of point `index` in [0, 1); index 0 is the origin. Valid for index < 2^52.
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const;

 private:
  std::size_t dimensions_;
  std::vector<std::uint64_t> directions_;  // [dimension][bit], scaled to `bits` bits
};

}  // namespace alignsim::sim
