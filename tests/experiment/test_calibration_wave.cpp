// A calibration wave as a variants experiment (experiment/calibration_wave.hpp): the
// factors and their inverse distribution functions against closed forms, and the wave's
// variants, names and settings.
#include <gtest/gtest.h>

#include <cmath>

#include "experiment/calibration_wave.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {
namespace {

CalibrationFactor factor(sim::ValueKind kind, double low, double high, sim::RangeShape shape) {
  return CalibrationFactor{"a.key", kind, sim::PlausibleRange{low, high, shape, "why"}};
}

TEST(CalibrationFactor, MapsTheUnitIntervalByTheRangesInverseDistribution) {
  const CalibrationFactor uniform = factor(sim::ValueKind::real, 0.2, 0.6, sim::RangeShape::uniform);
  EXPECT_DOUBLE_EQ(uniform.value_at(0.0), 0.2);
  EXPECT_DOUBLE_EQ(uniform.value_at(0.25), 0.3);
  EXPECT_DOUBLE_EQ(uniform.value_at(1.0), 0.6);
  EXPECT_DOUBLE_EQ(uniform.value_at(1.5), 0.6);  // clamped
  // Log-uniform over [10, 1000]: the midpoint is the geometric mean, 100.
  const CalibrationFactor log = factor(sim::ValueKind::real, 10, 1000, sim::RangeShape::log_uniform);
  EXPECT_NEAR(log.value_at(0.5), 100.0, 1e-9);
  EXPECT_NEAR(log.value_at(0.25), std::sqrt(1000.0), 1e-9);
  EXPECT_LE(log.value_at(1.0), 1000.0);
  EXPECT_GE(log.value_at(0.0), 10.0);
  const CalibrationFactor integer = factor(sim::ValueKind::integer, 5, 9, sim::RangeShape::uniform);
  EXPECT_EQ(std::get<std::int64_t>(integer.parameter_value_at(0.4)), 7);  // 5 + 0.4 * 4 = 6.6
  EXPECT_DOUBLE_EQ(std::get<double>(uniform.parameter_value_at(0.5)), 0.4);
}

Experiment what_if() {
  ScenarioRequest request;
  request.text =
      "name: w\nrun: {horizon_days: 40, period_days: 20, replicates: 3, seed: 9}\n"
      "population: {prospects: 500, reps: 3}\n"
      "variants:\n"
      "  - name: trusted\n    trust: {initial_mean: 0.7}\n"
      "  - name: noisy\n    scoring: {noise_sd: 0.35}\n";
  return load_experiment(request);
}

TEST(CalibrationFactors, DefaultToEveryUncertainRangeButNotTheCompanysOwnFigures) {
  const Experiment base = what_if();
  const sim::ParameterCatalog& catalog = base.model->catalog();
  const std::vector<CalibrationFactor> factors = calibration_factors(catalog, {});
  std::size_t ranged = 0, company = 0;
  for (const sim::ParameterSpec& spec : catalog.all()) {
    if (!spec.plausible) continue;
    ++ranged;
    if (spec.plausible->rationale.rfind("company:", 0) == 0) ++company;
  }
  EXPECT_GT(company, 0u);
  EXPECT_EQ(factors.size(), ranged - company);
  for (const CalibrationFactor& f : factors) {
    EXPECT_NE(f.key, "population.prospects");
    EXPECT_NE(f.key, "population.reps");
  }
  const std::vector<CalibrationFactor> named = calibration_factors(catalog, {"scoring.noise_sd", "population.reps"});
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[1].key, "population.reps");  // a company figure may be calibrated when named
  EXPECT_EQ(named[1].kind, sim::ValueKind::integer);
  EXPECT_THROW(static_cast<void>(calibration_factors(catalog, {"no.such"})), UsageError);
  EXPECT_THROW(static_cast<void>(calibration_factors(catalog, {"run.seed"})), UsageError);
  EXPECT_THROW(static_cast<void>(calibration_factors(catalog, {"scoring.noise_sd", "scoring.noise_sd"})), UsageError);
}

TEST(WaveExperiment, CrossesPointsWithTheNamedVariantsAndKeepsEachVariantsOwnMove) {
  const Experiment base = what_if();
  const std::vector<CalibrationFactor> factors =
      calibration_factors(base.model->catalog(), {"trust.initial_mean", "scoring.noise_sd"});
  // Variants 0 (base) and 2 (noisy), two points.
  const Experiment wave = wave_experiment(base, factors, {0, 2}, {{0.0, 0.5}, {1.0, 1.0}});
  ASSERT_EQ(wave.spec.variants.size(), 4u);
  EXPECT_EQ(wave.spec.variants[0].name, "p0:base");
  EXPECT_EQ(wave.spec.variants[1].name, "p0:noisy");
  EXPECT_EQ(wave.spec.variants[3].name, "p1:noisy");
  EXPECT_EQ(wave.spec.replicates, 3);
  EXPECT_EQ(wave.spec.seed, 9u);
  const auto value = [&](std::size_t v, const std::string& key) { return sim::get_real(wave.spec.variants[v].resolved, key); };
  EXPECT_DOUBLE_EQ(value(0, "trust.initial_mean"), factors[0].value_at(0.0));
  EXPECT_DOUBLE_EQ(value(0, "scoring.noise_sd"), factors[1].value_at(0.5));
  EXPECT_DOUBLE_EQ(value(2, "trust.initial_mean"), factors[0].value_at(1.0));
  // The noisy variant's own scoring.noise_sd is its move: the point does not change it.
  EXPECT_DOUBLE_EQ(value(1, "scoring.noise_sd"), 0.35);
  EXPECT_DOUBLE_EQ(value(3, "scoring.noise_sd"), 0.35);
  EXPECT_DOUBLE_EQ(value(3, "trust.initial_mean"), factors[0].value_at(1.0));
}

TEST(PatternVariants, AreThoseThePatternsNameInTheScenariosOrder) {
  const Experiment base = what_if();
  const PatternSet patterns = read_pattern_text(
      "p.yaml",
      "patterns:\n"
      "  - name: a\n    statistic: {contrast: ratio, metric: mqls, variant: noisy, versus: base}\n"
      "    observed: 1\n    standard_error: 0.1\n    source: s\n",
      vocabulary_of(base));
  EXPECT_EQ(pattern_variants(base.spec, patterns), (std::vector<std::size_t>{0, 2}));
  const std::vector<PatternTarget> targets = pattern_targets(patterns);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_DOUBLE_EQ(targets[0].observation_variance, 0.01);
}

}  // namespace
}  // namespace alignsim::experiment
