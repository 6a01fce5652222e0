#include "sim/scenario/scenario_loader.hpp"

#include <stdexcept>
#include <utility>

#include "sim/errors.hpp"
#include "sim/scenario/file_layers.hpp"
#include "sim/scenario/resolved_yaml.hpp"
#include "sim/scenario/set_overrides.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim {
namespace {

using detail::throw_scenario_error;

const std::string defaults_file = "<defaults>";

Settings catalog_defaults(const ParameterCatalog& catalog) {
  Settings defaults;
  for (const ParameterSpec& spec : catalog.all()) {
    defaults.emplace(spec.key, SettingValue{spec.default_value, SourceLocation{defaults_file, 0, 0}});
  }
  return defaults;
}

Settings with_overrides(Settings settings, const Settings& overrides) {
  for (const auto& [key, setting] : overrides) settings.insert_or_assign(key, setting);
  return settings;
}

std::vector<VariantSpec> build_variants(const detail::MergedScenario& merged, const Settings& command_line,
                                        const ParameterCatalog& catalog) {
  VariantSpec base{detail::kBaseVariantName, merged.description, {},
                   with_overrides(with_overrides(catalog_defaults(catalog), merged.overrides), command_line)};
  std::vector<VariantSpec> variants{base};
  for (const detail::VariantLayer& layer : merged.variants) {
    variants.push_back(VariantSpec{layer.name, layer.description, layer.overrides,
                                   with_overrides(base.resolved, layer.overrides)});
  }
  return variants;
}

const std::vector<std::string>& run_keys() {
  static const std::vector<std::string> keys{"run.horizon_days", "run.period_days", "run.seed", "run.replicates"};
  return keys;
}

void require_run_parameters(const ParameterCatalog& catalog) {
  for (const std::string& key : run_keys()) {
    const ParameterSpec* spec = catalog.find(key);
    if (spec == nullptr || spec->kind != ValueKind::integer) {
      throw std::logic_error("the parameter catalog needs an integer parameter " + key);
    }
  }
}

void fill_run_fields(ScenarioSpec& spec) {
  const Settings& base = spec.variants.front().resolved;
  spec.horizon_days = get_integer(base, "run.horizon_days");
  // Optional: a model without a warm-up reports from its first simulated day.
  if (base.contains("run.warmup_days")) spec.warmup_days = get_integer(base, "run.warmup_days");
  spec.period_days = get_integer(base, "run.period_days");
  spec.replicates = get_integer(base, "run.replicates");
  const std::int64_t seed = get_integer(base, "run.seed");
  if (seed < 0) {
    // Only reachable with a catalog whose run.seed range allows negative values.
    throw_scenario_error(base.at("run.seed").where, "run.seed", "a negative seed", "an integer of 0 or more");
  }
  spec.seed = static_cast<std::uint64_t>(seed);
}

}  // namespace

ScenarioSource source_of(const LoadRequest& request) { return {request.file, request.text, request.text_name}; }

ScenarioSpec load_scenario(const LoadRequest& request, const ParameterCatalog& catalog, const LoadContext& context) {
  return load_scenario(ScenarioDocument(source_of(request)), request.set_overrides, catalog, context);
}

ScenarioSpec load_scenario(const ScenarioDocument& document, const std::vector<std::string>& set_overrides,
                           const ParameterCatalog& catalog, const LoadContext& context) {
  require_run_parameters(catalog);
  detail::MergedScenario merged{"default", "", {}, {}, "", std::nullopt, {}};
  if (!document.chain().empty()) merged = detail::merged_layers(document, catalog, {context.models, context.outputs});
  const Settings command_line = detail::read_command_line(set_overrides, catalog);

  ScenarioSpec spec;
  spec.name = merged.name;
  spec.description = merged.description;
  spec.source_file = document.source_name();
  spec.files = document.files();
  spec.variants = build_variants(merged, command_line, catalog);
  spec.model = merged.model;
  spec.levers = merged.levers;
  fill_run_fields(spec);
  if (auto sweep = detail::apply_sweep_options(merged.sweep, context.sweep, catalog)) {
    detail::check_sweep(*sweep);
    if (spec.variants.size() > 1) {
      throw_scenario_error(sweep->where, "sweep", "a sweep varies the base scenario, but this scenario has variants",
                           "remove the variants (variants: []) or the sweep");
    }
    spec.sweep = std::make_shared<const SweepSpec>(std::move(*sweep));
  }
  spec.resolved_yaml = detail::write_resolved_yaml(spec);
  return spec;
}

}  // namespace alignsim::sim
