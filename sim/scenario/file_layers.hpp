#pragma once
// What each file of a scenario's extends chain says (its settings, variants, name, model,
// sweep), checked against the parameter catalog, and the chain merged into one
// scenario: children replace what their parents say. Internal to the scenario loader;
// thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "sim/design/sweep.hpp"
#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario_document.hpp"
#include "sim/scenario/variant_reader.hpp"

namespace alignsim::sim::detail {

// What one file says, before inheritance is applied.
struct FileLayer {
  std::string file;
  std::optional<std::string> name;
  std::optional<std::string> description;
  Settings settings;
  std::optional<std::vector<VariantLayer>> variants;  // nullopt: inherit the parent's list
  std::optional<std::string> model;
  std::optional<SweepSpec> sweep;  // nullopt: inherit the parent's sweep
  std::optional<std::vector<LeverSpec>> levers;  // nullopt: inherit the parent's levers
};

struct MergedScenario {
  std::string name;
  std::string description;
  Settings overrides;  // every key some file of the chain sets
  std::vector<VariantLayer> variants;
  std::string model;
  std::optional<SweepSpec> sweep;
  std::vector<LeverSpec> levers;
};

// What the caller knows beyond the catalog (sim/scenario/scenario_loader.hpp).
struct LayerContext {
  const std::vector<std::string>& models;   // known model names; empty: `model:` is not checked
  const std::vector<std::string>& outputs;  // the model's summary metrics, to check sweep.outputs
};

// Every file of the document, checked, merged root first.
[[nodiscard]] MergedScenario merged_layers(const ScenarioDocument& document, const ParameterCatalog& catalog,
                                           const LayerContext& context);

}  // namespace alignsim::sim::detail
