#include "experiment/replication_rounds.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "sim/stats/statistics.hpp"

namespace alignsim::experiment {
namespace {

sim::RunOutput skipped_run(const RoundsPlan& plan) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return {std::vector<double>(plan.summary_size, nan), std::vector<double>(plan.series_size, nan), kSkippedRunError};
}

// An entry stays active while its interval is wider than the target (or undefined).
bool needs_more(const sim::RunningMoments& moments, double target) {
  if (moments.count() < 2) return true;
  return !(sim::mean_confidence_interval(moments).half_width < target);
}

}  // namespace

RoundsResult run_in_rounds(const RoundsPlan& plan, const sim::RunFunction& run, const sim::RunSink& sink,
                           const sim::RunnerOptions& options) {
  RoundsResult result;
  // Read by worker threads during a round, written only between rounds.
  std::vector<char> active(plan.entries, 1);
  std::vector<sim::RunningMoments> moments(plan.target ? plan.entries : 0);
  std::size_t count = plan.initial_replicates, failed_records = 0;
  while (true) {
    const sim::RunPlan round{plan.entries, count, plan.summary_size, plan.series_size, result.replicates};
    failed_records += sim::run_all(
        round,
        [&](std::size_t entry, std::size_t replicate) -> std::optional<sim::RunOutput> {
          if (active[entry] == 0) return skipped_run(plan);
          return plan.known ? plan.known(entry, replicate) : std::nullopt;
        },
        run,
        [&](std::size_t entry, std::size_t replicate, sim::RunOutput&& output) {
          if (output.error == kSkippedRunError) {
            ++result.skipped;
          } else {
            if (!output.error.empty() && result.first_error.empty()) result.first_error = output.error;
            if (plan.target) moments[entry].add(output.summary.at(plan.target->metric));
          }
          sink(entry, replicate, std::move(output));
        },
        options);
    result.replicates += count;
    ++result.rounds;
    if (!plan.target) break;
    bool any = false;
    for (std::size_t e = 0; e < plan.entries; ++e) {
      active[e] = active[e] != 0 && needs_more(moments[e], plan.target->half_width) ? 1 : 0;
      any = any || active[e] != 0;
    }
    if (!any) break;
    if (result.replicates >= plan.target->max_replicates) {
      result.target_met = false;
      break;
    }
    count = std::min(result.replicates, plan.target->max_replicates - result.replicates);
  }
  result.failed = failed_records - result.skipped;
  return result;
}

}  // namespace alignsim::experiment
