// The implausibility and the annual growth of docs/patterns.md, against hand-computed
// numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "experiment/pattern_check.hpp"

namespace alignsim::experiment {
namespace {

TEST(Implausibility, IsTheDistanceInSdsOfAllThreeVariances) {
  // |0.30 - 0.37| / sqrt(0.05^2 + 0.02^2 + 0.01^2) = 0.07 / sqrt(0.003) = 1.27802...
  EXPECT_NEAR(implausibility(0.30, 0.37, 0.0025, 0.0004, 0.0001), 1.2780193008453877, 1e-12);
  EXPECT_EQ(implausibility(0.5, 0.5, 0, 0, 0), 0.0);
  EXPECT_TRUE(std::isinf(implausibility(0.5, 0.6, 0, 0, 0)));
}

TEST(Implausibility, ABandIsObservedPlusMinusTwoSd) {
  Pattern pattern;
  pattern.band_low = 0.27;
  pattern.band_high = 0.47;
  EXPECT_NEAR(pattern.observation_variance(), 0.05 * 0.05, 1e-15);
  Pattern with_se;
  with_se.standard_error = 0.03;
  EXPECT_NEAR(with_se.observation_variance(), 0.0009, 1e-15);
}

TEST(AnnualGrowth, TwoYearsOfWeeksGiveYearTwoOverYearOne) {
  std::vector<double> values(104, 1.0);
  std::vector<std::int64_t> ends;
  for (int p = 0; p < 104; ++p) {
    ends.push_back(5 * (p + 1));
    if (p >= 52) values[p] = 1.1;
  }
  EXPECT_NEAR(annual_growth(values, ends), 0.1, 1e-12);
}

TEST(AnnualGrowth, IsAnnualisedOverTheGapBetweenTheHalvesMidpoints) {
  // Three periods of 10 days: halves are period 0 (rate 1/day) and period 2 (rate 2/day),
  // midpoints 5 and 25 days apart by 20: g = 2^(260/20) - 1.
  EXPECT_NEAR(annual_growth({10, 99, 20}, {10, 20, 30}), std::pow(2.0, 13.0) - 1, 1e-9);
  // A short last period counts per day: the second half is 5 days holding 10 (rate 2),
  // midpoints 5 and 12.5: g = 2^(260/7.5) - 1.
  EXPECT_NEAR(annual_growth({10, 10}, {10, 15}) / (std::pow(2.0, 260.0 / 7.5) - 1), 1.0, 1e-12);
}

TEST(AnnualGrowth, UndefinedWithoutTwoPeriodsOrAFirstHalf) {
  EXPECT_TRUE(std::isnan(annual_growth({1.0}, {5})));
  EXPECT_TRUE(std::isnan(annual_growth({0.0, 1.0}, {5, 10})));
}

}  // namespace
}  // namespace alignsim::experiment
