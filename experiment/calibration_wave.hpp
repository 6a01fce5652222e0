#pragma once
// One wave of `alignsim calibrate` as an ordinary variants experiment (issue 13 item 3):
// the factors history matching varies (parameters with a plausible range, mapped from
// the unit cube), and for a wave's points an experiment whose variants are every point
// crossed with the scenario variants the patterns name, so the wave runs, journals,
// resumes and spreads over threads and MPI ranks exactly as `alignsim run` does.
// Pure functions of their inputs; thread-safe.
#include <cstddef>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/history_matching.hpp"
#include "experiment/pattern_file.hpp"
#include "sim/io/results_reader.hpp"

namespace alignsim::experiment {

// A parameter history matching varies, over its plausible range.
struct CalibrationFactor {
  std::string key;
  sim::ValueKind kind = sim::ValueKind::real;  // real or integer
  sim::PlausibleRange range;
  // The value at unit coordinate u in [0, 1]: the range's inverse distribution function
  // (uniform, or uniform in the logarithm); integers rounded to the nearest.
  [[nodiscard]] double value_at(double u) const;
  [[nodiscard]] sim::ParameterValue parameter_value_at(double u) const;
};

// The factors named by `keys`, in that order; without keys, every parameter with a
// plausible range that is an uncertain behaviour rather than a property of the company
// the scenario describes (ranges whose rationale starts "company:", which the scenario
// sets). Throws UsageError for an unknown key, a repeated one, or one without a range.
[[nodiscard]] std::vector<CalibrationFactor> calibration_factors(const sim::ParameterCatalog& catalog,
                                                                 const std::vector<std::string>& keys);

// The metrics and variants an experiment's results file will hold, for read_pattern_file.
[[nodiscard]] PatternVocabulary vocabulary_of(const Experiment& experiment);

// What each pattern's implausibility counts besides the distance, in file order.
[[nodiscard]] std::vector<PatternTarget> pattern_targets(const PatternSet& patterns);

// Indices of the scenario variants the patterns name, in the scenario's order.
[[nodiscard]] std::vector<std::size_t> pattern_variants(const sim::ScenarioSpec& spec, const PatternSet& patterns);

// What a wave's variant names start with for point `point`: "p12:" (then the scenario variant's name).
[[nodiscard]] std::string point_prefix(std::size_t point);

// The experiment of one wave: for each point (unit coordinates, factor order) and each
// of `variants`, point-major, a variant named point_prefix(point) + its name whose
// settings are the variant's with every factor at the point's value, except the factors
// the variant itself sets (a what-if's move stays the move). Replicates and seed are
// the base experiment's, so every point's variants share common random numbers.
[[nodiscard]] Experiment wave_experiment(const Experiment& base, const std::vector<CalibrationFactor>& factors,
                                         const std::vector<std::size_t>& variants,
                                         const std::vector<std::vector<double>>& unit_points);

// Each point's pattern statistics from a wave's results file: the mean over replicates
// and the Monte-Carlo variance of that mean; NaN where fewer than 2 replicates give a value.
[[nodiscard]] std::vector<std::vector<SimulatedStatistic>> wave_statistics(const PatternSet& patterns,
                                                                           const sim::ResultsReader& results,
                                                                           std::size_t points);

}  // namespace alignsim::experiment
