// `alignsim validate SCENARIO [--patterns FILE] [--ensemble FILE]`: the scenario's
// variants that the patterns name, run (over the ensemble when given) into a results
// file with `alignsim run`'s safety (journal, --resume, atomic publication), then the
// table of every pattern: statistic, source, observed with its band, simulated with its
// 95% Monte-Carlo interval, implausibility, inside or outside (docs/patterns.md).
// Under `mpirun` the ranks share the runs as `alignsim run`'s do; rank 0 writes the file
// (byte-identical to one process) and prints the table.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/durable_variants.hpp"
#include "cli/pattern_table.hpp"
#include "cli/scenario_options.hpp"
#include "cli/shared_runs.hpp"
#include "cli/thread_option.hpp"
#include "experiment/calibration_wave.hpp"
#include "experiment/run_identity.hpp"
#include "sim/errors.hpp"
#include "sim/run/interruption.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;
using experiment::Experiment;

constexpr const char* kDefaultPatterns = "patterns/published.yaml";

struct ValidateOptions {
  experiment::ScenarioRequest scenario;
  std::string patterns = kDefaultPatterns;
  std::string ensemble;
  std::string output;
  double cutoff = experiment::kDefaultImplausibilityCutoff;
  std::size_t threads = 0;
  bool overwrite = false;
  bool resume = false;
  bool quiet = false;
};

// Only the variants the patterns read, in the scenario's order: the others cost runs and
// change nothing in the table.
Experiment pattern_variants_only(const Experiment& full, const experiment::PatternSet& patterns) {
  Experiment subset = full;
  subset.spec.variants.clear();
  for (const std::size_t v : experiment::pattern_variants(full.spec, patterns)) {
    subset.spec.variants.push_back(full.spec.variants[v]);
  }
  return subset;
}

std::string identity_of(const Experiment& subset) {
  std::string names;
  for (const sim::VariantSpec& variant : subset.spec.variants) names += (names.empty() ? "" : ",") + variant.name;
  return experiment::RunIdentity::of(subset, {}, std::nullopt).text() + "validate_variants: " + names + "\n";
}

int execute(const ValidateOptions& options) {
  Experiment full = experiment::load_experiment(options.scenario);
  if (full.spec.sweep) throw UsageError("validate runs a scenario's variants: give a scenario without a sweep");
  if (!options.ensemble.empty()) experiment::attach_ensemble(full, options.ensemble);
  const experiment::PatternSet patterns = experiment::read_pattern_file(options.patterns, experiment::vocabulary_of(full));
  const Experiment subset = pattern_variants_only(full, patterns);
  const experiment::RunTable runs(subset);
  const std::filesystem::path path =
      options.output.empty() ? std::filesystem::path(full.spec.name + ".validate.h5") : std::filesystem::path(options.output);
  DurableRunOptions durable{options.overwrite, options.resume, options.quiet, {full.spec.files.begin(), full.spec.files.end()}};
  durable.inputs.emplace_back(options.patterns);
  if (full.ensemble) durable.inputs.emplace_back(full.ensemble->file);
  const std::size_t threads = sim::resolve_thread_count(options.threads);
  sim::RunnerOptions runner{threads, !options.quiet && isatty(STDERR_FILENO) != 0, nullptr};
  SharedRuns ranks;  // under mpirun: workers serve the runs; rank 0 gets the distributor
  if (ranks.serve_if_worker(runs, runner)) return kExitOk;
  {
    // Ctrl-C or kill: stop cleanly; not with MPI ranks, whose launcher signals every rank.
    std::optional<sim::InterruptionHandlers> interruptible;
    if (runner.distributor == nullptr) interruptible.emplace();
    static_cast<void>(run_variants_durably(subset, runs, path, identity_of(subset), durable, runner));
  }
  std::printf("Patterns of %s against %s: %lld replicates of %zu variants%s\n\n", options.patterns.c_str(),
              full.spec.name.c_str(), static_cast<long long>(full.spec.replicates), subset.spec.variants.size(),
              full.ensemble ? (", over the " + std::to_string(full.ensemble->size()) + " plausible parameter vectors of " +
                               full.ensemble->file + " (simulated: the mean over members and replicates)")
                                  .c_str()
                            : "");
  const sim::ResultsReader results(path);
  print_pattern_table(patterns, results, options.cutoff);
  std::printf("Results: %s\n", path.string().c_str());
  return kExitOk;
}

}  // namespace

int validate_command(const Arguments& args) {
  ValidateOptions options;
  po::options_description description(
      "Usage: alignsim validate SCENARIO.yaml [options]\n\n"
      "Runs the variants the observed patterns name and prints every pattern: observed with its\n"
      "band, simulated with its 95% Monte-Carlo interval, implausibility and inside/outside.\n\nOptions");
  description.add_options()("help,h", "show this help")
      ("patterns", po::value(&options.patterns)->default_value(options.patterns), "the observed patterns")
      ("ensemble", po::value(&options.ensemble), "run over this ensemble.yaml of 'alignsim calibrate'")
      ("output,o", po::value(&options.output), "results file (default: SCENARIO_NAME.validate.h5)")
      ("cutoff", po::value(&options.cutoff)->default_value(options.cutoff), "a pattern is inside when I <= this")
      ("overwrite", po::bool_switch(&options.overwrite), "replace an existing results file")
      ("resume", po::bool_switch(&options.resume), "continue an interrupted validation from its journal")
      ("quiet,q", po::bool_switch(&options.quiet), "no progress on stderr");
  const auto parsed = parse_scenario_command(args, description, options.scenario);
  if (!parsed) return kExitOk;
  options.threads = thread_count(*parsed);
  if (!options.scenario.file) throw UsageError("give the scenario to validate (e.g. scenarios/whatif.yaml)");
  if (!(options.cutoff > 0) || !std::isfinite(options.cutoff)) throw UsageError("--cutoff must be a positive number");
  if (options.resume && options.overwrite) {
    throw UsageError("--resume and --overwrite contradict each other: pass only one");
  }
  return execute(options);
}

}  // namespace alignsim::cli
