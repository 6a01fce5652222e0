#include "sim/scenario/resolved_yaml.hpp"

#include <algorithm>
#include <vector>

#include "sim/design/design.hpp"
#include "sim/design/factor_transform.hpp"
#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/sweep_reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {
namespace {

std::string yaml_value_text(const ParameterValue& value) {
  if (const auto* word = std::get_if<std::string>(&value)) return detail::to_yaml_scalar(*word);
  return value_to_text(value);
}

// Writes settings as nested mappings. Settings are sorted by key, so every section's keys
// are contiguous and each section opens once.
void write_settings(std::string& out, const Settings& settings, std::size_t indent) {
  std::vector<std::string> open_sections;
  for (const auto& [key, setting] : settings) {
    const std::vector<std::string> parts = split_key(key);
    std::size_t shared = 0;
    while (shared < open_sections.size() && shared + 1 < parts.size() && open_sections[shared] == parts[shared]) ++shared;
    open_sections.resize(shared);
    while (open_sections.size() + 1 < parts.size()) {
      const std::string& section = parts[open_sections.size()];
      out += std::string(indent + 2 * open_sections.size(), ' ') + detail::to_yaml_scalar(section) + ":\n";
      open_sections.push_back(section);
    }
    out += std::string(indent + 2 * open_sections.size(), ' ') + detail::to_yaml_scalar(parts.back()) + ": " +
           yaml_value_text(setting.value) + "\n";
  }
}

// A sweep's first points as comments: the design itself is regenerated from the section
// (and run.seed), so the comments are for readers, capped so a huge design stays small.
std::string design_point_comments(const ScenarioSpec& spec) {
  constexpr std::size_t shown = 1000;
  const Design design(*spec.sweep, spec.variants.front().resolved, spec.seed);
  std::string out = "# design points (" + std::to_string(design.size()) + "; factor order as above):\n";
  for (std::size_t p = 0; p < std::min(shown, design.size()); ++p) {
    const std::vector<double> values = design.point(p);
    std::string row;
    for (std::size_t f = 0; f < values.size(); ++f) {
      row += (f == 0 ? "" : ", ") + value_to_text(parameter_value_of(spec.sweep->factors[f], values[f]));
    }
    out += "#   " + std::to_string(p) + ": [" + row + "]\n";
  }
  if (design.size() > shown) out += "#   ... the rest are in /design of the results file\n";
  return out;
}

}  // namespace

std::string write_resolved_yaml(const ScenarioSpec& spec) {
  std::string out = "name: " + detail::to_yaml_scalar(spec.name) + "\n";
  out += "description: " + detail::to_yaml_scalar(spec.description) + "\n";
  if (!spec.model.empty()) out += "model: " + detail::to_yaml_scalar(spec.model) + "\n";
  write_settings(out, spec.variants.front().resolved, 0);
  if (spec.sweep) return out + "variants: []\n" + detail::sweep_yaml(*spec.sweep) + design_point_comments(spec);
  if (spec.variants.size() == 1) return out + "variants: []\n";
  out += "variants:\n";
  for (auto variant = spec.variants.begin() + 1; variant != spec.variants.end(); ++variant) {
    out += "  - name: " + detail::to_yaml_scalar(variant->name) + "\n";
    out += "    description: " + detail::to_yaml_scalar(variant->description) + "\n";
    write_settings(out, variant->overrides, 4);
  }
  return out;
}


}  // namespace alignsim::sim::detail
