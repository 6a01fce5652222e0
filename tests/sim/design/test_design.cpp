// Experiment designs: structure, reproducibility from the seed, and the transforms.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/design/design.hpp"
#include "sim/design/factor_transform.hpp"
#include "sim/design/sensitivity.hpp"

namespace alignsim::sim {
namespace {

Factor uniform(const std::string& key, double low, double high) {
  Factor f;
  f.key = key;
  f.low = low;
  f.high = high;
  return f;
}

SweepSpec spec(DesignKind kind, std::size_t factors, std::size_t samples, std::size_t levels = 0) {
  SweepSpec s;
  s.kind = kind;
  s.samples = samples;
  s.levels = levels;
  for (std::size_t f = 0; f < factors; ++f) s.factors.push_back(uniform("f" + std::to_string(f), 0.0, 1.0));
  return s;
}

TEST(Design, LatinHypercubePutsOnePointInEveryStratumOfEveryFactor) {
  const Design design(spec(DesignKind::latin_hypercube, 6, 37), {}, 7);
  ASSERT_EQ(design.size(), 37u);
  for (std::size_t f = 0; f < 6; ++f) {
    std::set<int> strata;
    for (std::size_t p = 0; p < 37; ++p) strata.insert(static_cast<int>(design.point(p)[f] * 37));
    EXPECT_EQ(strata.size(), 37u) << "factor " << f;
  }
}

TEST(Design, LatinHypercubeIsReproducibleFromTheSeedAndChangesWithIt) {
  const Design a(spec(DesignKind::latin_hypercube, 3, 20), {}, 1), b(spec(DesignKind::latin_hypercube, 3, 20), {}, 1);
  const Design c(spec(DesignKind::latin_hypercube, 3, 20), {}, 2);
  EXPECT_EQ(a.point(5), b.point(5));
  EXPECT_NE(a.point(5), c.point(5));
}

TEST(Design, GridEnumeratesAllLevelCombinationsLastFactorFastest) {
  const Design design(spec(DesignKind::grid, 2, 0, 3), {}, 1);
  ASSERT_EQ(design.size(), 9u);
  EXPECT_EQ(design.point(0), (std::vector<double>{0.0, 0.0}));
  EXPECT_EQ(design.point(1), (std::vector<double>{0.0, 0.5}));
  EXPECT_EQ(design.point(8), (std::vector<double>{1.0, 1.0}));
}

TEST(Design, OneAtATimeStartsAtTheBaseAndMovesOneFactor) {
  Settings base;
  base["f0"] = SettingValue{0.3, {}};
  base["f1"] = SettingValue{0.7, {}};
  const Design design(spec(DesignKind::one_at_a_time, 2, 0, 2), base, 1);
  ASSERT_EQ(design.size(), 5u);
  EXPECT_EQ(design.point(0), (std::vector<double>{0.3, 0.7}));
  EXPECT_EQ(design.point(2), (std::vector<double>{1.0, 0.7}));
  EXPECT_EQ(design.point(3), (std::vector<double>{0.3, 0.0}));
}

TEST(Design, SaltelliRowsHoldABAndTheMixedMatrices) {
  const Design design(spec(DesignKind::saltelli, 3, 4), {}, 1);
  ASSERT_EQ(design.size(), 20u);
  const auto a = design.point(5), b = design.point(6), ab2 = design.point(8);
  EXPECT_EQ(ab2[0], a[0]);
  EXPECT_EQ(ab2[1], b[1]);
  EXPECT_EQ(ab2[2], a[2]);
}

TEST(Design, MorrisStepsMoveExactlyTheNamedFactorByDelta) {
  const Design design(spec(DesignKind::morris, 4, 5, 4), {}, 3);
  for (std::size_t t = 0; t < 5; ++t) {
    for (std::size_t s = 1; s <= 4; ++s) {
      const auto before = design.point(t * 5 + s - 1), after = design.point(t * 5 + s);
      const MorrisStep step = design.morris_step(t, s);
      for (std::size_t f = 0; f < 4; ++f) {
        EXPECT_NEAR(after[f] - before[f], f == step.factor ? step.delta : 0.0, 1e-12);
      }
    }
  }
}

TEST(FactorTransform, DistributionsMapTheUnitIntervalOntoTheirRange) {
  Factor log = uniform("x", 1.0, 100.0);
  log.distribution = Distribution::log_uniform;
  EXPECT_NEAR(factor_value_from_unit(log, 0.5), 10.0, 1e-12);
  Factor integer = uniform("n", 2.0, 4.0);
  integer.distribution = Distribution::integer;
  EXPECT_EQ(factor_value_from_unit(integer, 0.0), 2.0);
  EXPECT_EQ(factor_value_from_unit(integer, 0.5), 3.0);
  EXPECT_EQ(factor_value_from_unit(integer, 1.0), 4.0);
  Factor normal = uniform("z", 0.0, 1.0);
  normal.distribution = Distribution::normal;
  normal.mean = 0.5;
  normal.sd = 0.1;
  EXPECT_NEAR(factor_value_from_unit(normal, 0.5), 0.5, 1e-12);
  EXPECT_GE(factor_value_from_unit(normal, 0.0), 0.0);
  Factor choice;
  choice.distribution = Distribution::categorical;
  choice.choices = {"a", "b", "c"};
  EXPECT_EQ(factor_value_from_unit(choice, 0.99), 2.0);
  EXPECT_EQ(std::get<std::string>(parameter_value_of(choice, 1.0)), "b");
}

TEST(Sensitivity, BootstrapIntervalsAreDeterministicAndCoverTheEstimate) {
  const Design design(spec(DesignKind::saltelli, 3, 512), {}, 1);
  std::vector<double> y;
  for (std::size_t p = 0; p < design.size(); ++p) {
    const auto x = design.point(p);
    y.push_back(x[0] + 2.0 * x[1]);
  }
  const SobolIndices a = sobol_indices(y, 3, 100, 9), b = sobol_indices(y, 3, 100, 9);
  EXPECT_EQ(a.first_order[1].low, b.first_order[1].low);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_LE(a.total[i].low, a.total[i].estimate + 1e-12);
    EXPECT_GE(a.total[i].high, a.total[i].estimate - 1e-12);
  }
  EXPECT_NEAR(a.first_order[0].estimate, 0.2, 0.02);  // analytic 1/5 and 4/5
  EXPECT_NEAR(a.first_order[1].estimate, 0.8, 0.02);
}

TEST(Statistics, SpearmanRanksMonotoneRelationsAsPerfect) {
  EXPECT_NEAR(spearman_correlation({1, 2, 3, 4}, {1, 8, 27, 64}), 1.0, 1e-12);
  EXPECT_NEAR(spearman_correlation({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0, 1e-12);
  EXPECT_TRUE(std::isnan(spearman_correlation({1, 1, 1}, {1, 2, 3})));
}

}  // namespace
}  // namespace alignsim::sim
