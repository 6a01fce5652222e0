#pragma once
// The shard files of `alignsim run --shard I/N` (one per Slurm array task), checked to
// be one run's: same scenario, options and revision, each complete, none overlapping
// another, together covering every run. Their runs then stream, in run order, through
// exactly the writer and statistics a single run uses (experiment/variant_experiment.hpp,
// sweep_experiment.hpp), so the merged file is byte-identical to a single run's.
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "sim/io/shard_file.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::experiment {

// Not thread-safe: the lookup reads HDF5, so the merge runs on one thread.
class ShardSet {
 public:
  // Opens and checks every file. Throws UsageError naming the file and what is wrong.
  explicit ShardSet(const std::vector<std::string>& paths);
  ShardSet(const ShardSet&) = delete;
  ShardSet& operator=(const ShardSet&) = delete;

  [[nodiscard]] const sim::ShardHeader& header() const noexcept { return shards_.front().header(); }
  [[nodiscard]] std::size_t size() const noexcept { return shards_.size(); }
  // The experiment the shards ran, reloaded from the resolved scenario text they carry;
  // UsageError if it does not reload to the same text and run list in this build.
  [[nodiscard]] Experiment experiment() const;
  // Every run, from the shard that holds it. Valid while this set lives. A read that
  // fails after the check (the file changed since) throws OutputError naming the file.
  [[nodiscard]] sim::RunLookup runs();

 private:
  void check_same_run() const;
  void check_coverage();

  std::vector<sim::ShardReader> shards_;
  std::vector<sim::ShardReader*> by_index_;  // shard i at position i
};

}  // namespace alignsim::experiment
