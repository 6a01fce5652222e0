// M15 alone, capacity effects off: reps find their own deals at a constant expected
// revenue per rep y, trailing bookings follow revenue with time constant tau_B, and
// headcount follows f * trailing bookings / c with time constant tau_R (Forrester 1968).
// That is the two-state linear system
//   Y(t+1) = Y(t) + (y R(t-lag) - Y(t)) / tau_B,   R(t+1) = R(t) + (f Y(t) / c - R(t)) / tau_R,
// whose solutions grow or decline exponentially at the rate of its dominant eigenvalue,
// and grow only when y f > c. The test computes that rate from the recursion alone and
// compares it with the simulated growth of headcount.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <deque>

#include "models/funnel_rules.hpp"
#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

using testing::Override;

constexpr double kDeal = 25000, kRepCost = 600, kSalesFraction = 0.25, kTauB = 65, kTauR = 60;
constexpr double kFreeHours = 8.0 * (1 - 0.35);  // rep hours minus administration
constexpr std::int64_t kReps = 200, kDays = 520, kFitFrom = 250;

// Mean fit of the default Kumaraswamy(2, 2.5) population, by the midpoint rule on u.
double mean_fit() {
  const int n = 200000;
  double sum = 0;
  const FitQuantile fit(2.0, 2.5);
  for (int i = 0; i < n; ++i) sum += fit((i + 0.5) / n);
  return sum / n;
}

// Leads per prospecting hour that give expected revenue y per rep-day.
double leads_per_hour_for(double revenue_per_rep_day) {
  return revenue_per_rep_day / (kFreeHours * 0.5 * mean_fit() * kDeal);
}

std::vector<Override> budget_loop_only(double revenue_per_rep_day) {
  return {{"population.prospects", std::int64_t{200000}}, {"population.reps", kReps},
          {"run.horizon_days", kDays}, {"demand.enabled", false}, {"trust.learning", false},
          {"reps.annual_turnover", 0.0}, {"prospecting.enabled", true}, {"prospecting.base_share", 1.0},
          {"prospecting.distrust_share", 0.0}, {"prospecting.own_lead_qualify_probability", 0.5},
          {"prospecting.leads_per_hour", leads_per_hour_for(revenue_per_rep_day)},
          {"close.enabled", false}, {"close.fixed_win_probability", 1.0}, {"close.cycle_mean_days", 1.0},
          {"close.cycle_sigma", 0.0}, {"population.deal_size_sigma", 0.0}, {"population.deal_size_mean_usd", kDeal},
          // Customers churn at the catalog's fastest rate (5 a year: about 50 business days
          // as a customer), so the pool of accounts to prospect stays within about 1% of
          // its size (some 20 wins a day against 200,000 accounts).
          {"churn.enabled", true}, {"churn.annual_rate", 5.0}, {"churn.fit_protection", 0.0},
          {"budget.headcount_follows_bookings", true}, {"budget.sales_fraction", kSalesFraction},
          {"budget.rep_cost_usd_per_day", kRepCost}, {"budget.hiring_delay_days", kTauR},
          {"budget.trailing_days", kTauB}, {"budget.marketing_fraction", 0.1},
          // Trailing bookings start at their steady state y R0.
          {"budget.initial_marketing_usd_per_day", 0.1 * revenue_per_rep_day * kReps}};
}

// Least-squares slope of log(values[t]) for t >= from.
double log_slope(const std::vector<double>& values, std::size_t from) {
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t t = from; t < values.size(); ++t) {
    const double x = static_cast<double>(t), y = std::log(values[t]);
    n += 1, sx += x, sy += y, sxx += x * x, sxy += x * y;
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

// Headcount of the deterministic linear system, with the model's process order: a
// rep's deal found on day t is booked on t+1 and enters trailing bookings on t+2.
std::vector<double> linear_system_headcount(double y) {
  std::vector<double> reps(kDays, static_cast<double>(kReps));
  double trailing = y * kReps, booked_yesterday = y * kReps;
  std::deque<double> pipeline(1, y * kReps);
  double r = static_cast<double>(kReps);
  for (std::int64_t t = 0; t < kDays; ++t) {
    trailing += (booked_yesterday - trailing) / kTauB;
    booked_yesterday = pipeline.front();
    pipeline.pop_front();
    pipeline.push_back(y * r);
    r += (kSalesFraction * trailing / kRepCost - r) / kTauR;
    reps[static_cast<std::size_t>(t)] = r;
  }
  return reps;
}

std::vector<double> simulated_headcount(double y, int replicates) {
  const auto p = testing::parameters_with(budget_loop_only(y));
  const std::size_t weeks = sim::reporting_periods(kDays, 5);
  std::vector<double> mean(weeks, 0.0);
  for (int rep = 0; rep < replicates; ++rep) {
    const auto out = run_model(p, static_cast<std::uint32_t>(rep));
    for (std::size_t w = 0; w < weeks; ++w) mean[w] += testing::series(out, *p, Series::reps, w) / replicates;
  }
  return mean;
}

double weekly_samples_slope(const std::vector<double>& daily) {
  std::vector<double> weekly;
  for (std::size_t d = 4; d < daily.size(); d += 5) weekly.push_back(daily[d]);
  return log_slope(weekly, kFitFrom / 5) / 5.0;
}

TEST(BudgetLoop, GrowthRateMatchesTheLinearSystemWhenRevenueCoversRepCost) {
  const double y = 1.2 * kRepCost / kSalesFraction;  // y f / c = 1.2: growth
  const double expected = weekly_samples_slope(linear_system_headcount(y));
  ASSERT_GT(expected, 0.001);  // the system itself grows, by about 0.15% a day
  const double simulated = log_slope(simulated_headcount(y, 4), kFitFrom / 5) / 5.0;
  // Tolerance 10% of the rate: integer hiring and the sampling noise of about 30
  // deals a day move the fitted slope by a few percent.
  std::printf("growth: simulated %.5f/day, linear system %.5f/day\n", simulated, expected);
  EXPECT_NEAR(simulated, expected, 0.10 * expected);
}

TEST(BudgetLoop, HeadcountDeclinesWhenRevenuePerRepTimesFractionIsBelowRepCost) {
  const double y = 0.8 * kRepCost / kSalesFraction;
  const double expected = weekly_samples_slope(linear_system_headcount(y));
  ASSERT_LT(expected, -0.001);
  const double simulated = log_slope(simulated_headcount(y, 4), kFitFrom / 5) / 5.0;
  std::printf("decline: simulated %.5f/day, linear system %.5f/day\n", simulated, expected);
  EXPECT_NEAR(simulated, expected, 0.10 * std::fabs(expected));
}

}  // namespace
}  // namespace alignsim::model
