#include "experiment/run_table.hpp"

#include "sim/design/factor_transform.hpp"
#include "sim/design/sweep.hpp"
#include "sim/run/model_registry.hpp"

namespace alignsim::experiment {

RunTable::RunTable(const Experiment& experiment) : experiment_(experiment) {
  const sim::ScenarioSpec& spec = experiment.spec;
  for (const sim::VariantSpec& v : spec.variants) variants_.push_back(experiment.model->prepare(v.resolved));
  if (spec.sweep) design_ = std::make_unique<const sim::Design>(*spec.sweep, spec.variants.front().resolved, spec.seed);
  entries_ = design_ ? design_->size() : variants_.size();
  const sim::OutputLayout& outputs = experiment.model->outputs();
  summary_size_ = outputs.summary.size();
  series_size_ = outputs.series.size() * sim::reporting_periods(spec.horizon_days, spec.period_days);
}

sim::RunOutput RunTable::run(std::size_t entry, std::size_t replicate) const {
  const auto rep = static_cast<std::uint32_t>(replicate);
  if (!design_) return variants_[entry]->run(rep);
  return prepared(entry)->run(rep);
}

std::shared_ptr<const sim::PreparedRun> RunTable::prepared(std::size_t entry) const {
  if (!design_) return variants_.at(entry);
  const sim::Settings settings =
      sim::settings_at(experiment_.spec.variants.front().resolved, design_->spec().factors, design_->point(entry));
  return experiment_.model->prepare(settings);
}

}  // namespace alignsim::experiment
