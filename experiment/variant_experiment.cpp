#include "experiment/variant_experiment.hpp"

#include <chrono>

#include "experiment/results_layout.hpp"

namespace alignsim::experiment {
namespace {

// Adds the wall time of `work` to `seconds`.
template <typename Work>
void timed(double& seconds, Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The ensemble's keys, one per line: what the driver columns of /ensemble_ranges index.
std::string joined_keys(const Ensemble& ensemble) {
  std::string text;
  for (const std::string& key : ensemble.keys) text += (text.empty() ? "" : "\n") + key;
  return text;
}

}  // namespace

VariantResults run_variants(const RunRequest& request) {
  const sim::ScenarioSpec& scenario = request.experiment.spec;
  const auto initial = static_cast<std::size_t>(scenario.replicates);
  const std::optional<TargetCi>& target = request.target;
  const sim::ResultsLayout layout = variants_layout(request.experiment, target ? target->max_replicates : initial,
                                                    request.runs.agent_table_rows());
  sim::ResultsFile results(request.output, layout, provenance_of(scenario), request.hooks.replace_output);
  if (request.started) request.started(layout);

  VariantResults out{layout.variant_names, VariantStatistics(layout.variant_names.size(), layout.metrics.summary),
                     std::nullopt, {}};
  if (request.experiment.ensemble) {
    out.ensemble_effects.emplace(layout.variant_names.size(), layout.metrics.summary.size(), *request.experiment.ensemble);
  }
  const RoundsPlan plan{layout.variant_names.size(), initial, layout.metrics.summary.size(),
                        layout.metrics.series.size() * layout.periods, target, request.hooks.known};
  out.rounds = run_in_rounds(
      plan, [&](std::size_t variant, std::size_t replicate) { return request.runs.run(variant, replicate); },
      [&](std::size_t variant, std::size_t replicate, sim::RunOutput&& run) {
        if (request.hooks.record) request.hooks.record(variant, replicate, run);
        timed(out.writer_seconds, [&] { results.write_run(variant, replicate, run); });
        out.statistics.add(variant, replicate, run);
        if (out.ensemble_effects) out.ensemble_effects->add(variant, replicate, run);
      },
      request.runner);
  timed(out.writer_seconds, [&] {
    if (target) results.finish_runs(kNotRunError);
    results.write_table("statistics", VariantStatistics::statistics_columns(), "statistic", layout.metrics.summary,
                        out.statistics.statistics_table());
    results.write_table("paired_differences", VariantStatistics::paired_columns(), "statistic",
                        layout.metrics.summary, out.statistics.paired_table());
    if (out.ensemble_effects) {
      results.write_table("ensemble_ranges", EnsembleEffects::table_columns(), "statistic", layout.metrics.summary,
                          out.ensemble_effects->table(layout.metrics.summary));
      results.write_text_attribute("ensemble_ranges", "ensemble_keys", joined_keys(*request.experiment.ensemble));
      results.write_text_attribute("ensemble_ranges", "replicates_per_member",
                                   std::to_string(out.ensemble_effects->replicates_per_member()));
    }
    results.commit();
  });
  out.compression_seconds = results.background_compression_seconds();
  return out;
}

}  // namespace alignsim::experiment
