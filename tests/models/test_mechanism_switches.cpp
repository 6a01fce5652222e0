// Switching one mechanism changes only what it should. The scenario is small and its
// feedback loops are cut (no recycling to nurture, fixed budget, no churn, no word of
// mouth, no turnover), so with common random numbers every metric upstream of a
// mechanism is bitwise identical with it on or off, and its own metrics move the way
// its equation says.
#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

using testing::Override;

std::vector<Override> isolated(std::vector<Override> extra) {
  std::vector<Override> o = {{"population.prospects", std::int64_t{4000}},
                             {"population.reps", std::int64_t{8}},
                             {"run.horizon_days", std::int64_t{200}},
                             {"demand.innovation_rate", 0.004},
                             {"funnel.recycle_to_nurture", false},
                             {"budget.follows_revenue", false},
                             {"churn.enabled", false},
                             {"reps.annual_turnover", 0.0},
                             {"prospecting.enabled", false}};
  o.insert(o.end(), extra.begin(), extra.end());
  return o;
}

// Sum of a summary metric over a few replicates.
double total(const std::vector<Override>& overrides, Summary metric) {
  const auto p = testing::parameters_with(overrides);
  double sum = 0;
  for (std::uint32_t r = 0; r < 4; ++r) sum += testing::summary(run_model(p, r), metric);
  return sum;
}

TEST(MechanismSwitches, JointKeyAccountPlayChangesOnlyKeyAccountOutcomes) {  // M7
  const auto off = isolated({}), on = isolated({{"close.joint_key_account_play", true}});
  for (Summary same : {Summary::inquiries, Summary::mqls, Summary::mqls_worked, Summary::qualified}) {
    EXPECT_EQ(total(off, same), total(on, same));
  }
  EXPECT_GT(total(on, Summary::key_account_wins), total(off, Summary::key_account_wins));
  EXPECT_EQ(total(on, Summary::wins) - total(on, Summary::key_account_wins),
            total(off, Summary::wins) - total(off, Summary::key_account_wins));
}

TEST(MechanismSwitches, OwnProspectingCreatesOwnLeadsAndHoarding) {  // M9
  const auto off = isolated({}), on = isolated({{"prospecting.enabled", true}});
  EXPECT_EQ(total(off, Summary::own_leads), 0.0);
  EXPECT_EQ(total(off, Summary::prospecting_time_share), 0.0);
  EXPECT_GT(total(on, Summary::own_leads), 0.0);
  EXPECT_GT(total(on, Summary::hoarded_leads), 0.0);
  EXPECT_GT(total(on, Summary::sales_sourced_wins), 0.0);
  EXPECT_GT(total(on, Summary::prospecting_time_share), 0.0);
  const auto no_hoarding = isolated({{"prospecting.enabled", true}, {"prospecting.hoarding_share", 0.0}});
  EXPECT_EQ(total(no_hoarding, Summary::hoarded_leads), 0.0);
}

TEST(MechanismSwitches, FeedbackLowersScoringNoiseAndNothingUpstream) {  // M10
  const auto off = isolated({}), on = isolated({{"feedback.enabled", true}});
  EXPECT_EQ(total(off, Summary::scoring_noise_end), 4 * 0.25);
  EXPECT_EQ(total(off, Summary::feedback_reports), 0.0);
  EXPECT_GT(total(on, Summary::feedback_reports), 0.0);
  EXPECT_LT(total(on, Summary::scoring_noise_end), 4 * 0.25);
  EXPECT_EQ(total(off, Summary::inquiries), total(on, Summary::inquiries));  // demand is upstream
}

TEST(MechanismSwitches, SalesInputRaisesContentRelevanceAndEngagement) {  // M11
  const auto off = isolated({}), on = isolated({{"content.sales_input", true}});
  EXPECT_EQ(total(off, Summary::content_relevance_end), 4 * 0.4);
  EXPECT_GT(total(on, Summary::content_relevance_end), 4 * 0.4);
  EXPECT_GT(total(on, Summary::inquiries), total(off, Summary::inquiries));
  const auto no_effects = isolated({{"content.sales_input", true}, {"content.engagement_effect", 0.0}});
  EXPECT_EQ(total(no_effects, Summary::inquiries), total(off, Summary::inquiries));
}

TEST(MechanismSwitches, MqlPayLowersTheBarBookingsPayTargetsFitAndSharedPoolRaisesFollowUp) {  // M12
  const auto base = isolated({});
  // Bookings pay without targeting: the same inquiries, a higher bar, fewer MQLs.
  const auto bar_only = isolated({{"incentives.marketing_mql_weight", 0.0}, {"incentives.bookings_pay_targeting", 0.0}});
  EXPECT_EQ(total(base, Summary::inquiries), total(bar_only, Summary::inquiries));
  EXPECT_LT(total(bar_only, Summary::inquiry_to_mql), total(base, Summary::inquiry_to_mql));
  // Targeting without the bar: inquiries come from better-fitting accounts, so more of
  // them pass the same bar.
  const auto targeting_only = isolated({{"incentives.marketing_mql_weight", 0.0},
                                        {"incentives.bookings_pay_threshold_raise", 0.0}});
  const auto no_pressure = isolated({{"incentives.bookings_pay_threshold_raise", 0.0}});
  EXPECT_GT(total(targeting_only, Summary::inquiry_to_mql), total(no_pressure, Summary::inquiry_to_mql));
  const auto pool = isolated({{"incentives.shared_pool", true}});
  EXPECT_EQ(total(base, Summary::mqls), total(pool, Summary::mqls));
  EXPECT_GT(total(pool, Summary::mql_to_worked), total(base, Summary::mql_to_worked));
}

TEST(MechanismSwitches, SyncsWithSharedDataLiftTrustAndSyncsAloneChangeNothing) {  // M13
  const auto off = isolated({});
  const auto empty_syncs = isolated({{"syncs.enabled", true}, {"syncs.shared_data_weight", 0.0},
                                     {"syncs.team_averaging", 0.0}});
  EXPECT_EQ(total(off, Summary::wins), total(empty_syncs, Summary::wins));
  EXPECT_EQ(total(off, Summary::mean_rep_trust_end), total(empty_syncs, Summary::mean_rep_trust_end));
  const auto shared = isolated({{"syncs.enabled", true}});
  EXPECT_GT(total(shared, Summary::mean_rep_trust_end), total(off, Summary::mean_rep_trust_end));
  EXPECT_GT(total(shared, Summary::mql_to_worked), total(off, Summary::mql_to_worked));
}

TEST(MechanismSwitches, OnboardingMattersOnlyWhenNewRepsArrive) {  // M14
  EXPECT_EQ(total(isolated({}), Summary::wins), total(isolated({{"onboarding.enabled", true}}), Summary::wins));
  const auto turnover = isolated({{"reps.annual_turnover", 1.5}});
  const auto onboarded = isolated({{"reps.annual_turnover", 1.5}, {"onboarding.enabled", true},
                                   {"onboarding.new_rep_trust", 0.9}, {"trust.learning", false}});
  const auto sceptical = isolated({{"reps.annual_turnover", 1.5}, {"trust.learning", false}});
  EXPECT_GT(total(onboarded, Summary::mean_rep_trust_end), total(sceptical, Summary::mean_rep_trust_end));
  EXPECT_EQ(total(turnover, Summary::inquiries), total(onboarded, Summary::inquiries));
}

TEST(MechanismSwitches, BudgetFollowingRevenueMovesSpendAndDemand) {  // M15
  const auto fixed = isolated({});
  EXPECT_DOUBLE_EQ(total(fixed, Summary::marketing_spend_usd), 4 * 200 * 1000.0);
  const auto follows = isolated({{"budget.follows_revenue", true}});
  EXPECT_NE(total(follows, Summary::marketing_spend_usd), total(fixed, Summary::marketing_spend_usd));
  EXPECT_EQ(total(fixed, Summary::reps_end), 4 * 8.0);
}

TEST(MechanismSwitches, ChurnLosesCustomersOnly) {  // M16
  const auto off = isolated({}), on = isolated({{"churn.enabled", true}, {"churn.annual_rate", 2.0}});
  EXPECT_EQ(total(off, Summary::churned), 0.0);
  EXPECT_EQ(total(off, Summary::retention), 4.0);
  EXPECT_GT(total(on, Summary::churned), 0.0);
  EXPECT_LT(total(on, Summary::customers_end), total(off, Summary::customers_end));
  // Churned accounts do not come back here (no recycling), so the funnel is untouched.
  EXPECT_EQ(total(on, Summary::wins), total(off, Summary::wins));
}

TEST(MechanismSwitches, SellingFrameworkSpreadsAndLiftsWins) {  // M17
  const auto off = isolated({}), on = isolated({{"enablement.enabled", true}});
  EXPECT_EQ(total(off, Summary::framework_adoption_end), 0.0);
  EXPECT_GT(total(on, Summary::framework_adoption_end), 0.0);
  EXPECT_EQ(total(off, Summary::qualified), total(on, Summary::qualified));
  EXPECT_GT(total(on, Summary::win_rate), total(off, Summary::win_rate));
}

}  // namespace
}  // namespace alignsim::model
