// The warm-up (run.warmup_days, docs/model.md section 5): simulated, then left out of
// every output, with state, clocks and random keys carried over by absolute day.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numeric>

#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

constexpr std::int64_t kPeriod = 5;

std::shared_ptr<const ModelParameters> small(std::int64_t warmup, std::int64_t horizon) {
  // A constant budget: the budget is held during a warm-up (M15), which a run without
  // one cannot do for its first days; everything else runs unchanged.
  return testing::parameters_with({{"population.prospects", std::int64_t{3000}},
                                   {"budget.follows_revenue", false},
                                   {"run.warmup_days", warmup},
                                   {"run.horizon_days", horizon}});
}

std::vector<double> metric_series(const sim::RunOutput& out, Series metric, std::size_t periods) {
  const auto begin = out.series.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(metric) * periods);
  return {begin, begin + static_cast<std::ptrdiff_t>(periods)};
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// A run with a warm-up of W days reports exactly what a run without one reports from day
// W on: the same draws (keyed by absolute day and episode), the same state carried over.
TEST(WarmUp, ReportedHorizonIsTheTailOfALongerRunWithoutOne) {
  const std::int64_t warmup = 100, horizon = 200;
  const auto warmed = run_model(small(warmup, horizon), 2);
  const auto plain = run_model(small(0, warmup + horizon), 2);
  const std::size_t periods = horizon / kPeriod, skipped = warmup / kPeriod;
  for (Series metric : {Series::inquiries, Series::mqls, Series::mqls_worked, Series::qualified, Series::wins,
                        Series::bookings_usd, Series::open_pipeline, Series::customers, Series::mean_rep_trust,
                        Series::mean_response_hours, Series::churned, Series::own_leads, Series::marketing_spend_usd}) {
    const auto tail = metric_series(plain, metric, periods + skipped);
    EXPECT_TRUE(same_bits(metric_series(warmed, metric, periods), {tail.begin() + skipped, tail.end()}))
        << "series " << static_cast<int>(metric);
  }
  // Totals cover the reported horizon only: the sums of the tail, in the same order.
  for (auto [total, metric] : {std::pair{Summary::inquiries, Series::inquiries}, {Summary::wins, Series::wins},
                               {Summary::bookings_usd, Series::bookings_usd}, {Summary::churned, Series::churned}}) {
    const auto tail = metric_series(plain, metric, periods + skipped);
    EXPECT_EQ(testing::summary(warmed, total), std::accumulate(tail.begin() + skipped, tail.end(), 0.0));
  }
  EXPECT_EQ(testing::summary(warmed, Summary::customers_end), testing::summary(plain, Summary::customers_end));
  // Retention counts the customers the horizon starts with: they are not zero.
  const auto customers = metric_series(plain, Series::customers, periods + skipped);
  const double at_start = customers[skipped - 1];
  ASSERT_GT(at_start, 0.0);
  EXPECT_DOUBLE_EQ(testing::summary(warmed, Summary::retention),
                   testing::summary(warmed, Summary::customers_end) /
                       (at_start + testing::summary(warmed, Summary::wins)));
}

TEST(WarmUp, ReportsOnlyTheHorizonsPeriods) {
  const auto p = small(37, 100);
  const auto out = run_model(p, 0);
  EXPECT_EQ(out.series.size(), model_output_layout().series.size() * sim::reporting_periods(100, kPeriod));
}

}  // namespace
}  // namespace alignsim::model
