// Marketers (models/mechanisms/marketers.cpp, M18): budget shares and the rule that
// moves budget between programmes at a review.
#include "models/mechanisms/marketers.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(BudgetShares, AreEqualByDefaultAndSpreadEvenlyAroundEqual) {
  const auto equal = testing::parameters_with({{"marketers.count", std::int64_t{3}}});
  for (std::uint32_t k = 0; k < 3; ++k) EXPECT_EQ(initial_budget_share(equal->marketers, k), 1.0 / 3.0);
  const auto spread = testing::parameters_with({{"marketers.count", std::int64_t{2}}, {"marketers.budget_spread", 0.8}});
  EXPECT_DOUBLE_EQ(initial_budget_share(spread->marketers, 0), 0.3);
  EXPECT_DOUBLE_EQ(initial_budget_share(spread->marketers, 1), 0.7);
  const auto five = testing::parameters_with({{"marketers.count", std::int64_t{5}}, {"marketers.budget_spread", 1.0}});
  double sum = 0.0;
  for (std::uint32_t k = 0; k < 5; ++k) sum += initial_budget_share(five->marketers, k);
  EXPECT_NEAR(sum, 1.0, 1e-15);
}

TEST(BudgetShares, OneClockServesAllProgrammesOnlyWhenTheyCannotDiffer) {
  EXPECT_FALSE(programmes_respond_to_own_spend(*testing::parameters_with({{"marketers.count", std::int64_t{4}}})));
  for (const testing::Override& o : std::vector<testing::Override>{{"budget.response", std::string("hill")},
                                                                   {"budget.adstock_retention", 0.5},
                                                                   {"marketers.budget_rule", std::string("toward_mqls")},
                                                                   {"marketers.budget_spread", 0.2}}) {
    EXPECT_TRUE(programmes_respond_to_own_spend(*testing::parameters_with({o}))) << o.first;
  }
}

TEST(BudgetRule, MovesTheStepFromTheLowestToTheHighestYieldPerDollar) {
  const auto p = testing::parameters_with({{"marketers.budget_step", 0.1}});
  std::vector<double> share{0.25, 0.25, 0.5};
  // MQLs per dollar: 0.1, 0.05, 0.02 -> programme 2 gives, programme 0 receives.
  move_budget_share(p->marketers, std::vector<double>{10, 5, 4}, std::vector<double>{100, 100, 200}, share);
  EXPECT_DOUBLE_EQ(share[0], 0.35);
  EXPECT_DOUBLE_EQ(share[1], 0.25);
  EXPECT_DOUBLE_EQ(share[2], 0.4);
}

TEST(BudgetRule, NeverTakesMoreThanTheDonorHasAndKeepsTheSum) {
  const auto p = testing::parameters_with({{"marketers.budget_step", 0.3}});
  std::vector<double> share{0.9, 0.1};
  for (int review = 0; review < 3; ++review) {
    // MQLs per dollar 0.1 against 0.05 while programme 1 spends.
    move_budget_share(p->marketers, std::vector<double>{90, 5},
                      std::vector<double>{1000 * share[0], 1000 * share[1]}, share);
    EXPECT_GE(share[1], 0.0);
    EXPECT_NEAR(share[0] + share[1], 1.0, 1e-15);
  }
  EXPECT_EQ(share[1], 0.0);  // 0.1 was all it had, after the first review
  EXPECT_DOUBLE_EQ(share[0], 1.0);
}

TEST(BudgetRule, LeavesSharesAloneWhenYieldsAreEqualOrOnlyOneProgrammeSpent) {
  const auto p = testing::parameters_with({{"marketers.budget_step", 0.1}});
  std::vector<double> share{0.5, 0.5};
  move_budget_share(p->marketers, std::vector<double>{3, 6}, std::vector<double>{100, 200}, share);
  EXPECT_EQ(share, (std::vector<double>{0.5, 0.5}));
  std::vector<double> one_spent{1.0, 0.0};
  move_budget_share(p->marketers, std::vector<double>{3, 0}, std::vector<double>{100, 0}, one_spent);
  EXPECT_EQ(one_spent, (std::vector<double>{1.0, 0.0}));
}

}  // namespace
}  // namespace alignsim::model
