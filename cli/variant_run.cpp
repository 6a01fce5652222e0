// `alignsim run` for variants: stream every run to the HDF5 results file and print key
// outcomes with honest uncertainty.
#include "cli/variant_run.hpp"

#include <cstdio>

#include "alignsim/version.hpp"
#include "cli/commands.hpp"
#include "cli/key_outcomes.hpp"
#include "cli/outcome_table.hpp"
#include "cli/replication_rounds.hpp"
#include "cli/variant_statistics.hpp"
#include "sim/run/model_registry.hpp"
#include "sim/io/results_file.hpp"

namespace alignsim::cli {
namespace {

std::string overrides_yaml(const sim::VariantSpec& variant) {
  if (variant.overrides.empty()) return "{}";
  std::string text;
  for (const auto& [key, setting] : variant.overrides) text += key + ": " + sim::value_to_text(setting.value) + "\n";
  return text;
}

sim::ResultsLayout results_layout(const LoadedScenario& loaded, std::size_t replicates) {
  const sim::ScenarioSpec& scenario = loaded.spec;
  sim::ResultsLayout layout;
  for (const auto& v : scenario.variants) {
    layout.variant_names.push_back(v.name);
    layout.variant_descriptions.push_back(v.description);
    layout.variant_overrides_yaml.push_back(overrides_yaml(v));
  }
  layout.replicates = replicates;
  layout.periods = sim::reporting_periods(scenario.horizon_days, scenario.period_days);
  layout.period_days = scenario.period_days;
  layout.metrics = loaded.model->outputs();
  return layout;
}

sim::Provenance provenance(const sim::ScenarioSpec& scenario) {
  return {kVersion, kGitRevision, scenario.name, scenario.resolved_yaml, scenario.seed, scenario.horizon_days};
}

}  // namespace

int run_variants(const VariantRun& request) {
  const LoadedScenario& loaded = request.scenario;
  const sim::ScenarioSpec& scenario = loaded.spec;
  const auto initial = static_cast<std::size_t>(scenario.replicates);
  const std::optional<TargetCi>& target = request.target;
  const auto& path = request.output;
  const sim::ResultsLayout layout = results_layout(loaded, target ? target->max_replicates : initial);
  sim::ResultsFile results(path, layout, provenance(scenario), request.hooks.replace_output);

  if (!request.quiet) {
    std::fprintf(stderr, "alignsim %s: scenario '%s', %zu variants x %lld replicates, %lld business days, seed %llu, %zu threads\n",
                 kVersion, scenario.name.c_str(), layout.variant_names.size(),
                 static_cast<long long>(scenario.replicates), static_cast<long long>(scenario.horizon_days),
                 static_cast<unsigned long long>(scenario.seed), request.runner.threads);
  }
  VariantStatistics statistics(layout.variant_names.size(), layout.metrics.summary);
  const RoundsPlan plan{layout.variant_names.size(), initial, layout.metrics.summary.size(),
                        layout.metrics.series.size() * layout.periods, target, request.hooks.known};
  const RoundsResult rounds = run_in_rounds(
      plan, [&](std::size_t variant, std::size_t replicate) { return request.runs.run(variant, replicate); },
      [&](std::size_t variant, std::size_t replicate, sim::RunOutput&& run) {
        if (request.hooks.record) request.hooks.record(variant, replicate, run);
        results.write_run(variant, replicate, run);
        statistics.add(variant, replicate, run);
      },
      request.runner);
  const std::size_t failed = rounds.failed;
  if (target) results.finish_runs(kNotRunError);

  results.write_table("statistics", VariantStatistics::statistics_columns(), "statistic", layout.metrics.summary,
                      statistics.statistics_table());
  results.write_table("paired_differences", VariantStatistics::paired_columns(), "statistic",
                      layout.metrics.summary, statistics.paired_table());
  results.commit();

  print_outcome_table(stdout, layout.variant_names, layout.metrics.summary, key_outcomes(loaded), statistics,
                      request.brief);
  if (target) {
    std::printf("Adaptive replication: %zu rounds, %zu replicates; target %s\n", rounds.rounds, rounds.replicates,
                rounds.target_met ? "met by every variant" : "NOT met by every variant (maximum reached)");
  }
  std::printf("Results: %s\n", path.string().c_str());
  const std::size_t total = layout.variant_names.size() * rounds.replicates;
  if (failed > 0) {
    std::fprintf(stderr, "alignsim: %zu of %zu runs failed; their errors are in /runs/error of %s\n", failed, total,
                 path.string().c_str());
    return kExitRunsFailed;
  }
  return kExitOk;
}

}  // namespace alignsim::cli
