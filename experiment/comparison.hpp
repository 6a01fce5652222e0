#pragma once
// `alignsim compare A.yaml B.yaml [...]`: the base scenario of every file run with common
// random numbers (replicate r of each uses the same random streams; the scenario is not
// part of the random key), so each scenario's difference to the first is paired.
#include <vector>

#include <optional>

#include "experiment/ensemble_effects.hpp"
#include "experiment/experiment.hpp"
#include "experiment/replication_rounds.hpp"
#include "experiment/variant_statistics.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::experiment {

// Common random numbers pair runs only if every scenario uses the same model and runs
// the same days, seeds and replicates. Throws ScenarioError naming the first that does not.
void require_same_run_settings(const std::vector<Experiment>& scenarios);

struct ComparisonResults {
  VariantStatistics statistics;  // entry s: scenario s's base variant
  RoundsResult rounds;
  std::optional<EnsembleEffects> ensemble_effects;  // over an ensemble only
};

// `compare --ensemble FILE`: every scenario runs over the same ensemble, replicate r at
// member r mod M in all of them (common random numbers over parameters as well as draws).
// A scenario keeps its own value of an ensemble key where it differs from the first
// scenario's (that difference is what is compared), as `run` keeps a variant's moves.
// Throws as attach_ensemble.
void attach_comparison_ensemble(std::vector<Experiment>& scenarios, const std::string& path);

// Runs each scenario's base variant for the first scenario's replicates. Nothing is written.
[[nodiscard]] ComparisonResults run_comparison(const std::vector<Experiment>& scenarios,
                                               const sim::RunnerOptions& runner);

}  // namespace alignsim::experiment
