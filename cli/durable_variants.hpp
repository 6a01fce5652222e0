#pragma once
// A variants experiment run into a results file with the safety of `alignsim run`: the
// output lock and checks, the run journal (so a killed run continues with --resume) and
// atomic publication (experiment/durable_output.hpp). Shared by the commands that run
// variants on the way to something else (calibrate's waves, validate).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "experiment/run_table.hpp"
#include "experiment/variant_experiment.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {

struct DurableRunOptions {
  bool overwrite = false;
  bool resume = false;
  bool quiet = false;
  std::vector<std::filesystem::path> inputs;  // files read, which the output may not be
};

// The experiment's runs into `path`; nullopt when --resume finds the file already made by
// this same run (nothing to do). Failed runs are reported on stderr (unless quiet) and
// counted in the result. Throws OutputError or UsageError as DurableOutput.
std::optional<experiment::VariantResults> run_variants_durably(const experiment::Experiment& experiment,
                                                               const experiment::RunTable& runs,
                                                               const std::filesystem::path& path,
                                                               const std::string& identity,
                                                               const DurableRunOptions& options,
                                                               const sim::RunnerOptions& runner);

}  // namespace alignsim::cli
