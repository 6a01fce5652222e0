#include "experiment/sweep_experiment.hpp"

#include <algorithm>

#include "experiment/point_statistics.hpp"
#include "experiment/results_layout.hpp"

namespace alignsim::experiment {
namespace {

// The output metrics to analyse: the sweep's, else the model's key outputs.
std::vector<std::size_t> output_indices(const Experiment& experiment) {
  const auto& names =
      experiment.spec.sweep->outputs.empty() ? experiment.model->key_outputs : experiment.spec.sweep->outputs;
  const auto& summary = experiment.model->outputs().summary;
  std::vector<std::size_t> indices;
  for (const std::string& name : names) {
    const auto found = std::find_if(summary.begin(), summary.end(), [&](const auto& m) { return m.name == name; });
    if (found != summary.end()) indices.push_back(static_cast<std::size_t>(found - summary.begin()));
  }
  return indices;
}

}  // namespace

SweepResults run_sweep(const RunRequest& request) {
  const sim::ScenarioSpec& spec = request.experiment.spec;
  const sim::Design& design = *request.runs.design();
  const auto initial = static_cast<std::size_t>(spec.replicates);
  const std::size_t replicates = request.target ? request.target->max_replicates : initial;
  const sim::ResultsLayout layout = design_layout(request.experiment, design, replicates, request.runs.agent_table_rows());
  sim::ResultsFile results(request.output, layout, provenance_of(spec), request.hooks.replace_output);
  if (request.started) request.started(layout);
  const RoundsPlan plan{design.size(), initial, layout.metrics.summary.size(),
                        layout.metrics.series.size() * layout.periods, request.target, request.hooks.known};
  SweepResults out;
  out.points = design.size();
  out.rounds = run_in_rounds(
      plan, [&](std::size_t point, std::size_t replicate) { return request.runs.run(point, replicate); },
      [&](std::size_t point, std::size_t replicate, sim::RunOutput&& run) {
        if (request.hooks.record) request.hooks.record(point, replicate, run);
        results.write_run(point, replicate, run);
      },
      request.runner);
  results.finish_runs(request.target ? kNotRunError : sim::kUnwrittenRunError);

  const std::vector<std::size_t> outputs = output_indices(request.experiment);
  const auto means = write_point_statistics(results, layout.metrics.summary, design.size(), replicates, outputs);
  std::vector<sim::MetricSpec> output_specs;
  for (std::size_t o : outputs) output_specs.push_back(layout.metrics.summary[o]);
  out.sensitivity = sensitivity_tables(design, output_specs, means, spec.seed);
  write_sensitivity(results, design, out.sensitivity);
  results.commit();
  return out;
}

}  // namespace alignsim::experiment
