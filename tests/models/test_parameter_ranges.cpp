// Plausible ranges (models/parameter_ranges.cpp, issue 13 item 1): every numeric
// modelling assumption has one, each is sound, and a broken table is refused.
#include "models/parameter_ranges.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "models/parameter_binding.hpp"
#include "models/parameter_catalog.hpp"

namespace alignsim::model {
namespace {

bool is_numeric(const sim::ParameterSpec& s) {
  return s.kind == sim::ValueKind::real || s.kind == sim::ValueKind::integer;
}

TEST(PlausibleRanges, EveryNumericAssumptionHasOne) {
  int assumptions = 0;
  for (const sim::ParameterSpec& s : model_catalog().all()) {
    if (!is_numeric(s) || s.source != binding::kAssumption) continue;
    ++assumptions;
    EXPECT_TRUE(s.plausible.has_value()) << s.key << " is a modelling assumption without a plausible range";
  }
  EXPECT_GT(assumptions, 50);  // the check saw the catalog's assumptions
}

TEST(PlausibleRanges, EveryNumericParameterHasOneUnlessItIsAChoice) {
  // Run settings, a guard, conventions and the levers a what-if pulls are choices, not
  // uncertainties: every other numeric parameter, published source or not, has a range.
  const std::set<std::string> choices = {
      "budget.max_reps", "enablement.meeting_day", "followup.sla_floor", "incentives.bookings_pay_targeting",
      "incentives.bookings_pay_threshold_raise", "incentives.marketing_mql_weight", "marketers.admitting_count",
      "marketers.count", "marketers.field_count", "marketers.field_share", "marketers.pool_weight",
      "response.rep_hours_per_day", "run.horizon_days", "run.period_days", "run.replicates", "run.seed",
      "run.warmup_days", "scoring.threshold", "syncs.interval_days"};
  for (const sim::ParameterSpec& s : model_catalog().all()) {
    if (!is_numeric(s)) continue;
    EXPECT_NE(s.plausible.has_value(), choices.count(s.key) == 1)
        << s.key << (s.plausible ? ": a choice with a range" : ": no plausible range and not a listed choice");
  }
}

TEST(PlausibleRanges, EachIsInsideTheAllowedValuesAndHoldsTheDefault) {
  int ranges = 0;
  for (const sim::ParameterSpec& s : model_catalog().all()) {
    if (!s.plausible) continue;
    ++ranges;
    const sim::PlausibleRange& r = *s.plausible;
    EXPECT_TRUE(is_numeric(s)) << s.key;
    EXPECT_LT(r.low, r.high) << s.key;
    EXPECT_GE(r.low, s.minimum) << s.key;
    EXPECT_LE(r.high, s.maximum) << s.key;
    EXPECT_GE(sim::numeric_value(s.default_value), r.low) << s.key;
    EXPECT_LE(sim::numeric_value(s.default_value), r.high) << s.key;
    if (r.shape == sim::RangeShape::log_uniform) EXPECT_GT(r.low, 0.0) << s.key;
    EXPECT_FALSE(r.rationale.empty()) << s.key;
    EXPECT_LT(r.rationale.size(), 160u) << s.key << ": a rationale is one line";
  }
  EXPECT_GT(ranges, 50);
}

TEST(PlausibleRanges, ParamsDescribesTheRange) {
  const sim::ParameterSpec* elasticity = model_catalog().find("budget.demand_elasticity");
  ASSERT_NE(elasticity, nullptr);
  EXPECT_EQ(sim::plausible_description(*elasticity), "0.1 to 1 (uniform)");
  const sim::ParameterSpec* learning = model_catalog().find("trust.learning_rate");
  ASSERT_NE(learning, nullptr);
  EXPECT_EQ(sim::plausible_description(*learning), "0.03 to 0.3 (log-uniform)");
  const sim::ParameterSpec* seed = model_catalog().find("run.seed");
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(sim::plausible_description(*seed), "");  // a setting, not an assumption
}

TEST(PlausibleRanges, ATableNamingAnUnknownOrBrokenEntryIsRefused) {
  // The real table against a catalog that lacks its keys, and against one whose
  // default lies outside the table's range.
  std::vector<sim::ParameterSpec> none;
  EXPECT_THROW(attach_plausible_ranges(none), std::logic_error);
  std::vector<sim::ParameterSpec> all = model_catalog().all();
  for (auto& s : all) {
    if (s.key == "budget.demand_elasticity") s.default_value = 2.5;  // outside 0.1 to 1
  }
  try {
    attach_plausible_ranges(all);
    FAIL() << "a default outside its range was accepted";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("budget.demand_elasticity: does not contain the default"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace alignsim::model
