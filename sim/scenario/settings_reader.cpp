#include "sim/scenario/settings_reader.hpp"

#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"

namespace alignsim::sim::detail {

std::string SettingsWalk::shown(const std::string& key) const { return join_key(variant_path, key); }

namespace {


std::string allowed_keys_text(const SettingsWalk& walk, const std::string& section) {
  if (!section.empty()) return "keys in " + section + ": " + list_names(child_names(walk.catalog, section));
  std::vector<std::string> names = walk.reserved_keys();
  for (std::string& name : child_names(walk.catalog, "")) {
    if (!(walk.in_variant() && name == "run")) names.push_back(std::move(name));
  }
  return (walk.in_variant() ? "keys in a variant: " : "top-level keys: ") + list_names(names);
}

[[noreturn]] void throw_unknown_key(const SettingsWalk& walk, const std::string& path, const MapEntry& entry) {
  std::vector<std::string> candidates = walk.reserved_keys();
  for (std::string& key : walk.experiment_keys()) candidates.push_back(std::move(key));
  for (std::string& key : keys_and_sections(walk.catalog)) candidates.push_back(std::move(key));
  std::string problem = "unknown key";
  if (const auto suggestion = detail::suggest_key(path, candidates)) problem += "; did you mean '" + *suggestion + "'?";
  throw_scenario_error(entry.key_at, walk.shown(path), problem, allowed_keys_text(walk, parent_key(path)));
}

// "demand.rate" -> "demand: {rate: ...}": the nested form a dotted key should take.
std::string nested_form(const std::string& dotted) {
  const std::vector<std::string> parts = split_key(dotted);
  std::string text = parts.back() + ": ...";
  for (auto part = parts.rbegin() + 1; part != parts.rend(); ++part) text = *part + ": {" + text + "}";
  return text;
}

// Files nest sections; accepting "demand.rate:" too would give one key two spellings and
// let a file set it twice without a duplicate-key error.
[[noreturn]] void throw_dotted_key(const SettingsWalk& walk, const std::string& path, const MapEntry& entry) {
  throw_scenario_error(entry.key_at, walk.shown(path), "a dotted key is not read in scenario files",
                       "nest it: '" + nested_form(entry.key) + "'");
}

SettingValue read_setting(const SettingsWalk& walk, const ParameterSpec& spec, const MapEntry& entry) {
  if (const std::string problem = single_value_problem(entry.value); !problem.empty()) {
    throw_scenario_error(entry.value_at, walk.shown(spec.key), problem, allowed_description(spec));
  }
  ValueOrProblem parsed = parse_setting(spec, scalar_text(entry.value));
  if (!parsed.value) throw_scenario_error(entry.value_at, walk.shown(spec.key), parsed.problem, allowed_description(spec));
  return SettingValue{std::move(*parsed.value), entry.value_at};
}

void read_section(const SettingsWalk& walk, const std::string& section, const MapEntry& entry, Settings& out) {
  if (!entry.value.IsMap()) {
    const std::string problem = entry.value.IsNull() ? std::string("no value given")
                                                     : detail::node_kind_name(entry.value) + " where a section is expected";
    throw_scenario_error(entry.value_at, walk.shown(section), problem,
                         "a mapping of " + allowed_keys_text(walk, section));
  }
  for (const MapEntry& child : detail::mapping_entries(entry.value, walk.file, walk.shown(section))) {
    read_entry(walk, section, child, out);
  }
}

}  // namespace

// One key of a mapping at `section`: a parameter, a deeper section, or a mistake. The
// recursion follows catalog sections only, so its depth is bounded by the catalog even
// for cyclic YAML aliases.
void read_entry(const SettingsWalk& walk, const std::string& section, const MapEntry& entry, Settings& out) {
  const std::string path = join_key(section, entry.key);
  if (entry.key.find('.') != std::string::npos) throw_dotted_key(walk, path, entry);
  if (const ParameterSpec* spec = walk.catalog.find(path)) {
    out.insert_or_assign(path, read_setting(walk, *spec, entry));
  } else if (walk.catalog.is_section(path)) {
    read_section(walk, path, entry, out);
  } else {
    throw_unknown_key(walk, path, entry);
  }
}

// name, description, extends: free text, but one scalar.
std::string read_text(const std::string& shown_key, const MapEntry& entry, bool may_be_empty) {
  std::string problem = single_value_problem(entry.value);
  if (problem.empty() && !may_be_empty && entry.value.Scalar().empty()) problem = "the text is empty";
  if (!problem.empty()) throw_scenario_error(entry.value_at, shown_key, problem, may_be_empty ? "text" : "non-empty text");
  return entry.value.Scalar();
}

}  // namespace alignsim::sim::detail
