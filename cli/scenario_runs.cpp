#include "cli/scenario_runs.hpp"

#include "sim/design/factor_transform.hpp"
#include "sim/run/model_registry.hpp"
#include "sim/design/sweep.hpp"

namespace alignsim::cli {

ScenarioRuns::ScenarioRuns(const LoadedScenario& loaded) : loaded_(loaded) {
  const sim::ScenarioSpec& spec = loaded.spec;
  if (spec.sweep) design_ = std::make_unique<const sim::Design>(*spec.sweep, spec.variants.front().resolved, spec.seed);
  entries_ = design_ ? design_->size() : spec.variants.size();
  const sim::OutputLayout& outputs = loaded.model->outputs();
  summary_size_ = outputs.summary.size();
  series_size_ = outputs.series.size() * sim::reporting_periods(spec.horizon_days, spec.period_days);
}

sim::RunOutput ScenarioRuns::run(std::size_t entry, std::size_t replicate) const {
  const auto rep = static_cast<std::uint32_t>(replicate);
  if (!design_) return loaded_.model->run(loaded_.spec.variants[entry].resolved, rep);
  // Built per run, not stored per point: memory must not grow with the design.
  const sim::Settings settings =
      sim::settings_at(loaded_.spec.variants.front().resolved, design_->spec().factors, design_->point(entry));
  return loaded_.model->run(settings, rep);
}

}  // namespace alignsim::cli
