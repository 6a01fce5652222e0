// Budget (models/mechanisms/budget.cpp, M15): a programme's response to its spend, the
// adstock and Hill saturation of marketing-mix models, against their closed forms.
#include "models/mechanisms/budget.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(Budget, HillIsOneHalfAtTheHalfSaturationSpendAndZeroWithoutSpend) {
  for (const double shape : {0.5, 1.0, 2.0, 7.0}) {
    EXPECT_EQ(hill_saturation(250.0, 250.0, shape), 0.5) << shape;
    EXPECT_EQ(hill_saturation(0.0, 250.0, shape), 0.0) << shape;
  }
  // x^s / (x^s + K^s) at x = 300, K = 500, s = 2: 0.09 / 0.34.
  EXPECT_NEAR(hill_saturation(300.0, 500.0, 2.0), 0.09 / 0.34, 1e-15);
}

TEST(Budget, HillRisesWithSpendAndSaturatesAtOne) {
  double previous = 0.0;
  for (double spend = 1.0; spend < 1e7; spend *= 1.5) {
    const double h = hill_saturation(spend, 1000.0, 1.5);
    EXPECT_GT(h, previous) << spend;
    EXPECT_LT(h, 1.0) << spend;
    previous = h;
  }
  EXPECT_GT(previous, 0.99999);  // 1 - (1000 / 6.6e6)^1.5
  // No overflow at extreme spend or shape: still a share.
  EXPECT_EQ(hill_saturation(1e300, 1.0, 10.0), 1.0);
  EXPECT_EQ(hill_saturation(1e-300, 1e9, 10.0), 0.0);
}

TEST(Budget, ProgrammeResponseIsOneAtTheInitialBudgetSplitEqually) {
  for (const char* response : {"elasticity", "hill"}) {
    const auto p = testing::parameters_with({{"budget.response", std::string(response)},
                                             {"budget.hill_half_saturation_usd_per_day", 400.0},
                                             {"budget.hill_shape", 2.0}});
    for (const std::size_t programmes : {1U, 3U, 7U}) {
      const double calibrated = calibrated_programme_spend(p->budget, programmes);
      EXPECT_DOUBLE_EQ(calibrated, 1000.0 / static_cast<double>(programmes));
      EXPECT_EQ(programme_response(p->budget, calibrated, calibrated), 1.0) << response << programmes;
    }
  }
}

TEST(Budget, ProgrammeResponseFollowsItsClosedForm) {
  const auto hill = testing::parameters_with({{"budget.response", std::string("hill")},
                                              {"budget.hill_half_saturation_usd_per_day", 500.0},
                                              {"budget.hill_shape", 2.0}});
  // Hill(700) / Hill(500) = (0.49 / 0.74) / 0.5.
  EXPECT_NEAR(programme_response(hill->budget, 700.0, 500.0), 0.49 / 0.74 / 0.5, 1e-14);
  // Saturation: doubling spend far above K adds almost nothing.
  EXPECT_LT(programme_response(hill->budget, 2e5, 1e5) - 1.0, 1e-4);
  const auto elastic = testing::parameters_with({{"budget.demand_elasticity", 0.5}});
  EXPECT_NEAR(programme_response(elastic->budget, 2000.0, 500.0), 2.0, 1e-15);
}

TEST(Budget, ConstantSpendGivesAdstockEqualToTheSpend) {
  const double retention = 0.8;
  double adstock = 0.0;
  for (int day = 1; day <= 200; ++day) {
    adstock = adstocked_spend(retention, adstock, 300.0);
    // Closed form from zero: the gap to the spend falls by the retention each day.
    EXPECT_NEAR(adstock, 300.0 * (1.0 - std::pow(retention, day)), 1e-12) << day;
  }
  EXPECT_NEAR(adstock, 300.0, 1e-12);
  EXPECT_EQ(adstocked_spend(retention, 300.0, 300.0), 300.0);
  EXPECT_EQ(adstocked_spend(0.0, 12345.0, 300.0), 300.0);  // no carry-over: today's spend
}

TEST(Budget, OnePulseOfSpendDecaysByTheRetentionEachDay) {
  const double retention = 0.6;
  double adstock = adstocked_spend(retention, 0.0, 1000.0);
  EXPECT_DOUBLE_EQ(adstock, 400.0);  // (1 - retention) of the pulse on its day
  double total = adstock;
  for (int day = 1; day < 200; ++day) {
    const double next = adstocked_spend(retention, adstock, 0.0);
    if (day < 30) {
      EXPECT_NEAR(next / adstock, retention, 1e-12) << day;
    }
    adstock = next;
    total += adstock;
  }
  // Normalised: the pulse's carry-over adds up to the pulse, 400 / (1 - 0.6) = 1000.
  EXPECT_NEAR(total, 1000.0, 1e-9);
}

}  // namespace
}  // namespace alignsim::model
