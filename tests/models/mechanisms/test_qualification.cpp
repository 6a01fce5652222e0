// Qualification (models/mechanisms/qualification.cpp): lead freshness.
#include "models/mechanisms/qualification.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(Qualification, FreshnessReproducesHbrRatiosWithDefaultParameters) {
  // HBR 2011: contact in the first hour made qualifying ~7x as likely as an hour later
  // and ~60x as likely as after 24 h. Averages over uniform delays in each hour.
  const auto q = testing::parameters_with({})->qualification;
  auto mean_freshness = [&](double from, double to) {
    double sum = 0;
    const int steps = 1000;
    for (int i = 0; i < steps; ++i) sum += freshness(from + (to - from) * (i + 0.5) / steps, q);
    return sum / steps;
  };
  const double first_hour = mean_freshness(0, 1);
  EXPECT_NEAR(first_hour / mean_freshness(1, 2), 7.0, 1.5);
  EXPECT_NEAR(first_hour / mean_freshness(24, 48), 60.0, 10.0);
  EXPECT_DOUBLE_EQ(freshness(0.0, q), 1.0);
}

}  // namespace
}  // namespace alignsim::model
