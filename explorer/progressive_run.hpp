#pragma once
// Progressive paired answers: the base and each what-if run replicate by replicate with
// common random numbers (replicate r of every variant uses the same streams) on all
// threads, and the statistics are published after 8, 16, 32, ... paired replicates up
// to the maximum, or until every what-if's paired 95% CI half-width of the target metric
// is below the target. Runs reach the statistics in run order, so the answer after N
// replicates is exactly what `alignsim run --replicates N` prints for the same file.
//
// A stale change is abandoned: `stale()` (a generation check) is asked before every run
// and every delivered result, so at most the runs already in flight are computed after
// a newer change arrives. Not thread-safe: one progressive run per call, on the caller's
// thread (the runner uses its workers).
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "experiment/run_table.hpp"
#include "experiment/target_ci.hpp"
#include "experiment/variant_statistics.hpp"
#include "explorer/fan_bands.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::explorer {

struct ProgressPlan {
  std::size_t first_replicates = 8;
  std::size_t max_replicates = 200;
  std::optional<experiment::TargetCi> target;  // on the paired difference of each what-if
};

// The replicate counts after which statistics are published: first, doubling, the maximum last.
[[nodiscard]] std::vector<std::size_t> milestones(const ProgressPlan& plan);

struct Progress {
  std::size_t replicates = 0;  // paired replicates so far
  bool final = false;          // the last update of this change: the maximum or the target reached
  bool target_met = false;
  const experiment::VariantStatistics& statistics;
  const FanBands* fan = nullptr;  // null when the model has no series to fan
};

struct ProgressOutcome {
  bool completed = false;       // false: abandoned for a newer change
  std::size_t replicates = 0;   // paired replicates in the last published update
  std::size_t computed_runs = 0;  // simulations actually run (stale ones skipped)
};

using PublishProgress = std::function<void(const Progress&)>;
using IsStale = std::function<bool()>;  // thread-safe: called from the runner's workers

[[nodiscard]] ProgressOutcome run_progressively(const experiment::RunTable& runs, const sim::OutputLayout& outputs,
                                                const ProgressPlan& plan,
                                                const IsStale& stale, const PublishProgress& publish,
                                                const sim::RunnerOptions& runner);

}  // namespace alignsim::explorer
