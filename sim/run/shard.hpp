#pragma once
// A deterministic slice of a run list, for Slurm job arrays: shard I of N holds the runs
// k with k mod N == I, where k is the run's place in run order (RunPlan::run_index in
// sim/run/runner.hpp: replicate-major). So every shard gets every variant in turn and about the same
// number of runs, and a shard's runs, in order, are every N-th run of the whole list.
#include <cstddef>
#include <string>

namespace alignsim::sim {

struct ShardSpec {
  std::size_t index = 0;  // I, 0-based
  std::size_t count = 1;  // N

  // "I/N"; throws UsageError unless 0 <= I < N.
  [[nodiscard]] static ShardSpec parse(const std::string& text);
  [[nodiscard]] std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
  [[nodiscard]] bool holds(std::size_t run) const noexcept { return run % count == index; }
  // Runs of a list of `total` runs that this shard holds.
  [[nodiscard]] std::size_t runs_of(std::size_t total) const noexcept {
    return total > index ? (total - index + count - 1) / count : 0;
  }
};

}  // namespace alignsim::sim
