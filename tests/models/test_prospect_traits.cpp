// A prospect's traits drawn at set-up (models/prospect_traits.cpp): each of the three
// has its closed-form distribution, and they are independent. 200,000 prospects; every
// criterion is 4 standard errors of the statistic (a false alarm about once in 16,000
// per check), with a fixed seed.
#include "models/prospect_traits.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

constexpr int kProspects = 200000;

struct Sample {
  std::vector<double> fit, log_deal, threshold;
};

Sample draw_population(const ModelParameters& p) {
  const ProspectTraitDraw draw(p.population);
  const sim::RandomStreams random(p.run.seed, 3);
  Sample s;
  for (std::uint32_t i = 0; i < kProspects; ++i) {
    const ProspectTraits t = draw(random, i);
    s.fit.push_back(t.fit);
    s.log_deal.push_back(std::log(t.deal_size_usd));
    s.threshold.push_back(t.first_threshold);
  }
  return s;
}

double mean(const std::vector<double>& x, double (*f)(double) = [](double v) { return v; }) {
  double sum = 0;
  for (double v : x) sum += f(v);
  return sum / static_cast<double>(x.size());
}

// Sample mean of f(x) against its expectation, in standard errors of that mean.
double z_score(const std::vector<double>& x, double expected, double (*f)(double)) {
  const double m = mean(x, f);
  double ss = 0;
  for (double v : x) ss += (f(v) - m) * (f(v) - m);
  const double se = std::sqrt(ss / static_cast<double>(x.size() - 1) / static_cast<double>(x.size()));
  return (m - expected) / se;
}

double identity(double v) { return v; }
double square(double v) { return v * v; }

// Kumaraswamy moments: E[X^k] = b B(1 + k/a, b).
double kumaraswamy_moment(double a, double b, double k) {
  return b * std::exp(std::lgamma(1.0 + k / a) + std::lgamma(b) - std::lgamma(1.0 + k / a + b));
}

void expect_closed_forms(double a, double b, double deal_mean, double sigma) {
  const auto p = testing::parameters_with({{"population.fit_shape_a", a},
                                           {"population.fit_shape_b", b},
                                           {"population.deal_size_mean_usd", deal_mean},
                                           {"population.deal_size_sigma", sigma}});
  const Sample s = draw_population(*p);
  EXPECT_LT(std::fabs(z_score(s.fit, kumaraswamy_moment(a, b, 1), identity)), 4.0) << a << " " << b;
  EXPECT_LT(std::fabs(z_score(s.fit, kumaraswamy_moment(a, b, 2), square)), 4.0) << a << " " << b;
  // Kumaraswamy CDF at its quartiles of u: P(fit <= F^-1(q)) = q, binomial standard error.
  for (const double q : {0.1, 0.5, 0.9}) {
    const double x = std::pow(1.0 - std::pow(1.0 - q, 1.0 / b), 1.0 / a);
    double below = 0;
    for (double v : s.fit) below += v <= x ? 1.0 : 0.0;
    EXPECT_NEAR(below / kProspects, q, 4.0 * std::sqrt(q * (1 - q) / kProspects)) << q;
  }
  // Deal size: log is N(log(mean) - sigma^2/2, sigma).
  const double mu = std::log(deal_mean) - 0.5 * sigma * sigma;
  EXPECT_LT(std::fabs(z_score(s.log_deal, mu, identity)), 4.0);
  double ss = 0;
  for (double v : s.log_deal) ss += (v - mu) * (v - mu);
  EXPECT_NEAR(std::sqrt(ss / kProspects), sigma, 4.0 * sigma / std::sqrt(2.0 * kProspects));
  // Threshold: Exp(1), mean 1 and E[E^2] = 2.
  EXPECT_LT(std::fabs(z_score(s.threshold, 1.0, identity)), 4.0);
  EXPECT_LT(std::fabs(z_score(s.threshold, 2.0, square)), 4.0);
  // Independent traits: a sample correlation has standard error 1 / sqrt(n).
  const double bound = 4.0 / std::sqrt(static_cast<double>(kProspects));
  EXPECT_LT(std::fabs(testing::correlation(s.fit, s.log_deal)), bound);
  EXPECT_LT(std::fabs(testing::correlation(s.fit, s.threshold)), bound);
  EXPECT_LT(std::fabs(testing::correlation(s.log_deal, s.threshold)), bound);
}

TEST(ProspectTraits, BaselineShapesHaveTheirClosedFormDistributions) {
  expect_closed_forms(2.0, 2.5, 60000.0, 0.8);  // a = 2: the square-root path
}

TEST(ProspectTraits, OtherShapesHaveTheirClosedFormDistributions) {
  expect_closed_forms(3.5, 1.2, 15000.0, 1.4);  // the general pow path, a heavier tail
}

TEST(ProspectTraits, DependOnlyOnTheProspectAndTheReplicate) {
  const auto p = testing::parameters_with({});
  const ProspectTraitDraw draw(p->population);
  const sim::RandomStreams a(p->run.seed, 1), b(p->run.seed, 1), other(p->run.seed, 2);
  const ProspectTraits t = draw(a, 17), u = draw(b, 17), v = draw(other, 17);
  EXPECT_EQ(t.fit, u.fit);
  EXPECT_EQ(t.deal_size_usd, u.deal_size_usd);
  EXPECT_EQ(t.first_threshold, u.first_threshold);
  EXPECT_NE(t.fit, v.fit);
}

}  // namespace
}  // namespace alignsim::model
