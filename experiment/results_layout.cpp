#include "experiment/results_layout.hpp"

#include "alignsim/version.hpp"
#include "sim/design/sweep.hpp"

namespace alignsim::experiment {
namespace {

std::string overrides_yaml(const sim::VariantSpec& variant) {
  if (variant.overrides.empty()) return "{}";
  std::string text;
  for (const auto& [key, setting] : variant.overrides) text += key + ": " + sim::value_to_text(setting.value) + "\n";
  return text;
}

sim::ResultsLayout common_layout(const Experiment& experiment, std::size_t replicates,
                                 const std::vector<std::size_t>& agent_table_rows) {
  const sim::ScenarioSpec& spec = experiment.spec;
  sim::ResultsLayout layout;
  layout.replicates = replicates;
  layout.periods = sim::reporting_periods(spec.horizon_days, spec.period_days);
  layout.period_days = spec.period_days;
  layout.metrics = experiment.model->outputs();
  layout.agent_table_rows = agent_table_rows;
  return layout;
}

}  // namespace

sim::ResultsLayout variants_layout(const Experiment& experiment, std::size_t replicates,
                                   const std::vector<std::size_t>& agent_table_rows) {
  sim::ResultsLayout layout = common_layout(experiment, replicates, agent_table_rows);
  for (const auto& v : experiment.spec.variants) {
    layout.variant_names.push_back(v.name);
    layout.variant_descriptions.push_back(v.description);
    layout.variant_overrides_yaml.push_back(overrides_yaml(v));
  }
  return layout;
}

sim::ResultsLayout design_layout(const Experiment& experiment, const sim::Design& design, std::size_t replicates,
                                 const std::vector<std::size_t>& agent_table_rows) {
  sim::ResultsLayout layout = common_layout(experiment, replicates, agent_table_rows);
  layout.points = design.size();
  layout.design_kind = sim::design_kind_name(design.spec().kind);
  for (const sim::Factor& f : design.spec().factors) {
    const sim::ParameterSpec* parameter = experiment.model->catalog().find(f.key);
    layout.factors.push_back({f.key, parameter->unit, parameter->meaning + " (" + sim::distribution_name(f.distribution) + ")",
                              f.distribution == sim::Distribution::categorical ? f.choices : std::vector<std::string>{}});
  }
  layout.design_point = [&design](std::size_t point) { return design.point(point); };
  return layout;
}

sim::Provenance provenance_of(const sim::ScenarioSpec& spec) {
  return {kVersion, kGitRevision, spec.name, spec.resolved_yaml, spec.seed, spec.horizon_days, spec.warmup_days};
}

}  // namespace alignsim::experiment
