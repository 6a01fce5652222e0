// Incentives (models/mechanisms/incentives.cpp): how pay bends the other mechanisms'
// rules for a run.
#include "models/mechanisms/incentives.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(Incentives, DefaultsLeaveFollowUpSyncsAndTheScoringBarAlone) {
  const auto p = testing::parameters_with({{"incentives.marketing_mql_weight", 1.0},
                                           {"incentives.bookings_pay_threshold_raise", 0.15},
                                           {"scoring.threshold", 0.70}});
  const IncentiveRules rules = incentive_rules(*p);
  EXPECT_EQ(rules.followup.trust_midpoint, p->followup.trust_midpoint);
  EXPECT_EQ(rules.sync_boost, 1.0);
  EXPECT_EQ(rules.scoring_threshold, 0.70);  // paid on MQLs: the bar is the scenario's threshold as written
  EXPECT_EQ(rules.fit_weight, p->demand.fit_weight);      // no bookings pay: no retargeting
}

TEST(Incentives, SharedPoolShiftsFollowUpMidpointAndBoostsSyncs) {
  const auto p = testing::parameters_with({{"incentives.shared_pool", true},
                                           {"incentives.shared_pool_followup_shift", 0.1},
                                           {"incentives.shared_pool_sync_boost", 0.5},
                                           {"followup.trust_midpoint", 0.34}});
  const IncentiveRules rules = incentive_rules(*p);
  EXPECT_EQ(rules.followup.trust_midpoint, 0.34 - 0.1);
  EXPECT_EQ(rules.sync_boost, 1.5);
  EXPECT_EQ(rules.followup.trust_steepness, p->followup.trust_steepness);  // the rest unchanged
}

TEST(Incentives, BookingsPayRetargetsDemandCappedAtOne) {
  const auto p = testing::parameters_with({{"incentives.marketing_mql_weight", 0.0},
                                           {"incentives.bookings_pay_targeting", 0.5},
                                           {"demand.fit_weight", 0.3},
                                           {"incentives.bookings_pay_threshold_raise", 0.15},
                                           {"scoring.threshold", 0.70}});
  const IncentiveRules rules = incentive_rules(*p);
  EXPECT_EQ(rules.fit_weight, 0.3 + 0.5 * 1.0);
  EXPECT_EQ(rules.scoring_threshold, 0.70 + 0.15 * 1.0);  // paid on bookings: the bar rises
  const auto capped = testing::parameters_with(
      {{"incentives.marketing_mql_weight", 0.0}, {"incentives.bookings_pay_targeting", 0.9}, {"demand.fit_weight", 0.5}});
  EXPECT_EQ(incentive_rules(*capped).fit_weight, 1.0);
}

}  // namespace
}  // namespace alignsim::model
