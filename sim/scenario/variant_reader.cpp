#include "sim/scenario/variant_reader.hpp"

#include <algorithm>
#include <map>

#include "sim/scenario/settings_reader.hpp"

namespace alignsim::sim::detail {
namespace {

const std::string variant_name_rule = "lower-case letters, digits and _, starting with a letter; not 'base'";


bool is_valid_variant_name(const std::string& name) {
  if (name.empty() || name == kBaseVariantName || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void read_variant_entry(const SettingsWalk& walk, const MapEntry& entry, VariantLayer& variant) {
  if (entry.key == "name") {
    variant.name = read_text(walk.shown("name"), entry, false);
    if (!is_valid_variant_name(variant.name)) {
      throw_scenario_error(entry.value_at, walk.shown("name"),
                           quote_for_message(variant.name) + " is not a valid variant name", variant_name_rule);
    }
    variant.name_at = entry.value_at;
  } else if (entry.key == "description") {
    variant.description = read_text(walk.shown("description"), entry, true);
  } else if (entry.key == "run") {
    throw_scenario_error(entry.key_at, walk.shown("run"), "a variant may not change run settings",
                         "run settings are shared by all variants; set them at the top level");
  } else {
    read_entry(walk, "", entry, variant.overrides);
  }
}

VariantLayer read_variant(const ParameterCatalog& catalog, const std::string& file, std::size_t index,
                          const YAML::Node& item) {
  const SettingsWalk walk{catalog, file, "variants[" + std::to_string(index) + "]"};
  const SourceLocation item_at = detail::location_of(file, item.Mark());
  if (!item.IsMap()) {
    throw_scenario_error(item_at, walk.variant_path, detail::node_kind_name(item) + " where a variant is expected",
                         "a mapping with name: and the settings the variant changes");
  }
  VariantLayer variant;
  for (const MapEntry& entry : detail::mapping_entries(item, file, walk.variant_path)) {
    read_variant_entry(walk, entry, variant);
  }
  if (!variant.name_at) throw_scenario_error(item_at, walk.variant_path, "the variant has no name", variant_name_rule);
  return variant;
}

}  // namespace

std::vector<VariantLayer> read_variants(const ParameterCatalog& catalog, const std::string& file, const MapEntry& entry) {
  if (!entry.value.IsSequence()) {
    const std::string problem = entry.value.IsNull() ? std::string("no value given")
                                                     : detail::node_kind_name(entry.value) + " where a list is expected";
    throw_scenario_error(entry.value_at, "variants", problem,
                         "a list of variants, each a mapping with name: and its settings; [] for none");
  }
  std::vector<VariantLayer> variants;
  std::map<std::string, std::size_t> index_of_name;
  for (const auto& item : entry.value) {
    VariantLayer variant = read_variant(catalog, file, variants.size(), item);
    const auto [first, inserted] = index_of_name.emplace(variant.name, variants.size());
    if (!inserted) {
      throw_scenario_error(*variant.name_at, "variants[" + std::to_string(variants.size()) + "].name",
                           quote_for_message(variant.name) + " is already the name of variants[" +
                               std::to_string(first->second) + "]",
                           "each variant needs its own name");
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

}  // namespace alignsim::sim::detail
