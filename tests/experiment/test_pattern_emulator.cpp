// The emulators of history matching (experiment/pattern_emulator.hpp) against surfaces
// with known answers, and emulated waves (history_matching.hpp) on a problem whose
// plausible region is too small for direct waves to find.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "experiment/factor_screening.hpp"
#include "experiment/history_matching.hpp"
#include "experiment/pattern_emulator.hpp"
#include "sim/random/random.hpp"

namespace alignsim::experiment {
namespace {

std::vector<std::vector<double>> random_points(std::size_t n, std::size_t d, std::uint64_t seed) {
  const sim::RandomStreams streams(seed, 0);
  std::vector<std::vector<double>> points(n, std::vector<double>(d));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < d; ++j) points[i][j] = streams.uniform({i, static_cast<std::uint32_t>(j), 1, 0});
  }
  return points;
}

double surface(const std::vector<double>& x) { return 1 + 2 * x[0] - x[1] * x[1] + 0.5 * x[0] * x[2]; }

TEST(PatternEmulator, AQuadraticSurfaceIsFittedExactly) {
  const auto points = random_points(100, 3, 1);
  std::vector<double> values;
  for (const auto& x : points) values.push_back(surface(x));
  const auto emulator = PatternEmulator::fit(points, values);
  ASSERT_TRUE(emulator.has_value());
  EXPECT_TRUE(emulator->quadratic());
  for (const auto& x : random_points(20, 3, 2)) EXPECT_NEAR(emulator->predict(x), surface(x), 1e-9);
  EXPECT_LT(emulator->variance(), 1e-18);
}

// With noise of sd 0.1 on the training values, the leave-one-out error estimates the
// noise's variance plus a little for the fitted coefficients: (1 + p/n) sigma^2 for
// p = 10 terms and n = 400 points, 0.01025; sd of the estimate about 0.0007.
TEST(PatternEmulator, ItsVarianceIsTheErrorOnPointsItDidNotSee) {
  const auto points = random_points(400, 3, 3);
  const sim::RandomStreams noise(4, 0);
  std::vector<double> values;
  for (std::size_t i = 0; i < points.size(); ++i) values.push_back(surface(points[i]) + noise.normal({i, 0, 2, 0}, 0, 0.1));
  const auto emulator = PatternEmulator::fit(points, values);
  ASSERT_TRUE(emulator.has_value());
  EXPECT_NEAR(emulator->variance(), 0.01025, 0.0025);
}

TEST(PatternEmulator, FewPointsGiveALinearSurfaceOrNone) {
  const auto points = random_points(12, 3, 5);  // a quadratic in 3-D has 10 terms: needs 20 points
  std::vector<double> values;
  for (const auto& x : points) values.push_back(3 * x[0] - x[1] + 2);
  const auto emulator = PatternEmulator::fit(points, values);
  ASSERT_TRUE(emulator.has_value());
  EXPECT_FALSE(emulator->quadratic());
  EXPECT_NEAR(emulator->predict({0.5, 0.5, 0.5}), 3.0, 1e-9);
  EXPECT_FALSE(PatternEmulator::fit(random_points(7, 3, 6), std::vector<double>(7, 1.0)).has_value());
  std::vector<double> nan_values(12, std::nan(""));
  EXPECT_FALSE(PatternEmulator::fit(points, nan_values).has_value());
}

// Eight factors, four of them seen by a pattern each (g_k = x_k) with observation sd
// 0.03 and Monte-Carlo sd 0.01: the non-implausible region is a box of about
// 2 * 3 * 0.0316 = 0.19 on each seen factor, 0.13% of the cube, so 200 direct points keep
// none or one. Emulated waves find it, keep the truth's box and rule out most of the cube.
struct Problem {
  std::vector<double> truth;
  std::vector<PatternTarget> targets;
};

Problem problem(std::uint64_t k) {
  const sim::RandomStreams streams(k, 7);
  Problem p;
  for (std::uint32_t j = 0; j < 8; ++j) p.truth.push_back(0.2 + 0.6 * streams.uniform({0, j, 3, 0}));
  for (std::uint32_t j = 0; j < 4; ++j) {
    p.targets.push_back({"g" + std::to_string(j), streams.normal({0, j, 4, 0}, p.truth[j], 0.03), 0.03 * 0.03, 0.0});
  }
  return p;
}

WaveSimulator noisy_identity(std::uint64_t seed) {
  return [seed](std::size_t wave, const std::vector<std::vector<double>>& points) {
    const sim::RandomStreams streams(seed, static_cast<std::uint32_t>(wave));
    std::vector<std::vector<SimulatedStatistic>> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
      std::vector<SimulatedStatistic> statistics;
      for (std::uint32_t j = 0; j < 4; ++j) statistics.push_back({streams.normal({i, j, 5, 0}, points[i][j], 0.01), 1e-4});
      out.push_back(statistics);
    }
    return out;
  };
}

TEST(EmulatedHistoryMatching, FindsARegionDirectWavesCannotAndKeepsTheTruth) {
  std::size_t truth_inside = 0, direct_found = 0;
  for (std::uint64_t k = 0; k < 10; ++k) {
    const Problem p = problem(k);
    HistoryMatchingPlan plan{8, 200, 4, 3.0, 0.1, 100 + k};
    const HistoryMatch direct = history_match(plan, p.targets, noisy_identity(50 + k));
    direct_found += direct.plausible().size() >= 20 ? 1 : 0;
    plan.emulate = true;
    const HistoryMatch emulated = history_match(plan, p.targets, noisy_identity(50 + k));
    ASSERT_EQ(emulated.waves.size(), 4U) << k;
    const Wave& last = emulated.waves.back();
    EXPECT_GE(last.kept_count(), 100U) << k;  // most simulated points of a refocused wave are plausible
    bool inside = true;
    for (std::size_t j = 0; j < 8; ++j) inside = inside && last.low[j] <= p.truth[j] && p.truth[j] <= last.high[j];
    truth_inside += inside ? 1 : 0;
    EXPECT_LT(last.box_volume(), 0.01) << k;
    for (std::size_t j = 4; j < 8; ++j) EXPECT_GT(last.high[j] - last.low[j], 0.9) << k;  // unseen factors stay wide
    for (const auto& x : emulated.plausible()) {
      for (std::size_t j = 0; j < 4; ++j) EXPECT_LT(std::abs(x[j] - p.truth[j]), 0.25) << k;
    }
    EXPECT_GT(last.candidates, last.emulated_plausible);
  }
  EXPECT_EQ(direct_found, 0U);
  EXPECT_GE(truth_inside, 9U);
}

TEST(EmulatedHistoryMatching, IsDeterministic) {
  const Problem p = problem(3);
  HistoryMatchingPlan plan{8, 100, 3, 3.0, 0.1, 9};
  plan.emulate = true;
  const HistoryMatch a = history_match(plan, p.targets, noisy_identity(1));
  const HistoryMatch b = history_match(plan, p.targets, noisy_identity(1));
  EXPECT_EQ(a.plausible(), b.plausible());
  EXPECT_EQ(a.waves.back().low, b.waves.back().low);
}

}  // namespace
}  // namespace alignsim::experiment

namespace alignsim::experiment {
namespace {

// A wave over five factors where pattern 0's statistic grows with factor 1 and pattern
// 1's falls with factor 3 (and has no value, NaN, at the top of factor 3's range); the
// others are noise. The observations sit mid-range, so the implausibility is V-shaped in
// the factors and would hide them. Screening finds exactly those.
TEST(FactorScreening, FindsTheFactorEachPatternFollows) {
  Wave wave;
  const sim::RandomStreams streams(11, 0);
  for (std::size_t i = 0; i < 300; ++i) {
    std::vector<double> x;
    for (std::uint32_t j = 0; j < 5; ++j) x.push_back(streams.uniform({i, j, 1, 0}));
    const double noise = streams.uniform({i, 9, 2, 0});
    const double second = x[3] > 0.95 ? std::numeric_limits<double>::quiet_NaN() : 4 * (1 - x[3]) + noise;
    wave.simulated_means.push_back({4 * x[1] + noise, second});
    wave.implausibility.push_back({std::abs(4 * x[1] + noise - 2.5), std::abs(second - 2.5)});
    wave.points.push_back(x);
  }
  const std::vector<ScreenedFactor> screened = screen_factors(wave, 3, 0.25);
  ASSERT_EQ(screened.size(), 2U);
  EXPECT_EQ(screened[0].pattern, 0U);
  EXPECT_EQ(screened[0].factor, 1U);
  EXPECT_GT(screened[0].rho, 0.9);
  EXPECT_EQ(screened[1].pattern, 1U);
  EXPECT_EQ(screened[1].factor, 3U);
  EXPECT_LT(screened[1].rho, -0.9);
  EXPECT_EQ(screened_factor_set(screened), (std::vector<std::size_t>{1, 3}));
  EXPECT_TRUE(screen_factors(wave, 3, 0.999).empty());
}

}  // namespace
}  // namespace alignsim::experiment
