// Marketers as agents (models/mechanisms/marketers.hpp, docs/model.md M18): reps learn
// each marketer's record, so a junk-sending marketer loses their attention first;
// admitting bad batches and time in the field build trust in that marketer; marketers
// adapt their bars to their pay. Each check compares paired replicates (same seeds) or
// marketers inside one run, with 3 standard errors of the paired difference as the bar
// a difference must clear.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "model_test_support.hpp"
#include "models/metric_catalog.hpp"
#include "models/rep_ledger.hpp"

namespace alignsim::model {
namespace {

using End = std::vector<Simulation::MarketerEnd>;

std::vector<End> runs(const std::vector<testing::Override>& overrides, int replicates) {
  const auto p = testing::parameters_with(overrides);
  std::vector<End> ends;
  for (int r = 0; r < replicates; ++r) {
    Simulation simulation(p, static_cast<std::uint32_t>(r));
    (void)simulation.run();
    ends.push_back(simulation.marketers_at_end());
  }
  return ends;
}

// Whether `d` over the replicates is clearly positive (3 standard errors).
bool clearly_positive(const std::vector<End>& ends, const std::function<double(const End&)>& d) {
  std::vector<double> values;
  for (const End& e : ends) values.push_back(d(e));
  return testing::clearly_positive(values);
}

double worked_share(const Simulation::MarketerEnd& m) { return m.mqls > 0 ? m.worked / m.mqls : 0.0; }

// Two marketers whom reps judge separately (no pooling), 12 replicates.
std::vector<testing::Override> two_marketers(std::vector<testing::Override> more) {
  more.push_back({"marketers.count", std::int64_t{2}});
  more.push_back({"marketers.trust_pooling", 0.0});
  return more;
}

TEST(MarketerTrust, AJunkSendingMarketersLeadsAreWorkedLessByTheSameReps) {
  // Bars 0.45 (junk) and 0.95 around the bar in force of 0.70.
  const auto ends = runs(two_marketers({{"marketers.bar_spread", 0.5}}), 12);
  EXPECT_TRUE(clearly_positive(ends, [](const End& e) { return worked_share(e[1]) - worked_share(e[0]); }));
  EXPECT_TRUE(clearly_positive(ends, [](const End& e) { return e[1].mean_rep_trust - e[0].mean_rep_trust; }));
}

TEST(MarketerTrust, PoolingHidesTheRecordOfEachMarketer) {
  // Fully pooled, reps see only marketing as a whole: both marketers get the same trust.
  const auto ends = runs({{"marketers.count", std::int64_t{2}}, {"marketers.bar_spread", 0.5}}, 3);
  for (const End& e : ends) EXPECT_EQ(e[0].mean_rep_trust, e[1].mean_rep_trust);
}

TEST(MarketerTrust, TheMarketerWhoAdmitsBadBatchesKeepsMoreTrust) {
  const auto ends = runs(two_marketers({{"syncs.enabled", true},
                                        {"syncs.admit_mistakes", true},
                                        {"syncs.shared_data_weight", 0.0},
                                        {"syncs.team_averaging", 0.0},
                                        {"marketers.admitting_count", std::int64_t{1}}}),
                         12);
  // Alike marketers; only marketer 0 admits, so bad leads weigh less on reps' trust in it.
  EXPECT_TRUE(clearly_positive(ends, [](const End& e) { return e[0].mean_rep_trust - e[1].mean_rep_trust; }));
}

TEST(MarketerTrust, FieldTimeRaisesTrustInThatMarketerAndItsContent) {
  const auto ends = runs(two_marketers({{"marketers.field_count", std::int64_t{1}},
                                        {"marketers.field_share", 0.3}}),
                         12);
  EXPECT_TRUE(clearly_positive(ends, [](const End& e) { return e[0].mean_rep_trust - e[1].mean_rep_trust; }));
  EXPECT_TRUE(clearly_positive(ends, [](const End& e) { return e[0].content_relevance - e[1].content_relevance; }));
  // ... and costs campaign time: its programme brings fewer MQLs.
  EXPECT_TRUE(clearly_positive(ends, [](const End& e) { return e[1].mqls - e[0].mqls; }));
}

// One marketer who may set any bar from 0.3 to 1.3, starting at 0.70, paid on MQL
// counts (w = 1) or on bookings from its leads (w = 0); the bookings-pay raise of the
// fixed rule is off under adaptation, so both start at the same bar. Five reps with 0.8
// working hours a day for first responses: junk leads crowd their queues, so bookings
// peak at an interior bar (measured over 16 replicates with fixed bars 0.3, 0.5, 0.7,
// 0.9, 1.1: $2.4M, $3.1M, $4.2M, $4.9M, $1.9M), which MQL pay does not reward.
std::vector<End> adapting(double mql_weight) {
  return runs({{"population.reps", std::int64_t{5}},
               {"response.lead_followup_share", 0.1},
               {"marketers.adaptation", true},
               {"marketers.bar_floor", 0.3},
               {"marketers.review_days", std::int64_t{40}},
               {"incentives.marketing_mql_weight", mql_weight},
               {"incentives.bookings_pay_targeting", 0.0}},
              16);
}

TEST(MarketerAdaptation, PaidOnMqlsTheBarFallsAndPaidOnBookingsItDoesNotAndBookingsAreNoLower) {
  const auto on_mqls = adapting(1.0), on_bookings = adapting(0.0);
  std::vector<End> pairs;
  for (std::size_t r = 0; r < on_mqls.size(); ++r) pairs.push_back({on_mqls[r][0], on_bookings[r][0]});
  for (const End& e : on_mqls) EXPECT_LT(e[0].bar, 0.70) << "MQL pay lowers the bar";
  EXPECT_TRUE(clearly_positive(pairs, [](const End& e) { return e[1].bar - e[0].bar; }));
  // No lower: the paired difference in bookings may not be negative beyond 3 standard
  // errors (the hill climber's noise and the runs' noise together).
  EXPECT_FALSE(clearly_positive(pairs, [](const End& e) { return e[0].bookings_usd - e[1].bookings_usd; }));
}

TEST(MarketerAdaptation, WithoutAdaptationTheBarStays) {
  for (const End& e : runs({{"incentives.marketing_mql_weight", 1.0}}, 2)) EXPECT_EQ(e[0].bar, 0.70);
}

TEST(MarketerAdaptation, SameSeedSameBarsAndOtherSeedOtherRuns) {
  const std::vector<testing::Override> o{{"marketers.adaptation", true}, {"marketers.count", std::int64_t{3}},
                                         {"marketers.bar_spread", 0.2}};
  const auto a = runs(o, 2), b = runs(o, 2);
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_EQ(a[0][m].bar, b[0][m].bar);
    EXPECT_EQ(a[0][m].bookings_usd, b[0][m].bookings_usd);
  }
  EXPECT_NE(a[0][0].bookings_usd, a[1][0].bookings_usd);
}

TEST(MarketerSeries, PeriodsAddUpToTheRunAndAdaptingBarsMoveOverTime) {
  // No warm-up, so the first period comes before the first review (day 60).
  const auto p = testing::parameters_with({{"marketers.count", std::int64_t{3}},
                                           {"marketers.adaptation", true},
                                           {"marketers.bar_floor", 0.3},
                                           {"marketers.bar_spread", 0.2},
                                           {"run.warmup_days", std::int64_t{0}}});
  const sim::RunOutput out = run_model(p, 1);
  const std::size_t periods = sim::reporting_periods(p->run.horizon_days, p->run.period_days);
  // /agents/marketers follows the reps' and the buckets' tables in RunOutput::agents.
  const std::size_t offset = static_cast<std::size_t>(RepColumn::count) * rep_rows_bound(*p) +
                             static_cast<std::size_t>(FunnelColumn::count) * static_cast<std::size_t>(ResponseBucket::count);
  const auto cell = [&](MarketerColumn c, std::size_t m, std::size_t period) {
    return out.agents.at(offset + (static_cast<std::size_t>(c) * 3 + m) * periods + period);
  };
  double mqls = 0.0, worked = 0.0;
  for (std::size_t m = 0; m < 3; ++m) {
    for (std::size_t t = 0; t < periods; ++t) {
      mqls += cell(MarketerColumn::mqls, m, t);
      worked += cell(MarketerColumn::worked, m, t);
    }
  }
  EXPECT_EQ(mqls, testing::summary(out, Summary::mqls));
  EXPECT_EQ(worked, testing::summary(out, Summary::mqls_worked));
  EXPECT_EQ(cell(MarketerColumn::scoring_bar, 0, 0), 0.70 - 0.1);  // the spread, before any review
  EXPECT_EQ(cell(MarketerColumn::scoring_bar, 2, 0), 0.70 + 0.1);
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_NE(cell(MarketerColumn::scoring_bar, m, periods - 1), cell(MarketerColumn::scoring_bar, m, 0)) << m;
  }
}

}  // namespace
}  // namespace alignsim::model
