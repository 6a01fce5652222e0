#include "cli/shared_runs.hpp"

#include <optional>

#ifdef ALIGNSIM_WITH_MPI
#include "sim/run/mpi_runs.hpp"
#endif

namespace alignsim::cli {

struct SharedRuns::Ranks {
#ifdef ALIGNSIM_WITH_MPI
  // Declared in this order so the coordinator stops the workers before MPI finalises.
  std::optional<sim::MpiWorld> world;
  std::optional<sim::MpiCoordinator> coordinator;
#endif
};

SharedRuns::SharedRuns() : ranks_(std::make_unique<Ranks>()) {}
SharedRuns::~SharedRuns() = default;

bool SharedRuns::serve_if_worker(const experiment::RunTable& runs, sim::RunnerOptions& runner) {
#ifdef ALIGNSIM_WITH_MPI
  if (sim::launched_by_mpi()) ranks_->world.emplace();
  if (!ranks_->world || ranks_->world->size() < 2) return false;
  if (ranks_->world->rank() != 0) {
    sim::serve_runs([&](std::size_t e, std::size_t r) { return runs.run(e, r); }, runs.summary_size(),
                    runs.series_size(), runner.threads);
    return true;
  }
  ranks_->coordinator.emplace(*ranks_->world);
  runner.distributor = &*ranks_->coordinator;
#else
  static_cast<void>(runs);
  static_cast<void>(runner);
#endif
  return false;
}

}  // namespace alignsim::cli
