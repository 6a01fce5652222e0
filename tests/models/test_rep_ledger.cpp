// The rep ledger: counts against a hand-made sequence of events, its row bound, and a
// whole run whose per-rep and per-bucket sums equal the run's summary totals.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "model_test_support.hpp"
#include "models/rep_ledger.hpp"
#include "models/simulation.hpp"
#include "sim/errors.hpp"

namespace alignsim::model {
namespace {

constexpr std::size_t kRepColumns = static_cast<std::size_t>(RepColumn::count);
constexpr std::size_t kBuckets = static_cast<std::size_t>(ResponseBucket::count);

double rep_cell(const std::vector<double>& values, std::size_t rows, RepColumn column, std::size_t rep) {
  return values[static_cast<std::size_t>(column) * rows + rep];
}
double funnel_cell(const std::vector<double>& values, std::size_t rows, FunnelColumn column, ResponseBucket bucket) {
  return values[kRepColumns * rows + static_cast<std::size_t>(column) * kBuckets + static_cast<std::size_t>(bucket)];
}

RepAtEnd at_end(std::uint32_t rep) { return {1.5 + rep, 0.8, rep == 0, 0.25}; }

TEST(RepLedger, CountsAHandMadeSequenceOfEvents) {
  RepLedger ledger(10);
  ledger.hired(0);
  ledger.hired(1);
  // Rep 0: prospect 1 worked, answered in 0.5 h, qualified, won $1000; prospect 2
  // ignored, never answered; prospect 3 worked, answered in 30 h, not qualified.
  ledger.worked(0, 1);
  ledger.responded(0, 1, 0.5);
  ledger.qualified(0, 1, false);
  ledger.won(0, 1000.0);
  ledger.ignored(0, 2);
  ledger.worked(0, 3);
  ledger.responded(0, 3, 30.0);
  // Rep 1: prospect 4 ignored with a courtesy reply after 1.5 h; its own lead 5 qualifies
  // and wins $500 (not an MQL: in the rep's counts, not in the funnel).
  ledger.ignored(1, 4);
  ledger.responded(1, 4, 1.5);
  ledger.qualified(1, 5, true);
  ledger.won(1, 500.0);
  ledger.workday(1, 2.0, 8.0);
  ledger.workday(1, 0.0, 8.0);
  ledger.left(1, 40);
  EXPECT_EQ(ledger.left_day(1), 40);
  EXPECT_EQ(ledger.left_day(0), -1);

  const std::size_t rows = 3;
  const std::vector<double> v = ledger.finish(rows, at_end);
  ASSERT_EQ(v.size(), kRepColumns * rows + static_cast<std::size_t>(FunnelColumn::count) * kBuckets);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::leads_received, 0), 3.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::leads_worked, 0), 2.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::leads_ignored, 0), 1.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::median_response_hours, 0), 15.25);  // of 0.5 and 30
  EXPECT_EQ(rep_cell(v, rows, RepColumn::qualified, 0), 1.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::won, 0), 1.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::bookings_usd, 0), 1000.0);
  EXPECT_TRUE(std::isnan(rep_cell(v, rows, RepColumn::own_prospecting_share, 0)));  // no workday recorded
  EXPECT_EQ(rep_cell(v, rows, RepColumn::active_at_end, 0), 1.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::experience_years, 0), 1.5);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::capacity_multiplier, 0), 0.8);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::trust_at_end, 0), 0.25);

  EXPECT_EQ(rep_cell(v, rows, RepColumn::leads_received, 1), 1.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::median_response_hours, 1), 1.5);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::qualified, 1), 1.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::bookings_usd, 1), 500.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::own_prospecting_share, 1), 0.125);  // 2 of 16 hours
  EXPECT_EQ(rep_cell(v, rows, RepColumn::active_at_end, 1), 0.0);
  EXPECT_EQ(rep_cell(v, rows, RepColumn::experience_years, 1), 2.5);
  // Row 2: never hired.
  for (std::size_t c = 0; c < kRepColumns; ++c) EXPECT_TRUE(std::isnan(v[c * rows + 2])) << "column " << c;

  using B = ResponseBucket;
  using F = FunnelColumn;
  EXPECT_EQ(funnel_cell(v, rows, F::leads, B::within_1h), 1.0);
  EXPECT_EQ(funnel_cell(v, rows, F::worked, B::within_1h), 1.0);
  EXPECT_EQ(funnel_cell(v, rows, F::qualified, B::within_1h), 1.0);
  EXPECT_EQ(funnel_cell(v, rows, F::leads, B::one_to_2h), 1.0);  // the courtesy reply
  EXPECT_EQ(funnel_cell(v, rows, F::worked, B::one_to_2h), 0.0);
  EXPECT_EQ(funnel_cell(v, rows, F::leads, B::two_to_24h), 0.0);
  EXPECT_EQ(funnel_cell(v, rows, F::leads, B::over_24h), 1.0);
  EXPECT_EQ(funnel_cell(v, rows, F::worked, B::over_24h), 1.0);
  EXPECT_EQ(funnel_cell(v, rows, F::qualified, B::over_24h), 0.0);
  EXPECT_EQ(funnel_cell(v, rows, F::leads, B::never), 1.0);
  EXPECT_EQ(funnel_cell(v, rows, F::worked, B::never), 0.0);
}

TEST(RepLedger, BucketsFollowTheSummarysResponseShares) {
  EXPECT_EQ(response_bucket(0.999), ResponseBucket::within_1h);
  EXPECT_EQ(response_bucket(1.0), ResponseBucket::one_to_2h);
  EXPECT_EQ(response_bucket(2.0), ResponseBucket::two_to_24h);
  EXPECT_EQ(response_bucket(24.0), ResponseBucket::two_to_24h);  // "within 24 h" includes 24 h
  EXPECT_EQ(response_bucket(24.001), ResponseBucket::over_24h);
}

TEST(RepLedger, MoreRepsThanRowsIsARunErrorNotLostRows) {
  RepLedger ledger(1);
  ledger.hired(0);
  ledger.hired(1);
  EXPECT_THROW(static_cast<void>(ledger.finish(1, at_end)), RunError);
}

TEST(RepLedger, RowBoundCoversTurnoverAndBudgetHiring) {
  const auto none = testing::parameters_with({{"population.reps", std::int64_t{20}},
                                              {"reps.annual_turnover", 0.0}});
  EXPECT_EQ(rep_rows_bound(*none), 20U);
  const auto turnover = testing::parameters_with({{"population.reps", std::int64_t{20}},
                                                  {"reps.annual_turnover", 0.3}, {"run.horizon_days", std::int64_t{520}}});
  // 20 reps x 0.3/year x 2 years: L = 11.99 leavers; the bound is ceil(L + 8 sqrt(L) + 8) = 48.
  EXPECT_EQ(rep_rows_bound(*turnover), 20U + 48U);
  const auto budget = testing::parameters_with({{"population.reps", std::int64_t{20}},
                                                {"reps.annual_turnover", 0.0},
                                                {"budget.headcount_follows_bookings", true},
                                                {"budget.max_reps", std::int64_t{30}}});
  EXPECT_EQ(rep_rows_bound(*budget), 20U + 2U * 10U);
}

// A whole run: the ledger sees every event the recorder sees. Own prospecting is off so
// that every opportunity comes from an MQL and the funnel's qualified is the total too.
TEST(RepLedger, RunSumsEqualTheSummaryTotals) {
  const auto p = testing::parameters_with({{"population.prospects", std::int64_t{3000}},
                                           {"run.horizon_days", std::int64_t{200}},
                                           {"reps.annual_turnover", 1.0},
                                           {"prospecting.enabled", false}});
  const sim::RunOutput out = run_model(p, 2);
  const std::size_t rows = rep_rows_bound(*p);
  const std::size_t marketer_values = static_cast<std::size_t>(MarketerColumn::count) *
                                      static_cast<std::size_t>(p->marketers.count) *
                                      sim::reporting_periods(p->run.horizon_days, p->run.period_days);
  ASSERT_EQ(out.agents.size(),
            kRepColumns * rows + static_cast<std::size_t>(FunnelColumn::count) * kBuckets + marketer_values);
  const auto summary = [&](Summary m) { return out.summary[static_cast<std::size_t>(m)]; };
  const auto rep_sum = [&](RepColumn column) {
    double sum = 0.0;
    for (std::size_t rep = 0; rep < rows; ++rep) {
      const double value = rep_cell(out.agents, rows, column, rep);
      if (!std::isnan(value)) sum += value;
    }
    return sum;
  };
  const auto funnel_sum = [&](FunnelColumn column) {
    double sum = 0.0;
    for (std::size_t b = 0; b < kBuckets; ++b) sum += funnel_cell(out.agents, rows, column, static_cast<ResponseBucket>(b));
    return sum;
  };
  ASSERT_GT(summary(Summary::wins), 0.0);
  EXPECT_EQ(rep_sum(RepColumn::leads_received), summary(Summary::mqls));
  EXPECT_EQ(rep_sum(RepColumn::leads_worked), summary(Summary::mqls_worked));
  EXPECT_EQ(rep_sum(RepColumn::leads_ignored), summary(Summary::mqls_ignored));
  EXPECT_EQ(rep_sum(RepColumn::qualified), summary(Summary::qualified));
  EXPECT_EQ(rep_sum(RepColumn::won), summary(Summary::wins));
  EXPECT_NEAR(rep_sum(RepColumn::bookings_usd), summary(Summary::bookings_usd), 1e-6 * summary(Summary::bookings_usd));
  EXPECT_EQ(funnel_sum(FunnelColumn::leads), summary(Summary::mqls));
  EXPECT_EQ(funnel_sum(FunnelColumn::worked), summary(Summary::mqls_worked));
  EXPECT_EQ(funnel_sum(FunnelColumn::qualified), summary(Summary::qualified));
  // The response buckets agree with the summary's response shares (of MQLs decided).
  const double mqls = summary(Summary::mqls);
  EXPECT_NEAR(funnel_cell(out.agents, rows, FunnelColumn::leads, ResponseBucket::within_1h) / mqls,
              summary(Summary::response_within_1h_share), 1e-12);
  EXPECT_NEAR(funnel_cell(out.agents, rows, FunnelColumn::leads, ResponseBucket::never) / mqls,
              summary(Summary::response_never_share), 1e-12);
  EXPECT_EQ(rep_sum(RepColumn::active_at_end), summary(Summary::reps_end));
  // A turnover of 1/year over 200 days replaces reps: rows past the first 20 were hired.
  EXPECT_FALSE(std::isnan(rep_cell(out.agents, rows, RepColumn::leads_received, 20)));
}

}  // namespace
}  // namespace alignsim::model
