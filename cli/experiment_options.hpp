#pragma once
// Loading a scenario for a command that runs it: picks the model the scenario names
// (`model:`), loads against that model's catalog, and applies the experiment options
// (--design, --samples, --levels, --factor; --target-ci, --max-replicates).
#include <boost/program_options.hpp>
#include <optional>
#include <string>

#include "cli/scenario_options.hpp"
#include "sim/run/model_registry.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/sweep_reader.hpp"

namespace alignsim::cli {

struct ExperimentOptions {
  sim::SweepOptions sweep;
  std::string target_ci;  // "METRIC=HALFWIDTH", empty for a fixed number of replicates
  std::int64_t max_replicates = 1000;
};

void add_experiment_options(boost::program_options::options_description& description, ExperimentOptions& options);
// Copies --samples/--points and --levels (call after notify()).
void read_experiment_options(const boost::program_options::variables_map& vm, ExperimentOptions& options);

struct LoadedScenario {
  sim::ScenarioSpec spec;
  const sim::ModelDefinition* model = nullptr;  // never null
};

// Throws alignsim::ScenarioError on bad input.
[[nodiscard]] LoadedScenario load_experiment(const ScenarioOptions& scenario, const sim::SweepOptions& sweep);

// Adaptive replication target, parsed against the model's summary metrics.
struct TargetCi {
  std::size_t metric = 0;
  double half_width = 0.0;
  std::size_t max_replicates = 0;
};
// nullopt without --target-ci; throws UsageError for a malformed or unknown target.
[[nodiscard]] std::optional<TargetCi> parse_target_ci(const ExperimentOptions& options, const sim::OutputLayout& outputs,
                                                      std::size_t initial_replicates);

}  // namespace alignsim::cli
