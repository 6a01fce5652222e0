#include "experiment/experiment.hpp"

#include "models/registered_models.hpp"
#include "sim/errors.hpp"
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

void attach_ensemble(Experiment& experiment, const std::string& path) {
  if (experiment.spec.sweep) {
    throw UsageError("--ensemble runs the scenario's variants over plausible parameters; it cannot be combined with a sweep");
  }
  auto ensemble = std::make_shared<const Ensemble>(read_ensemble_file(path, experiment.model->catalog()));
  experiment.spec.resolved_yaml += "# run over the ensemble " + path + " (fnv1a64 " + ensemble->text_fnv1a64 + ", " +
                                   std::to_string(ensemble->size()) + " members of " +
                                   std::to_string(ensemble->keys.size()) +
                                   " parameters): replicate r of every variant takes member r mod " +
                                   std::to_string(ensemble->size()) + "\n";
  experiment.ensemble = std::move(ensemble);
}

}  // namespace alignsim::experiment
