#include "cli/shard_run.hpp"

#include <cstdio>
#include <limits>

#include "alignsim/version.hpp"
#include "cli/commands.hpp"
#include "sim/io/shard_file.hpp"

namespace alignsim::cli {
namespace {

// Runs of other shards pass through the runner as cheap placeholders (never simulated,
// never written), so the runner's plan and order stay those of the whole list.
constexpr const char* kOtherShard = "in another shard";

sim::ShardHeader shard_header(const ShardRun& request) {
  const sim::ScenarioSpec& spec = request.scenario.spec;
  return {request.identity, kVersion, kGitRevision, spec.name, spec.resolved_yaml, request.shard.index,
          request.shard.count, request.runs.entries(), static_cast<std::size_t>(spec.replicates),
          request.runs.summary_size(), request.runs.series_size()};
}

}  // namespace

int run_shard(const ShardRun& request) {
  const sim::ShardHeader header = shard_header(request);
  sim::ShardWriter writer(request.output, header, request.hooks.replace_output);
  const std::size_t entries = header.entries;
  if (!request.quiet) {
    std::fprintf(stderr, "alignsim %s: scenario '%s', shard %s: %zu of %zu runs, %zu threads\n", kVersion,
                 header.scenario_name.c_str(), request.shard.text().c_str(), header.rows(), header.total_runs(),
                 request.runner.threads);
  }
  const sim::RunPlan plan{entries, header.replicates, header.summary_size, header.series_size, 0};
  std::size_t failed = 0;
  sim::run_all(
      plan,
      [&](std::size_t entry, std::size_t replicate) -> std::optional<sim::RunOutput> {
        if (!request.shard.holds(replicate * entries + entry)) return sim::RunOutput{{}, {}, kOtherShard};
        return request.hooks.known ? request.hooks.known(entry, replicate) : std::nullopt;
      },
      [&](std::size_t entry, std::size_t replicate) { return request.runs.run(entry, replicate); },
      [&](std::size_t entry, std::size_t replicate, sim::RunOutput&& run) {
        const std::size_t index = replicate * entries + entry;
        if (!request.shard.holds(index)) return;
        if (request.hooks.record) request.hooks.record(entry, replicate, run);
        if (!run.error.empty()) ++failed;
        writer.write(index, run);
      },
      request.runner);
  writer.commit();
  std::printf("Shard %s: %zu runs, %zu failed\nResults: %s (combine all shards with 'alignsim merge')\n",
              request.shard.text().c_str(), header.rows(), failed, request.output.string().c_str());
  if (failed > 0) {
    std::fprintf(stderr, "alignsim: %zu of %zu runs of shard %s failed; their errors are in its /error\n", failed,
                 header.rows(), request.shard.text().c_str());
    return kExitRunsFailed;
  }
  return kExitOk;
}

}  // namespace alignsim::cli
