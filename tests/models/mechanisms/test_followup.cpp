// Follow-up (models/mechanisms/followup.cpp): the probability a rep works a lead.
#include "models/mechanisms/followup.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(FollowUp, WorkProbabilityRisesWithTrustAndRespectsSlaFloor) {
  auto p = testing::parameters_with({})->followup;
  EXPECT_NEAR(work_probability(p.trust_midpoint, p), 0.5, 1e-12);
  EXPECT_LT(work_probability(0.2, p), work_probability(0.4, p));
  p.sla_floor = 0.8;
  EXPECT_DOUBLE_EQ(work_probability(0.0, p), 0.8);
  p.enabled = false;
  EXPECT_DOUBLE_EQ(work_probability(0.9, p), p.fixed_work_probability);
}

}  // namespace
}  // namespace alignsim::model
