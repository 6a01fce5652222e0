#pragma once
// An experiment: a scenario loaded against the catalog of the model it names
// (`model:`), ready to run. The layer between the engine (sim/) and the command line
// (cli/) starts here; docs/architecture.md walks through it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "experiment/ensemble_file.hpp"
#include "sim/run/model_registry.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/sweep_reader.hpp"

namespace alignsim::experiment {

// What to load: a scenario file (none: the model's defaults) and the command line's
// changes to it. --replicates and --seed are shortcuts for --set run.replicates / run.seed.
struct ScenarioRequest {
  std::optional<std::string> file;
  std::optional<std::string> text;  // scenario text instead of a file (e.g. the one a shard file carries)
  std::string text_name = "<text>";  // what messages call the text
  std::vector<std::string> sets;
  std::optional<std::int64_t> replicates;
  std::optional<std::int64_t> seed;
};

// How to run it beyond the scenario: a design from the command line (--design,
// --factor, ...) and adaptive replication (--target-ci METRIC=HALFWIDTH).
struct ExperimentOptions {
  sim::SweepOptions sweep;
  std::string target_ci;  // empty: a fixed number of replicates
  std::int64_t max_replicates = 1000;
  std::string ensemble;  // --ensemble FILE: run over its plausible parameter vectors; empty: none
};

// Immutable once loaded; safe to share between threads.
struct Experiment {
  sim::ScenarioSpec spec;
  const sim::ModelDefinition* model = nullptr;  // never null
  // Runs over plausible parameters (issue 13): replicate r of every variant takes member
  // r mod M (ensemble_file.hpp); null: every replicate runs the scenario's own values.
  std::shared_ptr<const Ensemble> ensemble{};
};

// Throws alignsim::ScenarioError on bad input.
[[nodiscard]] Experiment load_experiment(const ScenarioRequest& scenario, const sim::SweepOptions& sweep = {});

// Makes `experiment` run over the ensemble in `path` (--ensemble): reads and checks it
// against the model's catalog, and notes it in the resolved scenario text (so results
// files and run identities record which ensemble, by hash, and how replicates take its
// members). Throws ScenarioError for a bad file, UsageError with a sweep.
void attach_ensemble(Experiment& experiment, const std::string& path);

}  // namespace alignsim::experiment
