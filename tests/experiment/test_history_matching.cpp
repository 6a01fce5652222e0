// History matching by waves (experiment/history_matching.hpp) on a model with known
// answers: two patterns g1 = x0 and g2 = x0 + x1 of a point x in the unit cube, a third
// coordinate no pattern sees, Gaussian Monte-Carlo noise on the simulated means and
// Gaussian observation error around the truth's statistics. With the variances counted
// honestly, the truth's implausibility per pattern is |N(0, 1)|, so the cutoff c keeps
// it with probability P(|Z| <= c)^2: 0.99460 for c = 3 and 0.46607 for c = 1.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "experiment/history_matching.hpp"
#include "sim/random/random.hpp"

namespace alignsim::experiment {
namespace {

constexpr double kObservationSd = 0.02;
constexpr double kMonteCarloSd = 0.05 / 3.1622776601683795;  // replicate sd 0.05 over 10 replicates

std::vector<double> statistics_of(const std::vector<double>& x) { return {x[0], x[0] + x[1]}; }

// The targets of a truth: its statistics plus observation error drawn with `seed`.
std::vector<PatternTarget> targets_of(const std::vector<double>& truth, std::uint64_t seed) {
  const sim::RandomStreams streams(seed, 0);
  const std::vector<double> exact = statistics_of(truth);
  std::vector<PatternTarget> targets;
  for (std::size_t p = 0; p < exact.size(); ++p) {
    const double observed = streams.normal({p, 0, 1, 0}, exact[p], kObservationSd);
    targets.push_back({"g" + std::to_string(p + 1), observed, kObservationSd * kObservationSd, 0.0});
  }
  return targets;
}

// The simulated statistics of a point: exact plus Monte-Carlo noise, keyed by wave and point.
std::vector<SimulatedStatistic> simulated_at(const std::vector<double>& x, std::uint64_t seed, std::size_t wave,
                                             std::size_t point) {
  const sim::RandomStreams streams(seed, static_cast<std::uint32_t>(wave));
  std::vector<SimulatedStatistic> out;
  const std::vector<double> exact = statistics_of(x);
  for (std::size_t p = 0; p < exact.size(); ++p) {
    out.push_back({streams.normal({point, static_cast<std::uint32_t>(p), 2, 0}, exact[p], kMonteCarloSd),
                   kMonteCarloSd * kMonteCarloSd});
  }
  return out;
}

WaveSimulator simulator(std::uint64_t seed) {
  return [seed](std::size_t wave, const std::vector<std::vector<double>>& points) {
    std::vector<std::vector<SimulatedStatistic>> out;
    for (std::size_t i = 0; i < points.size(); ++i) out.push_back(simulated_at(points[i], seed, wave, i));
    return out;
  };
}

std::vector<double> truth_number(std::uint64_t k) {
  const sim::RandomStreams streams(777, static_cast<std::uint32_t>(k));
  // x0 in [0.2, 0.6] and x1 in [0.1, 0.4], so x0 + x1 stays inside the cube's reach.
  return {0.2 + 0.4 * streams.uniform({0, 0, 3, 0}), 0.1 + 0.3 * streams.uniform({0, 0, 3, 1}),
          streams.uniform({0, 0, 3, 2})};
}

double kept_rate_at_truth(double cutoff, std::size_t truths) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < truths; ++k) {
    const std::vector<double> truth = truth_number(k);
    double largest = 0;
    for (const double value : implausibilities(targets_of(truth, 1000 + k), simulated_at(truth, 5000 + k, 0, 0))) {
      largest = std::max(largest, value);
    }
    if (largest <= cutoff) ++kept;
  }
  return static_cast<double>(kept) / static_cast<double>(truths);
}

TEST(HistoryMatching, TheTruthIsKeptAtTheRateTheCutoffImplies) {
  // 2000 truths: binomial sd 0.0016 at c = 3 and 0.011 at c = 1; tolerances are 3 sd.
  EXPECT_NEAR(kept_rate_at_truth(3.0, 2000), 0.99460, 0.0049);
  EXPECT_NEAR(kept_rate_at_truth(1.0, 2000), 0.46607, 0.034);
}

TEST(HistoryMatching, KeepsTheTruthAndRulesOutMostOfThePrior) {
  std::size_t truth_in_last_box = 0;
  for (std::uint64_t k = 0; k < 20; ++k) {
    const std::vector<double> truth = truth_number(k);
    const HistoryMatchingPlan plan{3, 200, 5, 3.0, 0.1, 42 + k};
    const HistoryMatch match = history_match(plan, targets_of(truth, 1000 + k), simulator(9000 + k));
    ASSERT_FALSE(match.waves.empty());
    const Wave& first = match.waves.front();
    // The non-implausible region is about |x0 - t0| <= 0.076 and |x1 - t1| <= 0.11 (3 sd of
    // both noises, x1 through x0 + x1): about 3% of the cube; wave 1 keeps well under a quarter.
    EXPECT_LT(first.kept_count(), 50u) << "truth " << k;
    ASSERT_NE(match.stop, StopReason::nothing_kept) << "truth " << k;
    const Wave& last = match.waves.back();
    bool inside = true;
    for (std::size_t j = 0; j < 3; ++j) inside = inside && last.low[j] <= truth[j] && truth[j] <= last.high[j];
    if (inside) ++truth_in_last_box;
    // Every plausible point is near the truth in what the patterns see: within 3 sd of
    // the combined noise of the observation (0.076), plus 4 sd of its own Monte-Carlo
    // noise (0.063) and of the observation's error (0.08): 0.22 ...
    for (const std::vector<double>& x : match.plausible()) {
      EXPECT_LT(std::abs(x[0] - truth[0]), 0.22) << "truth " << k;
      EXPECT_LT(std::abs(x[0] + x[1] - truth[0] - truth[1]), 0.22) << "truth " << k;
    }
    // ... and the coordinate no pattern sees stays as wide as the prior.
    EXPECT_GT(last.high[2] - last.low[2], 0.9) << "truth " << k;
    EXPECT_LT(last.box_volume(), 0.25 * first.box_volume()) << "truth " << k;
  }
  EXPECT_GE(truth_in_last_box, 19u);
}

TEST(HistoryMatching, WaveDiagnosticsNameThePatternThatRuledOutMost) {
  // A point is kept by a pattern within about 3 sd (0.0765) of its observation. g1 = x0
  // keeps 0.153 of the cube, so rules out 0.847; g2 = x0 + x1 has density s near s = 0.5,
  // so keeps the integral of s over 0.5 +- 0.0765 = 0.0765 and rules out 0.9235. The
  // observation errors shift these by less than the tolerance of 0.03.
  const std::vector<double> truth{0.5, 0.0, 0.5};
  const HistoryMatch match = history_match({3, 400, 1, 3.0, 0.1, 7}, targets_of(truth, 3), simulator(4));
  ASSERT_EQ(match.waves.size(), 1u);
  const Wave& wave = match.waves.front();
  EXPECT_EQ(match.stop, StopReason::wave_budget);
  EXPECT_EQ(wave.ruled_out_by.size(), 2u);
  EXPECT_NEAR(static_cast<double>(wave.ruled_out_by[0]) / 400.0, 0.847, 0.03);
  EXPECT_NEAR(static_cast<double>(wave.ruled_out_by[1]) / 400.0, 0.9235, 0.03);
  EXPECT_EQ(wave.most_ruling_pattern(), 1u);
}

TEST(HistoryMatching, IsDeterministicAndRefusesAnEmptyPlan) {
  const std::vector<double> truth{0.4, 0.2, 0.5};
  const HistoryMatch a = history_match({3, 100, 3, 3.0, 0.1, 11}, targets_of(truth, 5), simulator(6));
  const HistoryMatch b = history_match({3, 100, 3, 3.0, 0.1, 11}, targets_of(truth, 5), simulator(6));
  ASSERT_EQ(a.waves.size(), b.waves.size());
  for (std::size_t w = 0; w < a.waves.size(); ++w) EXPECT_EQ(a.waves[w].points, b.waves[w].points);
  EXPECT_THROW((void)history_match({0, 100, 3, 3.0, 0.1, 1}, targets_of(truth, 5), simulator(6)),
               std::invalid_argument);
  EXPECT_THROW((void)history_match({3, 100, 3, 3.0, 0.1, 1}, {}, simulator(6)), std::invalid_argument);
}

TEST(HistoryMatching, ANaNStatisticRulesThePointOut) {
  const std::vector<PatternTarget> targets{{"g", 0.5, 0.01, 0.0}};
  const double nan = std::nan("");
  EXPECT_TRUE(std::isinf(implausibilities(targets, {{nan, 0.0}})[0]));
  EXPECT_THROW((void)implausibilities(targets, {}), std::logic_error);
}

}  // namespace
}  // namespace alignsim::experiment
