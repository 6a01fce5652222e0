#include "experiment/experiment.hpp"

#include "models/registered_models.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::experiment {

Experiment load_experiment(const ScenarioRequest& scenario, const sim::SweepOptions& sweep) {
  sim::ScenarioSource source;
  source.file = scenario.file;
  source.text = scenario.text;
  source.text_name = scenario.text_name;
  std::vector<std::string> overrides = scenario.sets;
  if (scenario.replicates) overrides.push_back("run.replicates=" + std::to_string(*scenario.replicates));
  if (scenario.seed) overrides.push_back("run.seed=" + std::to_string(*scenario.seed));
  // Parsed once: the document names the model, whose catalog then checks it.
  const sim::ScenarioDocument document(source);
  const sim::ModelRegistry& registry = model::registered_models();
  const std::optional<std::string> named = document.model();
  // An unknown name falls back to the default catalog; load_scenario then reports it.
  const sim::ModelDefinition* model = named ? registry.find(*named) : nullptr;
  if (model == nullptr) model = &registry.default_model();
  sim::LoadContext context{registry.names(), {}, sweep};
  for (const sim::MetricSpec& metric : model->outputs().summary) context.outputs.push_back(metric.name);
  return {sim::load_scenario(document, overrides, model->catalog(), context), model};
}

}  // namespace alignsim::experiment
