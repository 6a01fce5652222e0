#include "explorer/progressive_run.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

namespace alignsim::explorer {
namespace {

bool paired_target_met(const experiment::VariantStatistics& statistics, std::size_t entries,
                       const experiment::TargetCi& target) {
  for (std::size_t v = 1; v < entries; ++v) {
    const double half_width = statistics.paired(v, target.metric).difference_interval().half_width;
    if (!(std::isfinite(half_width) && half_width < target.half_width)) return false;
  }
  return true;
}

}  // namespace

std::vector<std::size_t> milestones(const ProgressPlan& plan) {
  std::vector<std::size_t> counts;
  const std::size_t last = std::max<std::size_t>(plan.max_replicates, 1);
  for (std::size_t n = std::max<std::size_t>(plan.first_replicates, 1); n < last; n *= 2) counts.push_back(n);
  counts.push_back(last);
  return counts;
}

ProgressOutcome run_progressively(const experiment::RunTable& runs, const sim::OutputLayout& outputs,
                                  const ProgressPlan& plan, const IsStale& stale, const PublishProgress& publish,
                                  const sim::RunnerOptions& runner) {
  const std::vector<std::size_t> counts = milestones(plan);
  const std::size_t entries = runs.entries();
  experiment::VariantStatistics statistics(entries, outputs.summary);
  const std::optional<std::size_t> fanned = fan_metric(outputs);
  std::optional<FanBands> fan;
  if (fanned) fan.emplace(entries, *fanned, runs.series_size() / outputs.series.size());
  std::atomic<bool> done{false};
  std::atomic<std::size_t> computed{0};
  ProgressOutcome outcome;
  std::size_t next = 0;  // index into counts

  const sim::RunFunction run = [&](std::size_t entry, std::size_t replicate) {
    // Skipped runs become failed records, which the sink below never reads.
    if (done.load(std::memory_order_relaxed) || stale()) throw std::runtime_error("abandoned");
    computed.fetch_add(1, std::memory_order_relaxed);
    return runs.run(entry, replicate);
  };
  const sim::RunSink sink = [&](std::size_t entry, std::size_t replicate, sim::RunOutput&& output) {
    if (done.load(std::memory_order_relaxed)) return;
    if (stale()) {
      done = true;
      return;
    }
    statistics.add(entry, replicate, output);
    if (fan) fan->add(entry, output);
    if (entry + 1 != entries || replicate + 1 != counts[next]) return;
    const bool target_met = plan.target && paired_target_met(statistics, entries, *plan.target);
    const bool final = target_met || next + 1 == counts.size();
    outcome.replicates = replicate + 1;
    outcome.completed = final;
    publish(Progress{replicate + 1, final, target_met, statistics, fan ? &*fan : nullptr});
    ++next;
    if (final) done = true;
  };
  const sim::RunPlan all{entries, counts.back(), runs.summary_size(), runs.series_size(), 0};
  (void)sim::run_all(all, run, sink, runner);
  outcome.computed_runs = computed.load();
  return outcome;
}

}  // namespace alignsim::explorer
