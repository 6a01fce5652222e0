#pragma once
// `alignsim run --shard I/N`: computes the runs of one slice of the run list
// (sim/run/shard.hpp) and writes them to a shard file; `alignsim merge` turns all N shard
// files into the results file a single `alignsim run` would have written. Works for
// variants and sweeps alike (a shard is a list of (entry, replicate) runs); not with
// --target-ci, whose rounds need every run of the previous round.
#include <filesystem>

#include "cli/experiment_options.hpp"
#include "cli/run_hooks.hpp"
#include "cli/scenario_runs.hpp"
#include "sim/run/runner.hpp"
#include "sim/run/shard.hpp"

namespace alignsim::cli {

struct ShardRun {
  const LoadedScenario& scenario;
  const ScenarioRuns& runs;
  sim::ShardSpec shard;
  std::filesystem::path output;
  sim::RunnerOptions runner;
  bool quiet = false;
  RunHooks hooks;
  std::string identity;
};

// Returns the exit code (kExitRunsFailed if some of the shard's runs failed).
int run_shard(const ShardRun& request);

}  // namespace alignsim::cli
