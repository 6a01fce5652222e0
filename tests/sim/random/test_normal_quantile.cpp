// The standard normal quantile (sim/random/normal_quantile.cpp) against the closed form
// Phi(z) = erfc(-z / sqrt 2) / 2 and published percentage points.
#include "sim/random/normal_quantile.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace alignsim::sim {
namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

TEST(NormalQuantile, InvertsTheCdfInTheCentre) {
  // AS 241 claims about 1 part in 10^16; Phi's slope is at most 0.4, so Phi(z(u)) may
  // differ from u by a few units in the last place of u.
  for (int k = 1; k < 1000; ++k) {
    const double u = k / 1000.0;
    EXPECT_NEAR(normal_cdf(standard_normal_quantile(u)), u, 4e-16) << u;
  }
}

TEST(NormalQuantile, InvertsTheCdfInBothTails) {
  // Relative error in the tail area, down to the smallest uniform random.hpp makes
  // (2^-53) and beyond, through both tail formulas (r <= 5 and r > 5: u < 1.4e-11).
  for (double u = 0.07; u > 1e-300; u *= 0.37) {
    const double z = standard_normal_quantile(u);
    // A relative error e in z is one of about z^2 e in the tail area.
    EXPECT_NEAR(normal_cdf(z) / u, 1.0, 1e-15 * (1.0 + z * z)) << u;
  }
}

TEST(NormalQuantile, IsExactlySymmetric) {
  // For dyadic u both u and 1 - u are exact, and so is the symmetry.
  for (int k = 1; k < 1024; ++k) {
    const double u = k / 1024.0;
    EXPECT_EQ(standard_normal_quantile(1.0 - u), -standard_normal_quantile(u)) << u;
  }
}

TEST(NormalQuantile, MatchesPublishedPercentagePoints) {
  EXPECT_EQ(standard_normal_quantile(0.5), 0.0);
  EXPECT_NEAR(standard_normal_quantile(0.975), 1.959963984540054, 2e-15);
  EXPECT_NEAR(standard_normal_quantile(0.995), 2.5758293035489004, 2e-15);
  EXPECT_NEAR(standard_normal_quantile(0.025), -1.959963984540054, 2e-15);
  EXPECT_NEAR(standard_normal_quantile(1e-10), -6.361340902404056, 1e-13);
}

TEST(NormalQuantile, IsContinuousWhereItsFormulasMeet) {
  // The three rational approximations meet at |u - 1/2| = 0.425 and at r = 5
  // (u = exp(-25)): on either side of a join z moves by du / phi(z), plus rounding.
  for (const double edge : {0.075, 0.925, std::exp(-25.0)}) {
    const double du = 1e-9 * std::min(edge, 1.0 - edge);
    const double below = standard_normal_quantile(edge - du), above = standard_normal_quantile(edge + du);
    const double density = std::exp(-0.5 * below * below) / std::sqrt(2.0 * std::numbers::pi);
    EXPECT_GT(above, below) << edge;
    EXPECT_NEAR(above - below, 2.0 * du / density, 1e-14 * std::fabs(below) + 1e-3 * 2.0 * du / density) << edge;
  }
}

TEST(NormalQuantile, GivesInfinitiesOutsideTheOpenInterval) {
  EXPECT_EQ(standard_normal_quantile(0.0), -INFINITY);
  EXPECT_EQ(standard_normal_quantile(1.0), INFINITY);
}

}  // namespace
}  // namespace alignsim::sim
