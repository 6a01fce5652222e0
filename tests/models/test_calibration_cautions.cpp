// The budget-per-prospect caution: silent inside the calibrated range, speaks outside it,
// and only when the M15 loop can carry the mismatch into demand.
#include "models/calibration_cautions.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

using testing::parameters_with;

std::vector<sim::SettingCaution> cautions_for(std::int64_t prospects, double budget,
                                              std::vector<testing::Override> more = {}) {
  more.push_back({"population.prospects", prospects});
  more.push_back({"budget.initial_marketing_usd_per_day", budget});
  return calibration_cautions(*parameters_with(more));
}

TEST(CalibrationCautions, BaselineDefaultsAreInsideTheCalibratedRange) {
  EXPECT_TRUE(calibration_cautions(*parameters_with({})).empty());
  // Scaled with the market, as scenarios/bench/ do: still the baseline's $0.05 per prospect.
  EXPECT_TRUE(cautions_for(1000000, 50000).empty());
}

TEST(CalibrationCautions, BudgetPerProspectBeyondFiveTimesEitherWayIsCautioned) {
  EXPECT_TRUE(cautions_for(20000, 5000).empty()) << "exactly 5x is still inside";
  EXPECT_TRUE(cautions_for(20000, 200).empty()) << "exactly 1/5 is still inside";
  const auto high = cautions_for(2000, 1000);  // $0.50 per prospect: 10x
  ASSERT_EQ(high.size(), 1u);
  EXPECT_EQ(high[0].key, "budget.initial_marketing_usd_per_day");
  EXPECT_NE(high[0].text.find("10 times the calibrated $0.05"), std::string::npos) << high[0].text;
  const auto low = cautions_for(400000, 1000);  // $0.0025 per prospect: 1/20
  ASSERT_EQ(low.size(), 1u);
  EXPECT_NE(low[0].text.find("1/20 of the calibrated"), std::string::npos) << low[0].text;
}

TEST(CalibrationCautions, SilentWhenTheBudgetCannotMoveDemand) {
  EXPECT_TRUE(cautions_for(2000, 1000, {{"budget.follows_revenue", false}}).empty());
  EXPECT_TRUE(cautions_for(2000, 1000, {{"budget.demand_elasticity", 0.0}}).empty());
  EXPECT_TRUE(cautions_for(2000, 1000, {{"demand.enabled", false}}).empty());
}

}  // namespace
}  // namespace alignsim::model
