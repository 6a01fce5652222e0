#pragma once
// What an experiment run into a results file needs beyond the experiment: where to
// write, the replication target, how to execute, the durability hooks, and a call once
// the file exists. Shared by the variant and sweep runs.
#include <filesystem>
#include <functional>
#include <optional>

#include "experiment/run_hooks.hpp"
#include "experiment/run_table.hpp"
#include "experiment/target_ci.hpp"
#include "sim/io/results_file.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::experiment {

struct RunRequest {
  const Experiment& experiment;
  const RunTable& runs;  // for a sweep, its design() is the sweep's design
  std::filesystem::path output;
  std::optional<TargetCi> target;
  sim::RunnerOptions runner;
  RunHooks hooks;
  // Called once the results file exists, before the first run (e.g. to print a banner).
  std::function<void(const sim::ResultsLayout&)> started;
};

}  // namespace alignsim::experiment
