// Analytic checks: with mechanisms switched off the model reduces to processes with
// closed-form answers; the mean of many replicates must match them. Fixed seeds.
#include <gtest/gtest.h>

#include <cmath>

#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

using testing::Override;
using testing::parameters_with;

// The closed forms start from an all-dormant market and untrained reps on day 0, so
// these runs have no warm-up (docs/model.md section 5).
const Override kColdStart{"run.warmup_days", std::int64_t{0}};

struct SampleMoments {
  double mean = 0, variance = 0;
};

SampleMoments moments(const std::vector<double>& x) {
  SampleMoments m;
  for (double v : x) m.mean += v;
  m.mean /= static_cast<double>(x.size());
  for (double v : x) m.variance += (v - m.mean) * (v - m.mean);
  m.variance /= static_cast<double>(x.size() - 1);
  return m;
}

TEST(SimulationAnalytic, FixedRateFunnelCountsAreBinomial) {
  // Every prospect engages once (hazard 0.05/day over 400 days leaves e^-20 dormant),
  // nothing recycles, and every stage is an independent coin, so
  // wins ~ Binomial(N, p_mql p_work p_qualify p_win) and likewise for each stage.
  auto overrides = testing::fixed_rate_funnel();
  const std::vector<Override> extra = {
      {"population.prospects", std::int64_t{2000}}, {"run.horizon_days", std::int64_t{400}},
      {"demand.innovation_rate", 0.05},             {"funnel.recycle_to_nurture", false},
      {"scoring.fixed_mql_probability", 0.5},       {"followup.fixed_work_probability", 0.6},
      {"response.fixed_mean_hours", 1.0},           {"qualification.fixed_probability", 0.5},
      {"close.fixed_win_probability", 0.4},         {"close.cycle_mean_days", 5.0},
      {"close.cycle_sigma", 0.0}};
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  overrides.push_back(kColdStart);
  const auto p = parameters_with(overrides);
  const int replicates = 2000;
  std::vector<double> mqls, worked, wins;
  for (int r = 0; r < replicates; ++r) {
    const auto out = run_model(p, static_cast<std::uint32_t>(r));
    ASSERT_EQ(testing::summary(out, Summary::inquiries), 2000.0);
    mqls.push_back(testing::summary(out, Summary::mqls));
    worked.push_back(testing::summary(out, Summary::mqls_worked));
    wins.push_back(testing::summary(out, Summary::wins));
  }
  const double n = 2000;
  // Tolerances: 4 standard errors. SE(mean) = sqrt(var/R); SE(sample variance) ~ var sqrt(2/(R-1)).
  auto expect_binomial = [&](const std::vector<double>& x, double prob, const char* what) {
    const auto m = moments(x);
    const double var = n * prob * (1 - prob);
    EXPECT_NEAR(m.mean, n * prob, 4 * std::sqrt(var / replicates)) << what;
    EXPECT_NEAR(m.variance, var, 4 * var * std::sqrt(2.0 / (replicates - 1))) << what;
  };
  expect_binomial(mqls, 0.5, "mqls");
  expect_binomial(worked, 0.5 * 0.6, "worked");
  expect_binomial(wins, 0.5 * 0.6 * 0.5 * 0.4, "wins");
}

double bass_closed_form(double p, double q, double t) {
  const double e = std::exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

TEST(SimulationAnalytic, DemandAloneFollowsBassDiffusion) {
  // M1 alone, fully mixed (fit weight 0, word of mouth from engaged prospects):
  // F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
  // The day-step scheme (adopters fixed within a day) deviates from the continuous
  // closed form by at most 0.0023 for these rates (computed from the recursion
  // F' = F + (1-F)(1-exp(-(p+qF)))); sampling SE of the 10-replicate mean is ~0.0012.
  // Tolerance 0.008 covers both with margin.
  const double p_rate = 0.002, q_rate = 0.01;
  auto overrides = testing::fixed_rate_funnel();
  const std::vector<Override> extra = {{"population.prospects", std::int64_t{20000}},
                                       {"run.horizon_days", std::int64_t{500}},
                                       {"run.period_days", std::int64_t{25}},
                                       {"demand.innovation_rate", p_rate},
                                       {"demand.imitation_rate", q_rate},
                                       {"demand.word_of_mouth_source", std::string("engaged")},
                                       {"funnel.recycle_to_nurture", false}};
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  overrides.push_back(kColdStart);
  const auto p = parameters_with(overrides);
  const std::size_t periods = sim::reporting_periods(500, 25);
  std::vector<double> engaged_fraction(periods, 0.0);
  const int replicates = 10;
  for (int r = 0; r < replicates; ++r) {
    const auto out = run_model(p, static_cast<std::uint32_t>(r));
    double cumulative = 0;
    for (std::size_t k = 0; k < periods; ++k) {
      cumulative += testing::series(out, *p, Series::inquiries, k);
      engaged_fraction[k] += cumulative / 20000.0 / replicates;
    }
  }
  for (std::size_t k = 0; k < periods; ++k) {
    const double t = 25.0 * static_cast<double>(k + 1);
    EXPECT_NEAR(engaged_fraction[k], bass_closed_form(p_rate, q_rate, t), 0.008) << "day " << t;
  }
}

TEST(SimulationAnalytic, EwmaTrustReachesLeadQualityWithStationarySpread) {
  // Every lead worked (SLA floor 1), each qualifies with constant probability q: trust
  // is an EWMA of Bernoulli(q) outcomes, stationary mean q and SD sqrt(a q(1-q)/(2-a)).
  const double q = 0.3, alpha = 0.05;
  auto overrides = testing::fixed_rate_funnel();
  const std::vector<Override> extra = {{"population.prospects", std::int64_t{20000}},
                                       {"population.reps", std::int64_t{5}},
                                       {"run.horizon_days", std::int64_t{150}},
                                       {"demand.innovation_rate", 0.01},
                                       {"scoring.fixed_mql_probability", 1.0},
                                       {"followup.enabled", true},
                                       {"followup.sla_floor", 1.0},
                                       {"qualification.fixed_probability", q},
                                       {"trust.learning", true},
                                       {"trust.learning_rate", alpha},
                                       {"trust.bad_news_weight", 1.0},
                                       {"response.fixed_mean_hours", 1.0}};
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  overrides.push_back(kColdStart);
  const auto p = parameters_with(overrides);
  // Each run gives the end trust of 5 reps; their mean is recorded. The per-rep spread
  // is recovered from the variance of that mean: Var(mean of 5 iid) = SD^2 / 5.
  std::vector<double> mean_trust;
  const int replicates = 800;
  for (int r = 0; r < replicates; ++r) {
    mean_trust.push_back(testing::summary(run_model(p, static_cast<std::uint32_t>(r)), Summary::mean_rep_trust_end));
  }
  const auto m = moments(mean_trust);
  const double sd = std::sqrt(alpha * q * (1 - q) / (2 - alpha));
  // SE of the mean: sd/sqrt(5*800) = 0.0012; tolerance 0.005 (> 4 SE).
  EXPECT_NEAR(m.mean, q, 0.005);
  // Relative SE of a variance from 800 samples is sqrt(2/799) = 5%; tolerance 20% (4 SE).
  EXPECT_NEAR(m.variance * 5.0, sd * sd, 0.2 * sd * sd);
}

}  // namespace
}  // namespace alignsim::model
