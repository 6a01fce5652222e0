// `alignsim merge SHARDS... -o FILE`: combines the shard files of `alignsim run --shard
// I/N` (one per Slurm array task) into the results file a single `alignsim run` writes.
// It checks that the shards are one run's (same scenario, options and revision), that
// each is complete, that none overlaps another and that together they cover every run;
// then it streams the runs, in run order, through exactly the writer and statistics a
// single run uses, so the file is byte-identical to it.
#include <sys/mman.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <map>

#include "alignsim/version.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/durable_output.hpp"
#include "cli/run_identity.hpp"
#include "cli/scenario_runs.hpp"
#include "cli/sweep_run.hpp"
#include "cli/variant_run.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/io/shard_file.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

struct MergeOptions {
  std::vector<std::string> shards;
  std::string output;
  bool overwrite = false;
  bool quiet = false;
};

std::string name_of(const sim::ShardReader& shard) {
  return sim::quoted(shard.path()) + " (shard " + std::to_string(shard.header().index) + "/" +
         std::to_string(shard.header().count) + ")";
}

std::vector<sim::ShardReader> open_shards(const std::vector<std::string>& paths) {
  std::vector<sim::ShardReader> shards;
  for (const std::string& path : paths) {
    try {
      shards.emplace_back(path);
    } catch (const OutputError& e) {
      throw UsageError(e.what());  // a wrong input file is bad input, not an output failure
    }
  }
  return shards;
}

// Same run, made by this very build: otherwise the merged file could not equal a single run's.
void check_same_run(const std::vector<sim::ShardReader>& shards) {
  const sim::ShardReader& first = shards.front();
  for (const sim::ShardReader& shard : shards) {
    const sim::ShardHeader& h = shard.header();
    if (h.version != kVersion || h.git_revision != kGitRevision) {
      throw UsageError("shard file " + name_of(shard) + " was written by alignsim " + h.version + " (git " +
                       h.git_revision + "), but this is alignsim " + kVersion + " (git " + kGitRevision +
                       "); merge with the build that ran the shards");
    }
    if (identity_without_shard(h.identity) != identity_without_shard(first.header().identity)) {
      throw UsageError("shard file " + name_of(shard) + " belongs to another scenario or option set than " +
                       name_of(first));
    }
    if (h.count != first.header().count) {
      throw UsageError("shard file " + name_of(shard) + " is one of " + std::to_string(h.count) +
                       " shards, but " + name_of(first) + " is one of " + std::to_string(first.header().count));
    }
  }
}

// Each shard once, all present, each complete.
void check_coverage(std::vector<sim::ShardReader>& shards) {
  const std::size_t count = shards.front().header().count;
  std::map<std::size_t, const sim::ShardReader*> by_index;
  for (sim::ShardReader& shard : shards) {
    const auto [seen, inserted] = by_index.emplace(shard.header().index, &shard);
    if (!inserted) {
      throw UsageError("shard files " + sim::quoted(seen->second->path()) + " and " + sim::quoted(shard.path()) +
                       " overlap: both are shard " + std::to_string(shard.header().index) + "/" + std::to_string(count));
    }
    if (!shard.holds_exactly_its_runs()) {
      throw UsageError("shard file " + name_of(shard) + " is incomplete: it holds " +
                       std::to_string(shard.stored_rows()) + " runs, expected " +
                       std::to_string(shard.header().rows()));
    }
  }
  std::string missing;
  for (std::size_t i = 0; i < count; ++i) {
    if (by_index.count(i) == 0) missing += (missing.empty() ? "" : ", ") + std::to_string(i) + "/" + std::to_string(count);
  }
  if (!missing.empty()) throw UsageError("shards missing, so some runs are not covered: " + missing);
}

// The scenario, reloaded from the resolved text the shards carry. The loader reads files,
// so the text goes into an anonymous in-memory file: nothing is written to disk.
LoadedScenario load_from_shard(const sim::ShardReader& shard) {
  const std::string& text = shard.header().scenario_yaml;
  const int fd = ::memfd_create("alignsim-merge-scenario", MFD_CLOEXEC);
  if (fd < 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    if (fd >= 0) ::close(fd);
    throw OutputError("cannot hold the shards' scenario in memory: " + sim::errno_text(errno));
  }
  ScenarioOptions options;
  options.file = "/proc/self/fd/" + std::to_string(fd);
  LoadedScenario loaded = [&] {
    try {
      return load_experiment(options, {});
    } catch (...) {
      ::close(fd);
      throw;
    }
  }();
  ::close(fd);
  if (loaded.spec.resolved_yaml != text) {
    throw UsageError("shard file " + name_of(shard) + ": its scenario does not load back to the same text in this build");
  }
  return loaded;
}

int merge(const MergeOptions& options) {
  if (options.shards.empty()) throw UsageError("no shard files given (alignsim merge SHARD... -o FILE)");
  if (options.output.empty()) throw UsageError("no output file given (-o FILE)");
  std::vector<sim::ShardReader> shards = open_shards(options.shards);
  check_same_run(shards);
  check_coverage(shards);
  const LoadedScenario loaded = load_from_shard(shards.front());
  const ScenarioRuns runs(loaded);
  const sim::ShardHeader& header = shards.front().header();
  if (runs.entries() != header.entries || static_cast<std::size_t>(loaded.spec.replicates) != header.replicates) {
    throw UsageError("shard file " + name_of(shards.front()) + ": its run list does not match its scenario");
  }
  DurableOutput durable(options.output, "merge", {options.overwrite, false, false, kJournalSyncInterval});
  RunHooks hooks;
  hooks.replace_output = options.overwrite;
  // Every run comes from its shard; HDF5 is single-threaded, hence one thread below.
  std::vector<sim::ShardReader*> by_index(header.count, nullptr);
  for (sim::ShardReader& shard : shards) by_index[shard.header().index] = &shard;
  hooks.known = [&](std::size_t entry, std::size_t replicate) -> std::optional<sim::RunOutput> {
    const std::size_t run = replicate * header.entries + entry;
    return by_index[run % header.count]->read(run);
  };
  if (!options.quiet) {
    std::fprintf(stderr, "alignsim merge: %zu shards of scenario '%s', %zu runs\n", shards.size(),
                 header.scenario_name.c_str(), header.total_runs());
  }
  const sim::RunnerOptions runner{1, false, nullptr};
  const int code = loaded.spec.sweep
                       ? run_sweep({loaded, runs, options.output, std::nullopt, runner, options.quiet, hooks})
                       : run_variants({loaded, runs, options.output, std::nullopt, runner, options.quiet, hooks});
  durable.finish();
  return code;
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
