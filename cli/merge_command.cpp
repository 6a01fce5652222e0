// `alignsim merge SHARDS... -o FILE`: combines the shard files of `alignsim run --shard
// I/N` (one per Slurm array task) into the results file a single `alignsim run` writes.
// It checks that the shards are one run's (same scenario, options and revision), that
// each is complete, that none overlaps another and that together they cover every run;
// then it streams the runs, in run order, through exactly the writer and statistics a
// single run uses, so the file is byte-identical to it.
#include <boost/program_options.hpp>
#include <cstdio>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/run_report.hpp"
#include "experiment/durable_output.hpp"
#include "experiment/run_table.hpp"
#include "experiment/shard_merge.hpp"
#include "sim/errors.hpp"
#include "sim/run/interruption.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

struct MergeOptions {
  std::vector<std::string> shards;
  std::string output;
  bool overwrite = false;
  bool quiet = false;
};

// Merges into the output; an interruption (Ctrl-C, kill) leaves no output and no temporary.
int merge_into_output(const MergeOptions& options, experiment::ShardSet& shards) {
  const experiment::Experiment loaded = shards.experiment();
  const experiment::RunTable runs(loaded);
  std::vector<std::filesystem::path> inputs(options.shards.begin(), options.shards.end());
  inputs.insert(inputs.end(), loaded.spec.files.begin(), loaded.spec.files.end());  // files the scenario extends
  experiment::DurableOutput durable(options.output, "merge",
                                    {options.overwrite, false, false, experiment::kJournalSyncInterval, inputs});
  experiment::RunHooks hooks;
  hooks.replace_output = options.overwrite;
  hooks.known = shards.runs();
  if (!options.quiet) {
    std::fprintf(stderr, "alignsim merge: %zu shards of scenario '%s', %zu runs\n", shards.size(),
                 shards.header().scenario_name.c_str(), shards.header().total_runs());
  }
  // Every run comes from its shard; HDF5 is single-threaded, hence one thread.
  const sim::RunnerOptions runner{1, false, nullptr};
  const std::filesystem::path output = options.output;
  const bool banner = !options.quiet;
  int code = kExitOk;
  if (loaded.spec.sweep) {
    const auto results = experiment::run_sweep({loaded, runs, output, std::nullopt, runner, hooks, [&](const auto& layout) {
                                                  if (banner) print_sweep_banner(loaded, layout);
                                                }});
    code = report_sweep(runs, results, output, false);
  } else {
    const auto results = experiment::run_variants({loaded, runs, output, std::nullopt, runner, hooks, [&](const auto& layout) {
                                                     if (banner) print_variants_banner(loaded, layout, runner.threads);
                                                   }});
    code = report_variants(loaded, results, output, false, false);
  }
  durable.finish();
  return code;
}

int merge(const MergeOptions& options) {
  if (options.shards.empty()) throw UsageError("no shard files given (alignsim merge SHARD... -o FILE)");
  if (options.output.empty()) throw UsageError("no output file given (-o FILE)");
  experiment::ShardSet shards(options.shards);
  const sim::InterruptionHandlers interruptible;
  try {
    return merge_into_output(options, shards);
  } catch (const Interrupted& e) {
    throw Interrupted(e.signal(), std::string(e.what()) + "; " + options.output + " was not written: run the merge again");
  }
}

}  // namespace

int merge_command(const Arguments& args) {
  MergeOptions options;
  po::options_description description("Usage: alignsim merge SHARD.h5... -o FILE [options]\n\n"
                                      "Combines the shard files of 'alignsim run --shard I/N' into one results file,\n"
                                      "byte-identical to what a single 'alignsim run' writes.\n\nOptions");
  description.add_options()("help,h", "show this help")
      ("output,o", po::value(&options.output), "results file to write")
      ("overwrite", po::bool_switch(&options.overwrite), "replace an existing results file")
      ("quiet,q", po::bool_switch(&options.quiet), "no banner on stderr");
  if (!parse_command_line(args, description, "shards", po::value(&options.shards)->composing(), -1)) return kExitOk;
  return merge(options);
}

}  // namespace alignsim::cli
