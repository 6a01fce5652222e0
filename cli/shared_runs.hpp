#pragma once
// The runs of one experiment shared between the ranks of `mpirun -n K` (docs/cluster.md),
// one home for what `alignsim run` and `alignsim validate` do alike: with more than one
// rank, the workers serve the RunTable's runs and then stop, and rank 0 hands the runner a
// distributor; without MPI (or with one rank) nothing changes.
#include <memory>

#include "experiment/run_table.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {

// Not thread-safe; one per command, alive until the runs are done (it stops the workers).
class SharedRuns {
 public:
  SharedRuns();
  ~SharedRuns();
  SharedRuns(const SharedRuns&) = delete;
  SharedRuns& operator=(const SharedRuns&) = delete;

  // On a worker rank: serves `runs` until rank 0 is done and returns true (the command
  // then returns without output). On rank 0 of several: sets `runner.distributor`.
  [[nodiscard]] bool serve_if_worker(const experiment::RunTable& runs, sim::RunnerOptions& runner);

 private:
  struct Ranks;  // the MPI world and coordinator, in shared_runs.cpp (absent without MPI)
  std::unique_ptr<Ranks> ranks_;
};

}  // namespace alignsim::cli
