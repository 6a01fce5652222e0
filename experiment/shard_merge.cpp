#include "experiment/shard_merge.hpp"

#include <map>

#include "alignsim/version.hpp"
#include "experiment/run_identity.hpp"
#include "experiment/run_table.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {
namespace {

std::string name_of(const sim::ShardReader& shard) {
  return sim::quoted(shard.path()) + " (shard " + std::to_string(shard.header().index) + "/" +
         std::to_string(shard.header().count) + ")";
}

std::vector<sim::ShardReader> open_shards(const std::vector<std::string>& paths) {
  if (paths.empty()) throw UsageError("no shard files given (alignsim merge SHARD... -o FILE)");
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

}  // namespace

ShardSet::ShardSet(const std::vector<std::string>& paths) : shards_(open_shards(paths)) {
  check_same_run();
  check_coverage();
  by_index_.assign(header().count, nullptr);
  for (sim::ShardReader& shard : shards_) by_index_[shard.header().index] = &shard;
}

// Same run, made by this very build: otherwise the merged file could not equal a single run's.
void ShardSet::check_same_run() const {
  const sim::ShardReader& first = shards_.front();
  const RunIdentity first_run = RunIdentity::parse(first.header().identity).without_shard();
  for (const sim::ShardReader& shard : shards_) {
    const sim::ShardHeader& h = shard.header();
    if (h.version != kVersion || h.git_revision != kGitRevision) {
      throw UsageError("shard file " + name_of(shard) + " was written by alignsim " + h.version + " (git " +
                       h.git_revision + "), but this is alignsim " + kVersion + " (git " + kGitRevision +
                       "); merge with the build that ran the shards");
    }
    if (RunIdentity::parse(h.identity).without_shard() != first_run) {
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
void ShardSet::check_coverage() {
  const std::size_t count = header().count;
  std::map<std::size_t, const sim::ShardReader*> by_index;
  for (sim::ShardReader& shard : shards_) {
    const auto [seen, inserted] = by_index.emplace(shard.header().index, &shard);
    if (!inserted) {
      throw UsageError("shard files " + sim::quoted(seen->second->path()) + " and " + sim::quoted(shard.path()) +
                       " overlap: both are shard " + std::to_string(shard.header().index) + "/" + std::to_string(count));
    }
    try {
      const std::string problem = shard.run_table_problem();
      if (!problem.empty()) throw UsageError("shard file " + name_of(shard) + " " + problem);
      shard.verify();  // before any output exists: a damaged shard must not half-merge
    } catch (const OutputError& e) {
      throw UsageError(e.what());  // a damaged input file is bad input
    }
  }
  std::string missing;
  for (std::size_t i = 0; i < count; ++i) {
    if (by_index.count(i) == 0) missing += (missing.empty() ? "" : ", ") + std::to_string(i) + "/" + std::to_string(count);
  }
  if (!missing.empty()) throw UsageError("shards missing, so some runs are not covered: " + missing);
}

Experiment ShardSet::experiment() const {
  const sim::ShardReader& shard = shards_.front();
  const std::string& text = shard.header().scenario_yaml;
  ScenarioRequest request;
  request.text = text;
  request.text_name = "the scenario of " + sim::quoted(shard.path());
  const Experiment loaded = load_experiment(request);
  if (loaded.spec.resolved_yaml != text) {
    throw UsageError("shard file " + name_of(shard) + ": its scenario does not load back to the same text in this build");
  }
  const RunTable runs(loaded);
  if (runs.entries() != header().entries || static_cast<std::size_t>(loaded.spec.replicates) != header().replicates) {
    throw UsageError("shard file " + name_of(shard) + ": its run list does not match its scenario");
  }
  return loaded;
}

sim::RunLookup ShardSet::runs() {
  const sim::RunPlan plan{header().entries, header().replicates, header().summary_size, header().series_size, 0};
  // A read failing here (the file changed on disk since the check, an I/O error) is
  // thrown on, never a failed run: the runner stops and the merge publishes nothing.
  return [this, plan](std::size_t entry, std::size_t replicate) -> std::optional<sim::RunOutput> {
    const std::size_t run = plan.run_index(entry, replicate);
    try {
      return by_index_[run % header().count]->read(run);
    } catch (const OutputError& e) {
      throw OutputError(std::string(e.what()) + "; nothing was merged: restore or rerun this shard and merge again");
    }
  };
}

}  // namespace alignsim::experiment
