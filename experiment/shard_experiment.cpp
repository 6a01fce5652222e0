#include "experiment/shard_experiment.hpp"

#include "alignsim/version.hpp"

namespace alignsim::experiment {
namespace {

// Runs of other shards pass through the runner as cheap placeholders (never simulated,
// never written), so the runner's plan and order stay those of the whole list.
constexpr const char* kOtherShard = "in another shard";

sim::ShardHeader shard_header(const ShardExperiment& request) {
  const sim::ScenarioSpec& spec = request.experiment.spec;
  return {request.identity, kVersion, kGitRevision, spec.name, spec.resolved_yaml, request.shard.index,
          request.shard.count, request.runs.entries(), static_cast<std::size_t>(spec.replicates),
          request.runs.summary_size(), request.runs.series_size(), request.runs.agents_size()};
}

}  // namespace

ShardResults run_shard(const ShardExperiment& request) {
  const sim::ShardHeader header = shard_header(request);
  sim::ShardWriter writer(request.output, header, request.hooks.replace_output);
  if (request.started) request.started(header);
  const sim::RunPlan plan{header.entries, header.replicates, header.summary_size, header.series_size, 0};
  ShardResults out{header.rows(), 0};
  sim::run_all(
      plan,
      [&](std::size_t entry, std::size_t replicate) -> std::optional<sim::RunOutput> {
        if (!request.shard.holds(plan.run_index(entry, replicate))) return sim::RunOutput{{}, {}, kOtherShard};
        return request.hooks.known ? request.hooks.known(entry, replicate) : std::nullopt;
      },
      [&](std::size_t entry, std::size_t replicate) { return request.runs.run(entry, replicate); },
      [&](std::size_t entry, std::size_t replicate, sim::RunOutput&& run) {
        const std::size_t index = plan.run_index(entry, replicate);
        if (!request.shard.holds(index)) return;
        if (request.hooks.record) request.hooks.record(entry, replicate, run);
        if (!run.error.empty()) ++out.failed;
        writer.write(index, run);
      },
      request.runner);
  writer.commit();
  return out;
}

}  // namespace alignsim::experiment
