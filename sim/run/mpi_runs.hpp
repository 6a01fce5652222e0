#pragma once
// Runs spread over MPI ranks (`mpirun -n K alignsim run ...`), rank 0 gathering.
//
// Rank 0 is a pure coordinator: it hands out runs on request and writes. Each worker
// rank asks for a batch of runs (as many as it has threads), computes the batch on its
// oneTBB threads, and sends the results back with its next request, so a rank that got
// slow runs simply asks less often and no rank waits for another. Rank 0 puts results
// back in run order (a reorder window bounds how far ahead of the oldest unfinished run
// it hands out work, so memory does not grow with the number of runs) and feeds them to
// the same sink as a single-process run: the same writer calls in the same order, hence
// a bitwise-identical file. docs/cluster.md ("MPI") explains the choice.
//
// Runs already known on rank 0 (journal replay, adaptive-replication placeholders) are
// never sent to a worker.
//
// Thread safety: MPI is initialised MPI_THREAD_FUNNELED; every function here must be
// called from the thread that created the MpiWorld. Worker ranks' oneTBB threads only
// compute, never call MPI.
#include <cstddef>
#include <vector>

#include "sim/run/runner.hpp"

namespace alignsim::sim {

// Whether this process was started by mpirun/srun with more than one rank in mind
// (OpenMPI's or PMIx's environment variables are set). Without it alignsim never
// initialises MPI, so plain runs pay nothing for an MPI-enabled build.
[[nodiscard]] bool launched_by_mpi() noexcept;

// MPI_Init_thread on construction, MPI_Finalize on destruction.
class MpiWorld {
 public:
  MpiWorld();
  ~MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;

  [[nodiscard]] int rank() const noexcept { return rank_; }
  [[nodiscard]] int size() const noexcept { return size_; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

// Rank 0's side. Its destructor tells every worker to stop (also when rank 0 fails
// early, e.g. on a refused output file), so no worker is left waiting.
class MpiCoordinator final : public RunDistributor {
 public:
  explicit MpiCoordinator(const MpiWorld& world);
  ~MpiCoordinator() override;
  MpiCoordinator(const MpiCoordinator&) = delete;
  MpiCoordinator& operator=(const MpiCoordinator&) = delete;

  std::size_t run_all(const RunPlan& plan, const RunLookup& known, const RunFunction& run, const RunSink& sink,
                      const RunnerOptions& options) override;

 private:
  struct Worker {
    bool idle = false;       // waiting for work (its request arrived, nothing sent yet)
    std::size_t wanted = 1;  // runs it asks for at a time
  };
  std::vector<Worker> workers_;  // index = rank - 1
};

// A worker rank's side: asks rank 0 for runs until told to stop. Each run goes through
// run_isolated, so a throwing run is reported as a failed run, like everywhere else.
void serve_runs(const RunFunction& run, std::size_t summary_size, std::size_t series_size, std::size_t threads);

// Rank 0's `values` replace every other rank's (collective: all ranks call it, in the
// same order). How `alignsim calibrate` tells the workers each wave's points.
void broadcast_from_coordinator(std::vector<double>& values);

}  // namespace alignsim::sim
