#include "cli/sweep_run.hpp"

#include <algorithm>

#include "alignsim/version.hpp"
#include "cli/commands.hpp"
#include "cli/point_statistics.hpp"
#include "cli/replication_rounds.hpp"
#include "cli/sensitivity_report.hpp"
#include "sim/design/design.hpp"
#include "sim/design/factor_transform.hpp"
#include "sim/io/results_file.hpp"
#include "sim/design/sweep.hpp"

namespace alignsim::cli {
namespace {

sim::ResultsLayout design_layout(const LoadedScenario& loaded, const sim::Design& design, std::size_t replicates) {
  const sim::ScenarioSpec& spec = loaded.spec;
  sim::ResultsLayout layout;
  layout.replicates = replicates;
  layout.periods = sim::reporting_periods(spec.horizon_days, spec.period_days);
  layout.period_days = spec.period_days;
  layout.metrics = loaded.model->outputs();
  layout.points = design.size();
  layout.design_kind = sim::design_kind_name(design.spec().kind);
  for (const sim::Factor& f : design.spec().factors) {
    const sim::ParameterSpec* parameter = loaded.model->catalog().find(f.key);
    layout.factors.push_back({f.key, parameter->unit, parameter->meaning + " (" + sim::distribution_name(f.distribution) + ")",
                              f.distribution == sim::Distribution::categorical ? f.choices : std::vector<std::string>{}});
  }
  layout.design_point = [&design](std::size_t point) { return design.point(point); };
  return layout;
}

// The output metrics to analyse: the sweep's, else the model's key outputs.
std::vector<std::size_t> output_indices(const LoadedScenario& loaded) {
  const auto& names = loaded.spec.sweep->outputs.empty() ? loaded.model->key_outputs : loaded.spec.sweep->outputs;
  const auto& summary = loaded.model->outputs().summary;
  std::vector<std::size_t> indices;
  for (const std::string& name : names) {
    const auto found = std::find_if(summary.begin(), summary.end(), [&](const auto& m) { return m.name == name; });
    if (found != summary.end()) indices.push_back(static_cast<std::size_t>(found - summary.begin()));
  }
  return indices;
}

}  // namespace

int run_sweep(const SweepRun& request) {
  const LoadedScenario& loaded = request.scenario;
  const sim::ScenarioSpec& spec = loaded.spec;
  const sim::Design& design = *request.runs.design();
  const auto initial = static_cast<std::size_t>(spec.replicates);
  const std::size_t replicates = request.target ? request.target->max_replicates : initial;
  const sim::ResultsLayout layout = design_layout(loaded, design, replicates);
  sim::ResultsFile results(request.output, layout,
                           {kVersion, kGitRevision, spec.name, spec.resolved_yaml, spec.seed, spec.horizon_days},
                           request.hooks.replace_output);
  if (!request.quiet) {
    std::fprintf(stderr, "alignsim %s: scenario '%s', model %s, %s design: %zu points x %zu replicates, seed %llu\n",
                 kVersion, spec.name.c_str(), loaded.model->name.c_str(), layout.design_kind.c_str(), design.size(),
                 initial, static_cast<unsigned long long>(spec.seed));
  }
  const RoundsPlan plan{design.size(), initial, layout.metrics.summary.size(),
                        layout.metrics.series.size() * layout.periods, request.target, request.hooks.known};
  const RoundsResult rounds = run_in_rounds(
      plan, [&](std::size_t point, std::size_t replicate) { return request.runs.run(point, replicate); },
      [&](std::size_t point, std::size_t replicate, sim::RunOutput&& run) {
        if (request.hooks.record) request.hooks.record(point, replicate, run);
        results.write_run(point, replicate, run);
      },
      request.runner);
  results.finish_runs(request.target ? kNotRunError : sim::kUnwrittenRunError);

  const std::vector<std::size_t> outputs = output_indices(loaded);
  const auto means = write_point_statistics(results, layout.metrics.summary, design.size(), replicates, outputs);
  std::vector<sim::MetricSpec> output_specs;
  for (std::size_t o : outputs) output_specs.push_back(layout.metrics.summary[o]);
  report_sensitivity(stdout, results, design, output_specs, means, spec.seed);
  results.commit();

  if (request.target) {
    std::printf("\nAdaptive replication: %zu rounds, %zu replicates; target %s\n", rounds.rounds, rounds.replicates,
                rounds.target_met ? "met at every point" : "NOT met at every point (maximum reached)");
  }
  std::printf("Results: %s\n", request.output.string().c_str());
  if (rounds.failed > 0) {
    std::fprintf(stderr, "alignsim: %zu of %zu runs failed; their errors are in /runs/error of %s\n", rounds.failed,
                 design.size() * rounds.replicates, request.output.string().c_str());
    return kExitRunsFailed;
  }
  return kExitOk;
}

}  // namespace alignsim::cli
