// Programmes that respond to their own spend (docs/model.md M15, M18): each programme's
// inquiries follow its adstocked spend through the Hill response, each on its own
// engagement clock, and the budget rule moves spend toward MQLs or bookings per dollar.
// Statistical checks use fixed seeds and 3 standard errors.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "model_test_support.hpp"
#include "models/mechanisms/budget.hpp"
#include "models/mechanisms/marketers.hpp"
#include "models/metric_catalog.hpp"
#include "models/rep_ledger.hpp"

namespace alignsim::model {
namespace {

using End = std::vector<Simulation::MarketerEnd>;

End run_to_end(const std::shared_ptr<const ModelParameters>& p, std::uint32_t replicate, sim::RunOutput* out = nullptr) {
  Simulation simulation(p, replicate);
  sim::RunOutput o = simulation.run();
  if (out != nullptr) *out = std::move(o);
  return simulation.marketers_at_end();
}

TEST(ProgrammeClocks, WithEqualResponsesGiveBitwiseTheResultsOfTheOneSharedClock) {
  // A budget rule that moves nothing (step 0) puts each of three programmes on its own
  // clock; at the constant initial budget every response is exactly 1, so the merged
  // dues must be the shared clock's, and every number of the run the same.
  const std::vector<testing::Override> base{{"marketers.count", std::int64_t{3}},
                                            {"budget.follows_revenue", false},
                                            {"run.horizon_days", std::int64_t{200}}};
  std::vector<testing::Override> own = base;
  own.push_back({"marketers.budget_rule", std::string("toward_mqls")});
  own.push_back({"marketers.budget_step", 0.0});
  const auto shared_p = testing::parameters_with(base), own_p = testing::parameters_with(own);
  ASSERT_FALSE(programmes_respond_to_own_spend(*shared_p));
  ASSERT_TRUE(programmes_respond_to_own_spend(*own_p));
  for (std::uint32_t r = 0; r < 2; ++r) {
    sim::RunOutput shared, separate;
    (void)run_to_end(shared_p, r, &shared);
    (void)run_to_end(own_p, r, &separate);
    EXPECT_EQ(shared.summary, separate.summary) << r;
    EXPECT_EQ(shared.series, separate.series) << r;
    EXPECT_GT(testing::summary(shared, Summary::inquiries), 1000.0);
  }
}

TEST(ProgrammeSpend, UnderHillResponseInquiriesPerProgrammeHaveTheClosedFormRatio) {
  // Demand only: no inquiry becomes an MQL, so each returns to nurture at once and each
  // programme's inquiries are Poisson with mean (prospects / 2) x p x response x days.
  // Shares 0.3 and 0.7 of $1000/day, K = $500/day, s = 2: response ratio
  // Hill(700) / Hill(300) = (0.49 / 0.74) / (0.09 / 0.34) = 2.5015.
  std::vector<testing::Override> o = testing::fixed_rate_funnel();
  o.insert(o.end(), {{"scoring.fixed_mql_probability", 0.0},
                     {"marketers.count", std::int64_t{2}},
                     {"marketers.budget_spread", 0.8},
                     {"budget.response", std::string("hill")},
                     {"budget.hill_half_saturation_usd_per_day", 500.0},
                     {"budget.hill_shape", 2.0},
                     {"run.horizon_days", std::int64_t{2000}}});
  const auto p = testing::parameters_with(o);
  const End end = run_to_end(p, 0);
  const double ratio = hill_saturation(700.0, 500.0, 2.0) / hill_saturation(300.0, 500.0, 2.0);
  EXPECT_NEAR(ratio, 2.5015, 1e-4);
  const double low = end[0].inquiries, high = end[1].inquiries;
  RecordProperty("inquiries_low_share", std::to_string(low));
  RecordProperty("inquiries_high_share", std::to_string(high));
  // Poisson: Var(high - ratio x low) = E[high] + ratio^2 E[low], estimated by the counts.
  EXPECT_LT(std::abs(high - ratio * low), 3.0 * std::sqrt(high + ratio * ratio * low)) << low << " " << high;
  // The absolute level too: each programme's count against its Poisson mean.
  const double days = static_cast<double>(p->run.horizon_days), half = 0.5 * static_cast<double>(p->population.prospects);
  for (std::size_t m = 0; m < 2; ++m) {
    const double spend = p->budget.initial_marketing_usd_per_day * (m == 0 ? 0.3 : 0.7);
    const double mean = half * p->demand.innovation_rate * days *
                        programme_response(p->budget, spend, calibrated_programme_spend(p->budget, 2));
    EXPECT_LT(std::abs(end[m].inquiries - mean), 3.0 * std::sqrt(mean)) << m << ": " << end[m].inquiries;
  }
  // And the spend each programme was charged.
  EXPECT_NEAR(end[0].spend_usd, 300.0 * days, 1e-6 * days);
  EXPECT_NEAR(end[1].spend_usd, 700.0 * days, 1e-6 * days);
}

// Two marketers whose budget moves at each review (every 60 business days, 11 in the
// warm-up and the horizon): 0.05 of the budget toward the better yield per dollar.
std::vector<End> moving_budget(const std::string& rule, std::vector<testing::Override> more, int replicates) {
  more.push_back({"marketers.count", std::int64_t{2}});
  more.push_back({"marketers.budget_rule", rule});
  const auto p = testing::parameters_with(more);
  std::vector<End> ends;
  for (int r = 0; r < replicates; ++r) ends.push_back(run_to_end(p, static_cast<std::uint32_t>(r)));
  return ends;
}

TEST(BudgetRule, TowardMqlsMovesBudgetToTheProgrammeWithTheLowerScoringBar) {
  // Bars 0.45 and 0.95: marketer 0 turns far more of its inquiries into MQLs.
  for (const End& e : moving_budget("toward_mqls", {{"marketers.bar_spread", 0.5}}, 3)) {
    EXPECT_GT(e[0].budget_share, 0.8);
    EXPECT_NEAR(e[0].budget_share + e[1].budget_share, 1.0, 1e-12);
    EXPECT_GT(e[0].spend_usd, e[1].spend_usd);
  }
  for (const End& e : moving_budget("fixed", {{"marketers.bar_spread", 0.5}}, 1)) EXPECT_EQ(e[0].budget_share, 0.5);
}

TEST(BudgetRule, TowardBookingsMovesBudgetToTheProgrammeWhoseLeadsCloseAndMqlsDoNotCare) {
  // Content relevance 0 against 0.9 with a strong qualification effect: marketer 1's
  // leads qualify ten times as often (lift 0.2 against 2), while both programmes bring
  // the same MQLs per dollar.
  const std::vector<testing::Override> o{{"marketers.relevance_spread", 1.0}, {"content.qualification_effect", 2.0}};
  const auto on_bookings = moving_budget("toward_bookings", o, 6), on_mqls = moving_budget("toward_mqls", o, 6);
  std::vector<double> difference;
  for (std::size_t r = 0; r < on_bookings.size(); ++r) {
    EXPECT_GT(on_bookings[r][1].budget_share, 0.5) << r;
    EXPECT_GT(on_bookings[r][1].bookings_usd, on_bookings[r][0].bookings_usd) << r;
    difference.push_back(on_bookings[r][1].budget_share - on_mqls[r][1].budget_share);
  }
  EXPECT_TRUE(testing::clearly_positive(difference));
}

TEST(BudgetRule, ProgrammesSpendTheWholeBudgetBetweenThem) {
  // Budget following revenue, shares moving: the marketers' spend adds up to the run's.
  const auto p = testing::parameters_with({{"marketers.count", std::int64_t{3}},
                                           {"marketers.bar_spread", 0.4},
                                           {"marketers.budget_rule", std::string("toward_mqls")}});
  sim::RunOutput out;
  const End end = run_to_end(p, 0, &out);
  double spend = 0.0, share = 0.0;
  for (const auto& m : end) spend += m.spend_usd, share += m.budget_share;
  EXPECT_NEAR(spend, testing::summary(out, Summary::marketing_spend_usd), 1e-9 * spend);
  EXPECT_NEAR(share, 1.0, 1e-12);
  EXPECT_NE(end[0].budget_share, 1.0 / 3.0);  // it moved
}

TEST(MarketerSeries, RecordsEachMarketersBudgetShareAndSpendPerPeriod) {
  // No warm-up, so the first periods come before the first review (day 60).
  const auto p = testing::parameters_with({{"marketers.count", std::int64_t{3}},
                                           {"marketers.bar_spread", 0.4},
                                           {"marketers.budget_rule", std::string("toward_mqls")},
                                           {"run.warmup_days", std::int64_t{0}}});
  sim::RunOutput out;
  const End end = run_to_end(p, 0, &out);
  const std::size_t periods = sim::reporting_periods(p->run.horizon_days, p->run.period_days);
  // /agents/marketers follows the reps' and the buckets' tables in RunOutput::agents.
  const std::size_t offset = static_cast<std::size_t>(RepColumn::count) * rep_rows_bound(*p) +
                             static_cast<std::size_t>(FunnelColumn::count) * static_cast<std::size_t>(ResponseBucket::count);
  const auto cell = [&](MarketerColumn c, std::size_t m, std::size_t period) {
    return out.agents.at(offset + (static_cast<std::size_t>(c) * 3 + m) * periods + period);
  };
  double spend = 0.0;
  for (std::size_t t = 0; t < periods; ++t) {
    double share = 0.0;
    for (std::size_t m = 0; m < 3; ++m) {
      share += cell(MarketerColumn::budget_share, m, t);
      spend += cell(MarketerColumn::spend_usd, m, t);
    }
    EXPECT_NEAR(share, 1.0, 1e-12) << t;
  }
  EXPECT_NEAR(spend, testing::summary(out, Summary::marketing_spend_usd), 1e-9 * spend);
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_EQ(cell(MarketerColumn::budget_share, m, 0), 1.0 / 3.0) << m;  // before any review
    EXPECT_EQ(cell(MarketerColumn::budget_share, m, periods - 1), end[m].budget_share) << m;
  }
  // The lowest bar draws the most MQLs per dollar: its share grew.
  EXPECT_GT(cell(MarketerColumn::budget_share, 0, periods - 1), 1.0 / 3.0);
}

}  // namespace
}  // namespace alignsim::model
