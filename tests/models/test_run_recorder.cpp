// The run recorder (models/run_recorder.cpp): known events in, exact summary and series
// values out.
#include "models/run_recorder.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace alignsim::model {
namespace {

double summary(const sim::RunOutput& out, Summary m) { return out.summary[static_cast<std::size_t>(m)]; }

// Two periods of five days. Period 0: four inquiries, three MQLs (two worked, one
// ignored with a courtesy reply), responses after 0.5 h, 30 h and 2 h. Period 1: two wins
// (one a key account, one from a rep's own lead), a loss, a churned customer.
sim::RunOutput recorded_run() {
  RunRecorder r(10, 5);
  r.set_initial_customers(1);
  for (int i = 0; i < 4; ++i) r.inquiry(0);
  for (int i = 0; i < 3; ++i) r.mql(i);
  r.worked(0);
  r.responded(0, 0.5);
  r.worked(1);
  r.responded(1, 30.0);
  r.ignored(2);
  r.responded(2, 2.0);
  r.qualified(1, false);
  r.own_lead(2, true);
  r.qualified(2, true);
  r.feedback_report();
  r.feedback_report();
  for (int day = 0; day < 10; ++day) r.marketing_spend(day, 10.0);
  r.rep_hours(0, {4.0, 2.0, 1.0, 8.0});
  r.rep_hours(6, {2.0, 2.0, 2.0, 8.0});
  r.end_of_period(4, {1, 2, 0.4, 0.2, 0.3, 3, 0.5});
  r.won(6, 1000.0, true, false);
  r.won(7, 500.0, false, true);
  r.lost();
  r.churned(8);
  r.end_of_period(9, {2, 0, 0.5, 0.1, 0.6, 4, 0.25});
  return r.finish();
}

TEST(RunRecorder, SummaryCountsAndAmounts) {
  const auto out = recorded_run();
  ASSERT_EQ(out.summary.size(), static_cast<std::size_t>(Summary::count));
  EXPECT_EQ(summary(out, Summary::inquiries), 4.0);
  EXPECT_EQ(summary(out, Summary::mqls), 3.0);
  EXPECT_EQ(summary(out, Summary::mqls_worked), 2.0);
  EXPECT_EQ(summary(out, Summary::mqls_ignored), 1.0);
  EXPECT_EQ(summary(out, Summary::qualified), 2.0);
  EXPECT_EQ(summary(out, Summary::wins), 2.0);
  EXPECT_EQ(summary(out, Summary::losses), 1.0);
  EXPECT_EQ(summary(out, Summary::bookings_usd), 1500.0);
  EXPECT_EQ(summary(out, Summary::key_account_wins), 1.0);
  EXPECT_EQ(summary(out, Summary::own_leads), 1.0);
  EXPECT_EQ(summary(out, Summary::hoarded_leads), 1.0);
  EXPECT_EQ(summary(out, Summary::sales_sourced_wins), 1.0);
  EXPECT_EQ(summary(out, Summary::marketing_spend_usd), 100.0);
  EXPECT_EQ(summary(out, Summary::churned), 1.0);
  EXPECT_EQ(summary(out, Summary::feedback_reports), 2.0);
}

TEST(RunRecorder, SummaryStocksComeFromTheLastPeriod) {
  const auto out = recorded_run();
  EXPECT_EQ(summary(out, Summary::customers_end), 2.0);
  EXPECT_EQ(summary(out, Summary::open_pipeline_end), 0.0);
  EXPECT_EQ(summary(out, Summary::mean_rep_trust_end), 0.5);
  EXPECT_EQ(summary(out, Summary::scoring_noise_end), 0.1);
  EXPECT_EQ(summary(out, Summary::content_relevance_end), 0.6);
  EXPECT_EQ(summary(out, Summary::reps_end), 4.0);
  EXPECT_EQ(summary(out, Summary::framework_adoption_end), 0.25);
}

TEST(RunRecorder, SummaryResponseTimes) {
  const auto out = recorded_run();
  // Three responses to three decided MQLs: 0.5 h (< 1 h), 2 h (1-24 h), 30 h (> 24 h).
  EXPECT_EQ(summary(out, Summary::response_within_1h_share), 1.0 / 3.0);
  EXPECT_EQ(summary(out, Summary::response_1_to_24h_share), 1.0 / 3.0);
  EXPECT_EQ(summary(out, Summary::response_over_24h_share), 1.0 / 3.0);
  EXPECT_EQ(summary(out, Summary::response_never_share), 0.0);
  EXPECT_EQ(summary(out, Summary::mean_response_hours), 32.5 / 3.0);
  EXPECT_EQ(summary(out, Summary::median_response_hours), 2.0);
  EXPECT_DOUBLE_EQ(summary(out, Summary::p90_response_hours), 2.0 + 0.8 * 28.0);  // type 7
}

TEST(RunRecorder, SummaryRatios) {
  const auto out = recorded_run();
  EXPECT_EQ(summary(out, Summary::share_mqls_ignored), 1.0 / 3.0);
  EXPECT_EQ(summary(out, Summary::win_rate), 2.0 / 3.0);
  EXPECT_EQ(summary(out, Summary::inquiry_to_mql), 0.75);
  EXPECT_EQ(summary(out, Summary::mql_to_worked), 2.0 / 3.0);
  EXPECT_EQ(summary(out, Summary::worked_to_qualified), 0.5);  // the own lead's qualification is not marketing's
  EXPECT_EQ(summary(out, Summary::qualified_to_won), 1.0);
  EXPECT_EQ(summary(out, Summary::inquiry_to_customer), 0.25);  // the own lead's win is not marketing's
  EXPECT_EQ(summary(out, Summary::selling_time_share), 6.0 / 16.0);
  EXPECT_EQ(summary(out, Summary::prospecting_time_share), 4.0 / 16.0);
  EXPECT_EQ(summary(out, Summary::lead_followup_time_share), 3.0 / 16.0);
  EXPECT_EQ(summary(out, Summary::marketing_budget_share_of_revenue), 100.0 / 1500.0);
  EXPECT_EQ(summary(out, Summary::retention), 2.0 / 3.0);  // 2 customers / (1 at start + 2 wins)
}

TEST(RunRecorder, SeriesPerPeriod) {
  const auto out = recorded_run();
  const std::size_t periods = 2;
  ASSERT_EQ(out.series.size(), static_cast<std::size_t>(Series::count) * periods);
  auto at = [&](Series s, std::size_t p) { return out.series[static_cast<std::size_t>(s) * periods + p]; };
  EXPECT_EQ(at(Series::inquiries, 0), 4.0);
  EXPECT_EQ(at(Series::inquiries, 1), 0.0);
  EXPECT_EQ(at(Series::mqls, 0), 3.0);
  EXPECT_EQ(at(Series::share_mqls_ignored, 0), 1.0 / 3.0);
  EXPECT_TRUE(std::isnan(at(Series::share_mqls_ignored, 1)));  // no MQLs: undefined, not 0
  EXPECT_EQ(at(Series::mean_response_hours, 0), 32.5 / 3.0);
  EXPECT_TRUE(std::isnan(at(Series::mean_response_hours, 1)));
  EXPECT_EQ(at(Series::wins, 1), 2.0);
  EXPECT_EQ(at(Series::bookings_usd, 1), 1500.0);
  EXPECT_EQ(at(Series::marketing_spend_usd, 0), 50.0);
  EXPECT_EQ(at(Series::marketing_spend_usd, 1), 50.0);
  EXPECT_EQ(at(Series::churned, 1), 1.0);
  EXPECT_EQ(at(Series::customers, 0), 1.0);
  EXPECT_EQ(at(Series::customers, 1), 2.0);
  EXPECT_EQ(at(Series::open_pipeline, 0), 2.0);
  EXPECT_EQ(at(Series::mean_rep_trust, 0), 0.4);
  EXPECT_EQ(at(Series::reps, 1), 4.0);
  EXPECT_EQ(at(Series::framework_adoption, 0), 0.5);
  EXPECT_EQ(at(Series::prospecting_time_share, 0), 2.0 / 8.0);
  EXPECT_EQ(at(Series::selling_time_share, 1), 2.0 / 8.0);
}

}  // namespace
}  // namespace alignsim::model
