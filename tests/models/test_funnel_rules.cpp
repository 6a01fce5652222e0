// Pure rules of the funnel (population fit, demand, follow-up, qualification, close).
#include "models/funnel_rules.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model_test_support.hpp"
#include "models/mechanisms/close.hpp"
#include "models/mechanisms/demand.hpp"
#include "models/mechanisms/followup.hpp"
#include "models/mechanisms/qualification.hpp"

namespace alignsim::model {
namespace {

TEST(FunnelRules, KumaraswamyInverseCdfMatchesClosedForm) {
  // F(x) = 1 - (1 - x^a)^b, so F(fit_from_uniform(u)) == u.
  for (double u : {0.01, 0.3, 0.5, 0.9, 0.999}) {
    const double x = fit_from_uniform(u, 2.0, 2.5);
    EXPECT_NEAR(1.0 - std::pow(1.0 - std::pow(x, 2.0), 2.5), u, 1e-12);
  }
}

TEST(FunnelRules, EngagementMultiplierIsOneOnAverageFitAndNeverNegative) {
  EXPECT_DOUBLE_EQ(engagement_multiplier(0.5, 0.7), 1.0);
  EXPECT_DOUBLE_EQ(engagement_multiplier(1.0, 0.5), 1.5);
  EXPECT_DOUBLE_EQ(engagement_multiplier(0.0, 1.0), 0.0);
}

TEST(FunnelRules, WorkProbabilityRisesWithTrustAndRespectsSlaFloor) {
  auto p = testing::parameters_with({})->followup;
  EXPECT_NEAR(work_probability(p.trust_midpoint, p), 0.5, 1e-12);
  EXPECT_LT(work_probability(0.2, p), work_probability(0.4, p));
  p.sla_floor = 0.8;
  EXPECT_DOUBLE_EQ(work_probability(0.0, p), 0.8);
  p.enabled = false;
  EXPECT_DOUBLE_EQ(work_probability(0.9, p), p.fixed_work_probability);
}

TEST(FunnelRules, FreshnessReproducesHbrRatiosWithDefaultParameters) {
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

TEST(FunnelRules, JointPlayRaisesKeyAccountWinsOnly) {
  auto c = testing::parameters_with({})->close;
  const double base = win_probability(0.5, true, c);
  c.joint_key_account_play = true;
  EXPECT_NEAR(win_probability(0.5, true, c), base * (1.0 + c.joint_play_win_uplift), 1e-12);
  EXPECT_DOUBLE_EQ(win_probability(0.5, false, c), base);
  EXPECT_LE(win_probability(1.0, true, c), 0.95);
}

}  // namespace
}  // namespace alignsim::model
