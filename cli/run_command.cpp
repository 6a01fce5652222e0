// `alignsim run`: load a scenario, run variants x replicates (or design points x
// replicates) in parallel, stream every run to the HDF5 results file (or, with --shard,
// a slice of them to a shard file), and print key outcomes with honest uncertainty.
// Every finished run is journaled, so a killed run continues with --resume.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/durable_output.hpp"
#include "cli/experiment_options.hpp"
#include "cli/key_outcomes.hpp"
#include "cli/run_identity.hpp"
#include "cli/scenario_options.hpp"
#include "cli/scenario_runs.hpp"
#include "cli/setting_cautions.hpp"
#include "cli/shard_run.hpp"
#include "cli/sweep_run.hpp"
#include "cli/variant_run.hpp"
#include "models/metrics.hpp"
#include "sim/errors.hpp"
#include "sim/run/runner.hpp"
#ifdef ALIGNSIM_WITH_MPI
#include "sim/run/mpi_runs.hpp"
#endif
#include "sim/run/shard.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

const std::vector<KeyOutcome>& sales_key_outcomes() {
  using model::Summary;
  static const std::vector<KeyOutcome> outcomes{
      {static_cast<std::size_t>(Summary::mqls), "MQLs"},
      {static_cast<std::size_t>(Summary::share_mqls_ignored), "share of MQLs ignored", 3},
      {static_cast<std::size_t>(Summary::median_response_hours), "median response time", 4},
      {static_cast<std::size_t>(Summary::win_rate), "win rate"},
      {static_cast<std::size_t>(Summary::wins), "deals won", 2},
      {static_cast<std::size_t>(Summary::bookings_usd), "bookings", 1},
      {static_cast<std::size_t>(Summary::mean_rep_trust_end), "mean rep trust (0-1)"},
      // One line per alignment mechanism (M9-M17), so every what-if shows its lever.
      {static_cast<std::size_t>(Summary::prospecting_time_share), "rep time on own prospecting"},
      {static_cast<std::size_t>(Summary::hoarded_leads), "own leads hidden from marketing"},
      {static_cast<std::size_t>(Summary::scoring_noise_end), "lead-scoring noise (sd)"},
      {static_cast<std::size_t>(Summary::content_relevance_end), "content relevance (0-1)"},
      {static_cast<std::size_t>(Summary::marketing_budget_share_of_revenue), "marketing budget / revenue"},
      {static_cast<std::size_t>(Summary::reps_end), "reps at the end"},
      {static_cast<std::size_t>(Summary::customers_end), "customers at the end"},
      {static_cast<std::size_t>(Summary::retention), "customer retention"},
      {static_cast<std::size_t>(Summary::framework_adoption_end), "reps using the selling framework"},
  };
  return outcomes;
}

}  // namespace

// The sales model's executive summary; any other model shows every summary metric.
std::vector<KeyOutcome> key_outcomes(const LoadedScenario& loaded) {
  if (loaded.model->name == "sales_marketing") return sales_key_outcomes();
  std::vector<KeyOutcome> outcomes;
  const auto& summary = loaded.model->outputs().summary;
  for (std::size_t m = 0; m < summary.size(); ++m) outcomes.push_back({m, summary[m].name});
  return outcomes;
}

namespace {

struct RunOptions {
  ScenarioOptions scenario;
  ExperimentOptions experiment;
  std::string output;
  std::size_t threads = 0;
  bool overwrite = false;
  bool resume = false;
  std::optional<sim::ShardSpec> shard;
  bool progress = false;
  bool quiet = false;
  bool brief = false;
};

std::filesystem::path output_path(const RunOptions& options, const sim::ScenarioSpec& scenario) {
  if (!options.output.empty()) return options.output;
  return options.shard ? std::filesystem::path(scenario.name + ".shard" + std::to_string(options.shard->index) + ".h5")
                       : std::filesystem::path(scenario.name + ".h5");
}

void refuse_shard_combinations(const RunOptions& options, std::size_t total_runs) {
  if (!options.shard) return;
  if (!options.experiment.target_ci.empty()) {
    throw UsageError("--shard cannot be combined with --target-ci: adaptive rounds depend on all runs of a round");
  }
  if (options.shard->count > total_runs) {
    throw UsageError("--shard " + options.shard->text() + ": more shards than the " + std::to_string(total_runs) +
                     " runs of this scenario");
  }
}

// Runs the scenario into `path`, with the journal's runs replayed and new ones recorded.
int run_durably(const RunOptions& options, const LoadedScenario& loaded, const ScenarioRuns& runs,
                const std::optional<TargetCi>& target, const sim::RunnerOptions& runner) {
  const auto path = output_path(options, loaded.spec);
  const std::string identity = run_identity(loaded, options.experiment, options.shard);
  DurableOutput durable(path, identity, {options.overwrite, options.resume, true, kJournalSyncInterval});
  if (durable.already_complete()) {
    std::printf("Results: %s (already complete; nothing to resume)\n", path.string().c_str());
    return kExitOk;
  }
  if (!options.quiet && !durable.resume_note().empty()) std::fprintf(stderr, "alignsim: %s\n", durable.resume_note().c_str());
  int code = kExitOk;
  try {
    if (options.shard) {
      code = run_shard({loaded, runs, *options.shard, path, runner, options.quiet, durable.hooks(), identity});
    } else if (loaded.spec.sweep) {
      code = run_sweep({loaded, runs, path, target, runner, options.quiet, durable.hooks()});
    } else {
      code = run_variants({loaded, runs, path, target, runner, options.quiet, durable.hooks(), options.brief});
    }
  } catch (const OutputError& e) {
    if (!durable.holds_runs()) throw;
    throw OutputError(std::string(e.what()) + "; finished runs are kept in " + journal_path_for(path).string() +
                      ": rerun with --resume to continue");
  }
  durable.finish();
  return code;
}

int execute(const RunOptions& options) {
  // Every rank loads and checks the same input, so bad input fails everywhere before MPI starts.
  const LoadedScenario loaded = load_experiment(options.scenario, options.experiment.sweep);
  const ScenarioRuns runs(loaded);
  const auto initial = static_cast<std::size_t>(loaded.spec.replicates);
  const std::optional<TargetCi> target = parse_target_ci(options.experiment, loaded.model->outputs(), initial);
  refuse_shard_combinations(options, runs.entries() * initial);
  const std::size_t threads = sim::resolve_thread_count(options.threads);
  sim::RunnerOptions runner{threads, options.progress || (!options.quiet && isatty(STDERR_FILENO) != 0), nullptr};
#ifdef ALIGNSIM_WITH_MPI
  // Declared in this order so the coordinator stops the workers before MPI finalises.
  std::optional<sim::MpiWorld> world;
  std::optional<sim::MpiCoordinator> coordinator;
  if (sim::launched_by_mpi()) world.emplace();
  if (world && world->size() > 1) {
    if (world->rank() != 0) {
      sim::serve_runs([&](std::size_t e, std::size_t r) { return runs.run(e, r); }, runs.summary_size(),
                      runs.series_size(), threads);
      return kExitOk;
    }
    coordinator.emplace(*world);
    runner.distributor = &*coordinator;
  }
#endif
  print_setting_cautions(stderr, loaded);  // once, by the process that reports
  return run_durably(options, loaded, runs, target, runner);
}

}  // namespace

int run_command(const Arguments& args) {
  RunOptions options;
  po::options_description description("Usage: alignsim run [SCENARIO.yaml] [options]\n\n"
                                      "Runs every variant of the scenario for its replicates and writes an HDF5 file.\n"
                                      "Without SCENARIO the built-in default scenario runs.\n\nOptions");
  description.add_options()("help,h", "show this help")
      ("output,o", po::value(&options.output), "results file (default: SCENARIO_NAME.h5)")
      ("threads", po::value(&options.threads), "worker threads (default: all cores)")
      ("overwrite", po::bool_switch(&options.overwrite), "replace an existing results file (and discard a journal)")
      ("resume", po::bool_switch(&options.resume), "continue an interrupted run from its journal (.NAME.journal)")
      ("shard", po::value<std::string>(), "I/N: run only the I-th of N slices of the runs into a shard file "
                                          "(combine with 'alignsim merge')")
      ("progress", po::bool_switch(&options.progress), "show the progress line even when stderr is not a terminal")
      ("quiet,q", po::bool_switch(&options.quiet), "no progress or banner on stderr")
      ("brief", po::bool_switch(&options.brief), "print only the 'at a glance' table of what-if effects");
  add_scenario_options(description, options.scenario);
  add_experiment_options(description, options.experiment);
  const auto parsed = parse_command_line(args, description, "scenario", po::value<std::string>(), 1);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  if (vm.count("scenario") != 0) options.scenario.file = vm["scenario"].as<std::string>();
  read_scenario_shortcuts(vm, options.scenario);
  read_experiment_options(vm, options.experiment);
  if (vm.count("shard") != 0) options.shard = sim::ShardSpec::parse(vm["shard"].as<std::string>());
  return execute(options);
}

}  // namespace alignsim::cli
