#include "cli/run_report.hpp"

#include <cstdio>
#include <string>

#include "alignsim/version.hpp"
#include "cli/commands.hpp"
#include "cli/ensemble_table.hpp"
#include "cli/outcome_table.hpp"
#include "cli/sensitivity_report.hpp"

namespace alignsim::cli {
namespace {

// The first error (in run order) is printed, so a user sees the cause without opening
// the file; every run's error is in the file.
int failed_runs_code(const experiment::RoundsResult& rounds, std::size_t total, const std::filesystem::path& output) {
  if (rounds.failed == 0) return kExitOk;
  std::fprintf(stderr, "alignsim: %zu of %zu runs failed; their errors are in /runs/error of %s\n", rounds.failed, total,
               output.string().c_str());
  if (!rounds.first_error.empty()) std::fprintf(stderr, "alignsim: first failed run: %s\n", rounds.first_error.c_str());
  return kExitRunsFailed;
}

}  // namespace

void print_variants_banner(const experiment::Experiment& experiment, const sim::ResultsLayout& layout,
                           std::size_t threads) {
  const sim::ScenarioSpec& scenario = experiment.spec;
  const std::string warmup = scenario.warmup_days > 0
                                 ? " (after a " + std::to_string(scenario.warmup_days) + "-day warm-up, not reported)"
                                 : "";
  std::fprintf(stderr,
               "alignsim %s: scenario '%s', %zu variants x %lld replicates, %lld business days%s, seed %llu, %zu threads\n",
               kVersion, scenario.name.c_str(), layout.variant_names.size(), static_cast<long long>(scenario.replicates),
               static_cast<long long>(scenario.horizon_days), warmup.c_str(),
               static_cast<unsigned long long>(scenario.seed), threads);
}

void print_sweep_banner(const experiment::Experiment& experiment, const sim::ResultsLayout& layout) {
  const sim::ScenarioSpec& spec = experiment.spec;
  std::fprintf(stderr, "alignsim %s: scenario '%s', model %s, %s design: %zu points x %lld replicates, seed %llu\n",
               kVersion, spec.name.c_str(), experiment.model->name.c_str(), layout.design_kind.c_str(), layout.points,
               static_cast<long long>(spec.replicates), static_cast<unsigned long long>(spec.seed));
}

void print_shard_banner(const sim::ShardHeader& header, const sim::ShardSpec& shard, std::size_t threads) {
  std::fprintf(stderr, "alignsim %s: scenario '%s', shard %s: %zu of %zu runs, %zu threads\n", kVersion,
               header.scenario_name.c_str(), shard.text().c_str(), header.rows(), header.total_runs(), threads);
}

int report_variants(const experiment::Experiment& experiment, const experiment::VariantResults& results,
                    const std::filesystem::path& output, bool adaptive, bool brief) {
  print_outcome_table(stdout, results.variant_names, experiment.model->outputs().summary, results.statistics, brief);
  if (results.ensemble_effects) {
    print_ensemble_table(stdout, results.variant_names, experiment.model->outputs().summary, results.statistics,
                         *results.ensemble_effects, *experiment.ensemble);
  }
  if (adaptive) {
    std::printf("Adaptive replication: %zu rounds, %zu replicates; target %s\n", results.rounds.rounds,
                results.rounds.replicates,
                results.rounds.target_met ? "met by every variant" : "NOT met by every variant (maximum reached)");
  }
  std::printf("Results: %s\n", output.string().c_str());
  return failed_runs_code(results.rounds, results.total_runs(), output);
}

int report_sweep(const experiment::RunTable& runs, const experiment::SweepResults& results,
                 const std::filesystem::path& output, bool adaptive) {
  print_sensitivity(stdout, *runs.design(), results.sensitivity);
  if (adaptive) {
    std::printf("\nAdaptive replication: %zu rounds, %zu replicates; target %s\n", results.rounds.rounds,
                results.rounds.replicates,
                results.rounds.target_met ? "met at every point" : "NOT met at every point (maximum reached)");
  }
  std::printf("Results: %s\n", output.string().c_str());
  return failed_runs_code(results.rounds, results.total_runs(), output);
}

int report_shard(const sim::ShardSpec& shard, const experiment::ShardResults& results,
                 const std::filesystem::path& output) {
  std::printf("Shard %s: %zu runs, %zu failed\nResults: %s (combine all shards with 'alignsim merge')\n",
              shard.text().c_str(), results.runs, results.failed, output.string().c_str());
  if (results.failed == 0) return kExitOk;
  std::fprintf(stderr, "alignsim: %zu of %zu runs of shard %s failed; their errors are in its /error\n", results.failed,
               results.runs, shard.text().c_str());
  return kExitRunsFailed;
}

}  // namespace alignsim::cli
