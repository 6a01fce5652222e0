// The Sobol generator against published points: the unscrambled Joe-Kuo sequence as
// scipy.stats.qmc.Sobol(32, scramble=False) (scipy 1.10.1) prints it.
#include <gtest/gtest.h>

#include "sim/design/sobol_sequence.hpp"

namespace alignsim::sim {
namespace {

TEST(SobolSequence, FirstPointsMatchJoeKuoAsPublishedByScipy) {
  const SobolSequence sobol(32);
  // index -> coordinates of dimensions 1, 2, 3, 5, 10, 16 and 32 (1-based).
  const std::vector<std::pair<std::uint64_t, std::vector<double>>> expected{
      {0, {0, 0, 0, 0, 0, 0, 0}},
      {1, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}},
      {2, {0.75, 0.25, 0.25, 0.75, 0.75, 0.25, 0.25}},
      {3, {0.25, 0.75, 0.75, 0.25, 0.25, 0.75, 0.75}},
      {5, {0.875, 0.875, 0.125, 0.875, 0.125, 0.375, 0.625}},
      {7, {0.125, 0.625, 0.375, 0.125, 0.875, 0.125, 0.875}},
      {13, {0.8125, 0.6875, 0.8125, 0.4375, 0.4375, 0.5625, 0.4375}},
      {100, {0.4140625, 0.2578125, 0.7734375, 0.8828125, 0.6953125, 0.4921875, 0.4140625}},
      {1023, {0.0009765625, 0.7529296875, 0.6123046875, 0.1865234375, 0.8505859375, 0.4638671875, 0.6142578125}},
  };
  const std::size_t dims[] = {0, 1, 2, 4, 9, 15, 31};
  for (const auto& [index, values] : expected) {
    const std::vector<double> point = sobol.point(index);
    for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(point[dims[i]], values[i]) << index << " dim " << dims[i] + 1;
  }
}

TEST(SobolSequence, EachDyadicBlockOfPointsFillsEveryCellOnce) {
  const SobolSequence sobol(8);
  for (std::size_t d = 0; d < 8; ++d) {
    std::vector<int> cells(64, 0);
    for (std::uint64_t i = 0; i < 64; ++i) ++cells[static_cast<std::size_t>(sobol.point(i)[d] * 64)];
    for (int c : cells) EXPECT_EQ(c, 1);
  }
}

TEST(SobolSequence, RejectsUnsupportedDimensions) {
  EXPECT_THROW(SobolSequence(0), std::invalid_argument);
  EXPECT_THROW(SobolSequence(33), std::invalid_argument);
}

}  // namespace
}  // namespace alignsim::sim
