#pragma once
// `alignsim run` for a scenario with a sweep: every design point x replicate is a run,
// replicate-major; the file gets /design, /summary and /timeseries over [point, replicate
// (, period)], per-point /statistics streamed back from the file, and /sensitivity.
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/experiment_options.hpp"
#include "cli/run_hooks.hpp"
#include "cli/scenario_runs.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {

struct SweepRun {
  const LoadedScenario& scenario;
  const ScenarioRuns& runs;  // its design() is the sweep's design
  std::filesystem::path output;
  std::optional<TargetCi> target;
  sim::RunnerOptions runner;
  bool quiet = false;
  RunHooks hooks;
};

// Returns the process exit code (kExitRunsFailed if some runs failed).
int run_sweep(const SweepRun& request);

}  // namespace alignsim::cli
