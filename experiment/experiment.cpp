#include "experiment/experiment.hpp"

#include "models/registered_models.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::experiment {

Experiment load_experiment(const ScenarioRequest& scenario, const sim::SweepOptions& sweep) {
  sim::LoadRequest request;
  if (scenario.file) request.file = *scenario.file;
  request.set_overrides = scenario.sets;
  if (scenario.replicates) request.set_overrides.push_back("run.replicates=" + std::to_string(*scenario.replicates));
  if (scenario.seed) request.set_overrides.push_back("run.seed=" + std::to_string(*scenario.seed));
  const sim::ModelRegistry& registry = model::registered_models();
  const std::optional<std::string> named = sim::requested_model(request);
  // An unknown name falls back to the default catalog; load_scenario then reports it.
  const sim::ModelDefinition* model = named ? registry.find(*named) : nullptr;
  if (model == nullptr) model = &registry.default_model();
  sim::LoadContext context{registry.names(), {}, sweep};
  for (const sim::MetricSpec& metric : model->outputs().summary) context.outputs.push_back(metric.name);
  return {sim::load_scenario(request, model->catalog(), context), model};
}

}  // namespace alignsim::experiment
