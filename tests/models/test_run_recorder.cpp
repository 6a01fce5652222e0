// The run recorder (models/run_recorder.cpp): known events in, exact summary and series
// values out.
#include "models/run_recorder.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace alignsim::model {
namespace {

double summary(const sim::RunOutput& out, Summary m) { return out.summary[static_cast<std::size_t>(m)]; }

// Warm-up events of every kind on simulated days [0, first_day): none may be recorded.
void record_warm_up(RunRecorder& r, int first_day) {
  for (int day = 0; day < first_day; ++day) {
    r.inquiry(day);
    r.mql(day);
    r.worked(day);
    r.ignored(day);
    r.responded(day, 5.0);
    r.qualified(day, true);
    r.own_lead(day, true);
    r.won(day, 99.0, true, true);
    r.lost();
    r.churned(day);
    r.feedback_report();
    r.marketing_spend(day, 7.0);
    r.rep_hours(day, {1.0, 1.0, 1.0, 8.0});
    r.end_of_period(day, {9, 9, 0.9, 0.9, 0.9, 9, 0.9});
  }
}

// Two periods of five days. Period 0: four inquiries, three MQLs (two worked, one
// ignored with a courtesy reply), responses after 0.5 h, 30 h and 2 h. Period 1: two wins
// (one a key account, one from a rep's own lead), a loss, a churned customer. With a
// warm-up the same events happen `first_day` simulated days later.
sim::RunOutput recorded_run(int first_day = 0) {
  RunRecorder r(10, 5);
  record_warm_up(r, first_day);
  r.start_reporting(first_day, 1);
  const int d = first_day;
  for (int i = 0; i < 4; ++i) r.inquiry(d + 0);
  for (int i = 0; i < 3; ++i) r.mql(d + i);
  r.worked(d + 0);
  r.responded(d + 0, 0.5);
  r.worked(d + 1);
  r.responded(d + 1, 30.0);
  r.ignored(d + 2);
  r.responded(d + 2, 2.0);
  r.qualified(d + 1, false);
  r.own_lead(d + 2, true);
  r.qualified(d + 2, true);
  r.feedback_report();
  r.feedback_report();
  for (int day = 0; day < 10; ++day) r.marketing_spend(d + day, 10.0);
  r.rep_hours(d + 0, {4.0, 2.0, 1.0, 8.0});
  r.rep_hours(d + 6, {2.0, 2.0, 2.0, 8.0});
  r.end_of_period(d + 4, {1, 2, 0.4, 0.2, 0.3, 3, 0.5});
  r.won(d + 6, 1000.0, true, false);
  r.won(d + 7, 500.0, false, true);
  r.lost();
  r.churned(d + 8);
  r.end_of_period(d + 9, {2, 0, 0.5, 0.1, 0.6, 4, 0.25});
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

// A warm-up is simulated but not reported: after 7 days of warm-up events of every kind,
// the reported horizon's summary and series are bitwise those of a run without one.
TEST(RunRecorder, WarmUpEventsAreNotRecorded) {
  const auto plain = recorded_run(0), warmed = recorded_run(7);
  ASSERT_EQ(plain.summary.size(), warmed.summary.size());
  ASSERT_EQ(plain.series.size(), warmed.series.size());
  auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
  for (std::size_t i = 0; i < plain.summary.size(); ++i) EXPECT_TRUE(same(plain.summary[i], warmed.summary[i])) << i;
  for (std::size_t i = 0; i < plain.series.size(); ++i) EXPECT_TRUE(same(plain.series[i], warmed.series[i])) << i;
}

}  // namespace
}  // namespace alignsim::model
