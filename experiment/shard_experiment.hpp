#pragma once
// `alignsim run --shard I/N`: computes the runs of one slice of the run list
// (sim/run/shard.hpp) and writes them to a shard file; a merge (experiment/shard_merge.hpp)
// turns all N shard files into the results file a single run would have written. Works
// for variants and sweeps alike (a shard is a list of (entry, replicate) runs); not with
// --target-ci, whose rounds need every run of the previous round.
#include <filesystem>
#include <functional>
#include <string>

#include "experiment/run_hooks.hpp"
#include "experiment/run_table.hpp"
#include "sim/io/shard_file.hpp"
#include "sim/run/runner.hpp"
#include "sim/run/shard.hpp"

namespace alignsim::experiment {

struct ShardExperiment {
  const Experiment& experiment;
  const RunTable& runs;
  sim::ShardSpec shard;
  std::filesystem::path output;
  sim::RunnerOptions runner;
  RunHooks hooks;
  std::string identity;  // experiment/run_identity.hpp, stored in the shard file
  // Called once the shard file exists, before the first run (e.g. to print a banner).
  std::function<void(const sim::ShardHeader&)> started;
};

struct ShardResults {
  std::size_t runs = 0;    // runs of this shard
  std::size_t failed = 0;  // of them, failed
};

// Throws OutputError if the shard file cannot be written.
[[nodiscard]] ShardResults run_shard(const ShardExperiment& request);

}  // namespace alignsim::experiment
