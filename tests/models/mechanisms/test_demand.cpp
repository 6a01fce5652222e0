// Demand (models/mechanisms/demand.cpp): the relative engagement hazard.
#include "models/mechanisms/demand.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(Demand, EngagementMultiplierIsOneOnAverageFitAndNeverNegative) {
  EXPECT_DOUBLE_EQ(engagement_multiplier(0.5, 0.7), 1.0);
  EXPECT_DOUBLE_EQ(engagement_multiplier(1.0, 0.5), 1.5);
  EXPECT_DOUBLE_EQ(engagement_multiplier(0.0, 1.0), 0.0);
}

}  // namespace
}  // namespace alignsim::model
