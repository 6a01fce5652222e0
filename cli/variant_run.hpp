#pragma once
// `alignsim run` for a scenario with variants: every variant x replicate is a run,
// replicate-major; the file gets /variants, /summary, /timeseries, /runs, /statistics
// and /paired_differences, and the terminal gets the key outcomes with 95% CIs.
#include <filesystem>
#include <optional>

#include "cli/experiment_options.hpp"
#include "cli/run_hooks.hpp"
#include "cli/scenario_runs.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {

struct VariantRun {
  const LoadedScenario& scenario;
  const ScenarioRuns& runs;
  std::filesystem::path output;
  std::optional<TargetCi> target;
  sim::RunnerOptions runner;
  bool quiet = false;
  RunHooks hooks;
  bool brief = false;  // terminal: the "at a glance" table only
};

// Writes and commits the results file; returns the exit code (kExitRunsFailed if some
// runs failed).
int run_variants(const VariantRun& request);

}  // namespace alignsim::cli
