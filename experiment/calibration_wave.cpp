#include "experiment/calibration_wave.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "experiment/pattern_check.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {
namespace {

// The convention of the range table (models/parameter_ranges.cpp): a company property
// is set by the scenario, not an uncertainty to calibrate away.
bool describes_the_company(const sim::PlausibleRange& range) { return range.rationale.rfind("company:", 0) == 0; }

CalibrationFactor factor_of(const sim::ParameterSpec& spec) {
  return CalibrationFactor{spec.key, spec.kind, *spec.plausible};
}

const sim::ParameterSpec& ranged_spec(const sim::ParameterCatalog& catalog, const std::string& key) {
  const sim::ParameterSpec* spec = catalog.find(key);
  if (spec == nullptr) throw UsageError("--factor " + key + ": no such parameter (alignsim params lists them)");
  if (!spec->plausible) {
    throw UsageError("--factor " + key + ": the parameter has no plausible range to calibrate over "
                     "(alignsim params shows the ranges)");
  }
  return *spec;
}

}  // namespace

double CalibrationFactor::value_at(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  const double value = range.shape == sim::RangeShape::log_uniform
                           ? std::exp(std::log(range.low) + u * (std::log(range.high) - std::log(range.low)))
                           : range.low + u * (range.high - range.low);
  const double clipped = std::clamp(value, range.low, range.high);  // exp(log(x)) may overshoot by an ulp
  return kind == sim::ValueKind::integer ? std::round(clipped) : clipped;
}

sim::ParameterValue CalibrationFactor::parameter_value_at(double u) const {
  const double value = value_at(u);
  if (kind == sim::ValueKind::integer) return static_cast<std::int64_t>(value);
  return value;
}

std::vector<CalibrationFactor> calibration_factors(const sim::ParameterCatalog& catalog,
                                                   const std::vector<std::string>& keys) {
  std::vector<CalibrationFactor> factors;
  if (keys.empty()) {
    for (const sim::ParameterSpec& spec : catalog.all()) {
      if (spec.plausible && !describes_the_company(*spec.plausible)) factors.push_back(factor_of(spec));
    }
    return factors;
  }
  std::set<std::string> seen;
  for (const std::string& key : keys) {
    if (!seen.insert(key).second) throw UsageError("--factor " + key + " is given twice");
    factors.push_back(factor_of(ranged_spec(catalog, key)));
  }
  return factors;
}

PatternVocabulary vocabulary_of(const Experiment& experiment) {
  PatternVocabulary vocabulary;
  const sim::OutputLayout& outputs = experiment.model->outputs();
  for (const sim::MetricSpec& metric : outputs.summary) vocabulary.summary_metrics.push_back(metric.name);
  for (const sim::MetricSpec& metric : outputs.series) vocabulary.series_metrics.push_back(metric.name);
  for (const sim::VariantSpec& variant : experiment.spec.variants) vocabulary.variants.push_back(variant.name);
  return vocabulary;
}

std::vector<PatternTarget> pattern_targets(const PatternSet& patterns) {
  std::vector<PatternTarget> targets;
  for (const Pattern& pattern : patterns.patterns) {
    targets.push_back({pattern.name, pattern.observed, pattern.observation_variance(),
                       pattern.discrepancy_sd * pattern.discrepancy_sd});
  }
  return targets;
}

std::vector<std::size_t> pattern_variants(const sim::ScenarioSpec& spec, const PatternSet& patterns) {
  std::set<std::string> named;
  for (const Pattern& pattern : patterns.patterns) {
    named.insert(pattern.statistic.variant);
    if (!pattern.statistic.versus.empty()) named.insert(pattern.statistic.versus);
  }
  std::vector<std::size_t> indices;
  for (std::size_t v = 0; v < spec.variants.size(); ++v) {
    if (named.count(spec.variants[v].name) != 0) indices.push_back(v);
  }
  return indices;
}

std::string point_prefix(std::size_t point) { return "p" + std::to_string(point) + ":"; }

Experiment wave_experiment(const Experiment& base, const std::vector<CalibrationFactor>& factors,
                           const std::vector<std::size_t>& variants, const std::vector<std::vector<double>>& unit_points) {
  Experiment wave{base.spec, base.model};
  wave.spec.sweep = nullptr;
  wave.spec.variants.clear();
  const sim::SourceLocation where{"<calibration wave>", 0, 0};
  for (std::size_t p = 0; p < unit_points.size(); ++p) {
    for (const std::size_t v : variants) {
      const sim::VariantSpec& variant = base.spec.variants.at(v);
      sim::VariantSpec at_point{point_prefix(p) + variant.name, variant.description, variant.overrides,
                                variant.resolved};
      for (std::size_t f = 0; f < factors.size(); ++f) {
        if (variant.overrides.count(factors[f].key) != 0) continue;
        at_point.resolved.insert_or_assign(factors[f].key,
                                           sim::SettingValue{factors[f].parameter_value_at(unit_points[p][f]), where});
      }
      wave.spec.variants.push_back(std::move(at_point));
    }
  }
  return wave;
}

std::vector<std::vector<SimulatedStatistic>> wave_statistics(const PatternSet& patterns,
                                                             const sim::ResultsReader& results, std::size_t points) {
  std::vector<std::vector<SimulatedStatistic>> statistics(points);
  for (std::size_t p = 0; p < points; ++p) {
    for (const PatternResult& result : check_patterns(patterns, results, kDefaultImplausibilityCutoff, point_prefix(p))) {
      const double mean = result.n < 2 ? std::numeric_limits<double>::quiet_NaN() : result.simulated;
      statistics[p].push_back({mean, result.mc_standard_error * result.mc_standard_error});
    }
  }
  return statistics;
}

}  // namespace alignsim::experiment
