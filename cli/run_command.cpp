// `alignsim run`: load a scenario, run variants x replicates (or design points x
// replicates) in parallel, stream every run to the HDF5 results file (or, with --shard,
// a slice of them to a shard file), and print key outcomes with honest uncertainty.
// Every finished run is journaled, so a killed run continues with --resume.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/caution_lines.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/experiment_options.hpp"
#include "cli/run_report.hpp"
#include "cli/scenario_options.hpp"
#include "cli/shared_runs.hpp"
#include "cli/thread_option.hpp"
#include "experiment/durable_output.hpp"
#include "experiment/resource_check.hpp"
#include "crm/run_export.hpp"
#include "experiment/run_bank.hpp"
#include "experiment/run_identity.hpp"
#include "experiment/run_table.hpp"
#include "experiment/target_ci.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/run/interruption.hpp"
#include "sim/run/runner.hpp"
#include "sim/run/shard.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

using experiment::Experiment;
using experiment::RunTable;

struct RunOptions {
  experiment::ScenarioRequest scenario;
  experiment::ExperimentOptions experiment;
  std::string output;
  std::size_t threads = 0;
  bool overwrite = false;
  bool resume = false;
  std::optional<sim::ShardSpec> shard;
  bool progress = false;
  bool quiet = false;
  bool brief = false;
  bool skip_resource_check = false;
  std::string run_bank;  // --run-bank FILE.csv; empty: none
  std::optional<crm::CrmExportRequest> crm_export;  // --export-crm DIR
};

std::filesystem::path output_path(const RunOptions& options, const sim::ScenarioSpec& scenario) {
  if (!options.output.empty()) return options.output;
  return options.shard ? std::filesystem::path(scenario.name + ".shard" + std::to_string(options.shard->index) + ".h5")
                       : std::filesystem::path(scenario.name + ".h5");
}

void refuse_shard_combinations(const RunOptions& options, std::size_t total_runs) {
  if (!options.shard) return;
  if (!options.run_bank.empty()) throw UsageError("--run-bank belongs to the whole run: not with --shard");
  if (options.crm_export) throw UsageError("--export-crm belongs to the whole run: not with --shard");
  if (!options.experiment.ensemble.empty()) {
    throw UsageError("--shard cannot be combined with --ensemble yet: 'alignsim merge' does not compute the ranges "
                     "over the ensemble; run it whole (threads or mpirun)");
  }
  if (!options.experiment.target_ci.empty()) {
    throw UsageError("--shard cannot be combined with --target-ci: adaptive rounds depend on all runs of a round");
  }
  if (options.shard->count > total_runs) {
    throw UsageError("--shard " + options.shard->text() + ": more shards than the " + std::to_string(total_runs) +
                     " runs of this scenario");
  }
}

// Before the lock, temporary or journal exist: work the machine cannot hold is refused.
void refuse_impossible_work(const RunOptions& options, const Experiment& loaded, const RunTable& runs,
                            const std::optional<experiment::TargetCi>& target, std::size_t threads) {
  if (options.skip_resource_check) return;
  const auto path = output_path(options, loaded.spec);
  experiment::check_output_path(path);  // a missing or unwritable directory is named as such
  const std::size_t initial = static_cast<std::size_t>(loaded.spec.replicates);
  std::size_t total = runs.entries() * (target ? std::max(initial, target->max_replicates) : initial);
  if (options.shard) total = options.shard->runs_of(total);
  const auto directory = sim::directory_of(path);
  experiment::refuse_impossible_work(experiment::estimate_needs(runs, {total, threads, true}),
                                     experiment::machine_resources(directory), directory, loaded.model->size_setting);
}

// The experiment into `path` (a shard, a sweep or variants), printing as it goes.
int run_into(const RunOptions& options, const Experiment& loaded, const RunTable& runs,
             const std::optional<experiment::TargetCi>& target, const sim::RunnerOptions& runner,
             const std::filesystem::path& path, const experiment::RunHooks& hooks, const std::string& identity) {
  const bool banner = !options.quiet;
  if (options.shard) {
    const auto results = experiment::run_shard(
        {loaded, runs, *options.shard, path, runner, hooks, identity, [&](const sim::ShardHeader& header) {
           if (banner) print_shard_banner(header, *options.shard, runner.threads);
         }});
    return report_shard(*options.shard, results, path);
  }
  if (loaded.spec.sweep) {
    const auto results = experiment::run_sweep({loaded, runs, path, target, runner, hooks, [&](const auto& layout) {
                                                  if (banner) print_sweep_banner(loaded, layout);
                                                }});
    return report_sweep(runs, results, path, target.has_value());
  }
  const auto results = experiment::run_variants({loaded, runs, path, target, runner, hooks, [&](const auto& layout) {
                                                   if (banner) print_variants_banner(loaded, layout, runner.threads);
                                                 }});
  return report_variants(loaded, results, path, target.has_value(), options.brief);
}

// Runs the experiment into its output, with the journal's runs replayed and new ones recorded.
int run_durably(const RunOptions& options, const Experiment& loaded, const RunTable& runs,
                const std::optional<experiment::TargetCi>& target, const sim::RunnerOptions& runner) {
  const auto path = output_path(options, loaded.spec);
  const std::string identity = experiment::RunIdentity::of(loaded, options.experiment, options.shard).text();
  std::vector<std::filesystem::path> inputs(loaded.spec.files.begin(), loaded.spec.files.end());
  if (loaded.ensemble) inputs.emplace_back(loaded.ensemble->file);
  experiment::DurableOutput durable(path, identity,
                                    {options.overwrite, options.resume, true, experiment::kJournalSyncInterval, inputs,
                                     {static_cast<std::uint32_t>(runs.summary_size()),
                                      static_cast<std::uint32_t>(runs.series_size()),
                                      static_cast<std::uint32_t>(runs.agents_size())}});
  if (durable.already_complete()) {
    std::printf("Results: %s (already complete; nothing to resume)\n", path.string().c_str());
    return kExitOk;
  }
  if (!options.quiet && !durable.resume_note().empty()) std::fprintf(stderr, "alignsim: %s\n", durable.resume_note().c_str());
  if (!durable.damage_warning().empty()) std::fprintf(stderr, "alignsim: warning: %s\n", durable.damage_warning().c_str());
  experiment::RunHooks hooks = durable.hooks();
  std::optional<experiment::RunBank> bank;
  if (!options.run_bank.empty()) {
    bank.emplace(options.run_bank, loaded, runs);
    hooks.record = [&bank, journal = hooks.record](std::size_t e, std::size_t r, const sim::RunOutput& out) {
      if (journal) journal(e, r, out);
      bank->add(e, r, out);
    };
  }
  int code = kExitOk;
  try {
    code = run_into(options, loaded, runs, target, runner, path, hooks, identity);
    if (bank) bank->publish();  // after the results file: a bank never describes runs that no file holds
  } catch (const OutputError& e) {
    if (!durable.holds_runs()) throw;
    throw OutputError(std::string(e.what()) + "; finished runs are kept in " +
                      experiment::journal_path_for(path).string() + ": rerun with --resume to continue");
  } catch (const Interrupted& e) {
    // Unwinding has removed the temporary output; the lock goes with `durable`.
    if (!durable.holds_runs()) throw Interrupted(e.signal(), std::string(e.what()) + "; nothing was kept: rerun to start");
    throw Interrupted(e.signal(), std::string(e.what()) + "; the finished runs are kept in " +
                                      experiment::journal_path_for(path).string() + ": --resume continues the run");
  }
  durable.finish();
  return code;
}

void read_crm_export_options(const po::variables_map& vm, RunOptions& options) {
  if (vm.count("export-crm") == 0) {
    if (vm.count("export-variant") != 0 || vm.count("export-replicate") != 0) {
      throw UsageError("--export-variant and --export-replicate choose what --export-crm exports: add --export-crm DIR");
    }
    return;
  }
  crm::CrmExportRequest request;
  request.directory = vm["export-crm"].as<std::string>();
  if (vm.count("export-variant") != 0) request.variant = vm["export-variant"].as<std::string>();
  if (vm.count("export-replicate") != 0) request.replicate = vm["export-replicate"].as<std::uint32_t>();
  options.crm_export = request;
}

int execute(const RunOptions& options) {
  // Every rank loads and checks the same input, so bad input fails everywhere before MPI starts.
  Experiment loaded_scenario = experiment::load_experiment(options.scenario, options.experiment.sweep);
  if (!options.experiment.ensemble.empty()) experiment::attach_ensemble(loaded_scenario, options.experiment.ensemble);
  const Experiment& loaded = loaded_scenario;
  const RunTable runs(loaded);
  const auto initial = static_cast<std::size_t>(loaded.spec.replicates);
  const std::optional<experiment::TargetCi> target =
      experiment::parse_target_ci(options.experiment, loaded.model->outputs(), initial);
  refuse_shard_combinations(options, runs.entries() * initial);
  const std::size_t threads = sim::resolve_thread_count(options.threads);
  refuse_impossible_work(options, loaded, runs, target, threads);
  sim::RunnerOptions runner{threads, options.progress || (!options.quiet && isatty(STDERR_FILENO) != 0), nullptr};
  SharedRuns ranks;  // under mpirun: workers serve the runs; rank 0 gets the distributor
  if (ranks.serve_if_worker(runs, runner)) return kExitOk;
  print_setting_cautions(stderr, loaded, runs);  // once, by the process that reports
  if (options.crm_export) crm::check_export_directory(options.crm_export->directory);  // before hours of runs
  // Ctrl-C or kill: stop cleanly (sim/run/interruption.hpp). Not with MPI ranks, whose
  // launcher passes the signal to every rank and ends the job as before.
  std::optional<sim::InterruptionHandlers> interruptible;
  if (runner.distributor == nullptr) interruptible.emplace();
  const int code = run_durably(options, loaded, runs, target, runner);
  if (code == kExitOk && options.crm_export) {
    crm::export_synthetic_crm(loaded, *options.crm_export);
    if (!options.quiet) std::fprintf(stderr, "alignsim: synthetic CRM written to %s\n", options.crm_export->directory.c_str());
  }
  return code;
}

}  // namespace

int run_command(const Arguments& args) {
  RunOptions options;
  po::options_description description("Usage: alignsim run [SCENARIO.yaml] [options]\n\n"
                                      "Runs every variant of the scenario for its replicates and writes an HDF5 file.\n"
                                      "Without SCENARIO the built-in default scenario runs.\n\nOptions");
  description.add_options()("help,h", "show this help")
      ("output,o", po::value(&options.output), "results file (default: SCENARIO_NAME.h5)")
      ("overwrite", po::bool_switch(&options.overwrite),
       "replace an existing results file (and discard a journal); not with --resume")
      ("resume", po::bool_switch(&options.resume),
       "continue an interrupted run from its journal (.NAME.journal); not with --overwrite")
      ("shard", po::value<std::string>(), "I/N: run only the I-th of N slices of the runs into a shard file "
                                          "(combine with 'alignsim merge')")
      ("progress", po::bool_switch(&options.progress), "show the progress line even when stderr is not a terminal")
      ("quiet,q", po::bool_switch(&options.quiet), "no progress or banner on stderr")
      ("brief", po::bool_switch(&options.brief), "print only the 'at a glance' table of what-if effects")
      ("run-bank", po::value(&options.run_bank),
       "also write every run as a CSV row (parameters, seed, replicate, summary outputs) to this file")
      ("export-crm", po::value<std::string>(),
       "also write one replicate's leads, opportunities and activities as a synthetic CRM export (Salesforce- "
       "and HubSpot-shaped CSV) into this new directory (docs/calibration.md)")
      ("export-variant", po::value<std::string>(), "the variant --export-crm exports (default: the first)")
      ("export-replicate", po::value<std::uint32_t>(), "the replicate --export-crm exports (default: 0)")
      ("no-resource-check", po::bool_switch(&options.skip_resource_check),
       "start even if the estimated memory or disk space exceeds what the machine has");
  add_experiment_options(description, options.experiment);
  const auto parsed = parse_scenario_command(args, description, options.scenario);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  options.threads = thread_count(vm);
  read_experiment_options(vm, options.experiment);
  read_crm_export_options(vm, options);
  if (vm.count("shard") != 0) options.shard = sim::ShardSpec::parse(vm["shard"].as<std::string>());
  if (options.resume && options.overwrite) {
    // One would continue the journal, the other discard it: neither may win silently.
    throw UsageError("--resume and --overwrite contradict each other: --resume continues the interrupted run from "
                     "its journal, --overwrite discards the journal and results and starts over; pass only one");
  }
  return execute(options);
}

}  // namespace alignsim::cli
