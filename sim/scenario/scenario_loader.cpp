#include "sim/scenario/scenario_loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "sim/design/design.hpp"
#include "sim/errors.hpp"
#include "sim/design/factor_transform.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim {
namespace {

using detail::MapEntry;
using detail::parse_setting;
using detail::scalar_text;
using detail::single_value_problem;
using detail::ValueOrProblem;
using detail::quote_for_message;
using detail::throw_scenario_error;

const std::string defaults_file = "<defaults>";
const std::string command_line_file = "<command line>";
const std::string variant_name_rule = "lower-case letters, digits and _, starting with a letter; not 'base'";
const std::string base_variant_name = "base";

std::string join_key(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::string parent_key(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? std::string() : key.substr(0, dot);
}

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', start)) {
    parts.push_back(key.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(key.substr(start));
  return parts;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// ---- the catalog as a tree of sections, for messages and suggestions ----------------

// Names directly inside `section` ("" for the top level), in catalog order, each once.
std::vector<std::string> child_names(const ParameterCatalog& catalog, const std::string& section) {
  std::vector<std::string> names;
  const std::string prefix = section.empty() ? "" : section + ".";
  for (const ParameterSpec& spec : catalog.all()) {
    if (spec.key.rfind(prefix, 0) != 0) continue;
    const std::string rest = spec.key.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('.'));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

// Every catalog key and every section name: what a misspelt key is compared against.
std::vector<std::string> keys_and_sections(const ParameterCatalog& catalog) {
  std::vector<std::string> all;
  for (const ParameterSpec& spec : catalog.all()) {
    for (std::string section = parent_key(spec.key); !section.empty(); section = parent_key(section)) {
      if (std::find(all.begin(), all.end(), section) == all.end()) all.push_back(section);
    }
    all.push_back(spec.key);
  }
  return all;
}

// "a, b, c" with a cap, so a section with many keys still gives a one-line message.
std::string list_names(const std::vector<std::string>& names) {
  constexpr std::size_t shown = 12;
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) text += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > shown) text += " and " + std::to_string(names.size() - shown) + " more; `alignsim params` lists all";
  return text;
}

// ---- settings inside a mapping (the base of a file, or one variant) ----------------

struct SettingsWalk {
  const ParameterCatalog& catalog;
  const std::string& file;
  std::string variant_path;  // "" in the base of a file, "variants[2]" inside a variant

  [[nodiscard]] bool in_variant() const { return !variant_path.empty(); }
  // What a message calls `key`: the variant's entries are prefixed with its path.
  [[nodiscard]] std::string shown(const std::string& key) const { return join_key(variant_path, key); }
  // Keys allowed at the top of this mapping that are not settings.
  [[nodiscard]] std::vector<std::string> reserved_keys() const {
    if (in_variant()) return {"name", "description"};
    return {"name", "description", "extends", "variants"};
  }
  // Accepted at the top of a file besides reserved_keys(); described in
  // docs/experiments.md rather than listed in every unknown-key message.
  [[nodiscard]] std::vector<std::string> experiment_keys() const {
    if (in_variant()) return {};
    return {"model", "sweep"};
  }
};

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

void read_entry(const SettingsWalk& walk, const std::string& section, const MapEntry& entry, Settings& out);

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

// ---- variants -----------------------------------------------------------------------

struct VariantLayer {
  std::string name;
  std::string description;
  Settings overrides;
  std::optional<SourceLocation> name_at;  // set once `name:` has been read
};

bool is_valid_variant_name(const std::string& name) {
  if (name.empty() || name == base_variant_name || name[0] < 'a' || name[0] > 'z') return false;
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

// ---- one file and the extends chain ---------------------------------------------------

struct ExtendsLink {
  std::string target;  // as written in the file
  SourceLocation key_at;
};

// What one file says, before inheritance is applied.
struct FileLayer {
  std::string file;
  std::optional<std::string> name;
  std::optional<std::string> description;
  Settings settings;
  std::optional<std::vector<VariantLayer>> variants;  // nullopt: inherit the parent's list
  std::optional<ExtendsLink> extends;
  std::optional<std::string> model;
  std::optional<SweepSpec> sweep;  // nullopt: inherit the parent's sweep
};

// `model:`: one of the caller's known models, when it names them.
std::string read_model(const LoadContext& request, const MapEntry& entry) {
  const std::string name = read_text("model", entry, false);
  const auto& known = request.models;
  if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
    std::string names;
    for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
    throw_scenario_error(entry.value_at, "model", quote_for_message(name) + " is not a known model", "one of: " + names);
  }
  return name;
}

void read_top_level_entry(const SettingsWalk& walk, const LoadContext& request, const MapEntry& entry,
                          FileLayer& layer) {
  if (entry.key == "model") {
    layer.model = read_model(request, entry);
  } else if (entry.key == "sweep") {
    layer.sweep = detail::read_sweep(detail::SweepContext{walk.catalog, walk.file, request.outputs}, entry);
  } else if (entry.key == "name") {
    layer.name = read_text("name", entry, false);
  } else if (entry.key == "description") {
    layer.description = read_text("description", entry, true);
  } else if (entry.key == "extends") {
    layer.extends = ExtendsLink{read_text("extends", entry, false), entry.key_at};
  } else if (entry.key == "variants") {
    layer.variants = read_variants(walk.catalog, walk.file, entry);
  } else {
    read_entry(walk, "", entry, layer.settings);
  }
}

FileLayer read_file_layer(const ParameterCatalog& catalog, const LoadContext& request, const std::string& file,
                          const YAML::Node& root) {
  if (!root.IsMap()) {
    throw_scenario_error(detail::location_of(file, root.Mark()), "",
                         "the top level is " + detail::node_kind_name(root) + ", not a mapping",
                         "a mapping of scenario keys, e.g. 'run: {seed: 1}'");
  }
  FileLayer layer;
  layer.file = file;
  const SettingsWalk walk{catalog, file, ""};
  for (const MapEntry& entry : detail::mapping_entries(root, file, "")) {
    read_top_level_entry(walk, request, entry, layer);
  }
  return layer;
}

// Identity of a file for cycle detection: "a.yaml" and "./x/../a.yaml" are the same file.
std::filesystem::path file_identity(const std::string& path) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  if (error) return std::filesystem::absolute(path, error).lexically_normal();
  return canonical;
}

[[noreturn]] void throw_extends_cycle(const std::vector<FileLayer>& chain, std::size_t repeated) {
  std::string names;
  for (std::size_t i = repeated; i < chain.size(); ++i) names += chain[i].file + " -> ";
  names += chain[repeated].file;
  throw_scenario_error(chain.back().extends->key_at, "extends", "the files extend each other in a cycle: " + names,
                       "extends must form a chain that ends in a file without extends");
}

// The top file and every file it extends, root of the chain first.
std::vector<FileLayer> read_extends_chain(const std::string& top_file, const ParameterCatalog& catalog,
                                          const LoadContext& load) {
  std::vector<FileLayer> chain;
  std::vector<std::filesystem::path> identities;
  detail::FileRequest request{top_file, SourceLocation{top_file, 0, 0}, ""};
  while (true) {
    const std::filesystem::path identity = file_identity(request.path);
    const auto seen = std::find(identities.begin(), identities.end(), identity);
    if (seen != identities.end()) throw_extends_cycle(chain, static_cast<std::size_t>(seen - identities.begin()));
    identities.push_back(identity);
    chain.push_back(read_file_layer(catalog, load, request.path, detail::read_yaml_file(request)));
    if (!chain.back().extends) break;
    const ExtendsLink link = *chain.back().extends;
    // Relative to the extending file's directory, so a scenario tree can be moved whole.
    const std::filesystem::path target = std::filesystem::path(request.path).parent_path() / link.target;
    request = detail::FileRequest{target.lexically_normal().string(), link.key_at, "extends"};
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

struct MergedScenario {
  std::string name;
  std::string description;
  Settings overrides;  // every key some file of the chain sets
  std::vector<VariantLayer> variants;
  std::string model;
  std::optional<SweepSpec> sweep;
};

// Children replace what their parents say: values key by key; name, description and
// the variant list as a whole.
MergedScenario merge_layers(const std::vector<FileLayer>& root_first, const std::string& default_name) {
  MergedScenario merged{default_name, "", {}, {}, "", std::nullopt};
  for (const FileLayer& layer : root_first) {
    if (layer.name) merged.name = *layer.name;
    if (layer.description) merged.description = *layer.description;
    for (const auto& [key, setting] : layer.settings) merged.overrides.insert_or_assign(key, setting);
    if (layer.variants) merged.variants = *layer.variants;
    if (layer.model) merged.model = *layer.model;
    if (layer.sweep) merged.sweep = *layer.sweep;
  }
  return merged;
}

// ---- --set overrides ------------------------------------------------------------------

[[noreturn]] void throw_unknown_set_key(const ParameterCatalog& catalog, const std::string& key,
                                        const SourceLocation& key_at) {
  if (key.empty()) throw_scenario_error(key_at, "", "no key before '='", "--set key.path=value, e.g. run.seed=7");
  if (catalog.is_section(key)) {
    throw_scenario_error(key_at, key, "a section, not a single setting",
                         "one of its keys: " + list_names(child_names(catalog, key)));
  }
  std::vector<std::string> candidates;
  for (const ParameterSpec& spec : catalog.all()) candidates.push_back(spec.key);
  std::string problem = "unknown key";
  if (const auto suggestion = detail::suggest_key(key, candidates)) problem += "; did you mean '" + *suggestion + "'?";
  throw_scenario_error(key_at, key, problem, "a parameter key; `alignsim params` lists them all");
}

// The text after '=' is read as a YAML scalar, exactly as the same text in a file.
ParameterValue read_set_value(const ParameterSpec& spec, const std::string& text, const SourceLocation& value_at) {
  const detail::ParsedYaml parsed = detail::parse_yaml_text(text);
  std::string problem = parsed.problem.empty() ? single_value_problem(parsed.root) : parsed.problem;
  if (!problem.empty()) throw_scenario_error(value_at, spec.key, problem, allowed_description(spec));
  ValueOrProblem value = parse_setting(spec, scalar_text(parsed.root));
  if (!value.value) throw_scenario_error(value_at, spec.key, value.problem, allowed_description(spec));
  return std::move(*value.value);
}

std::pair<std::string, SettingValue> read_set_override(const ParameterCatalog& catalog, const std::string& text,
                                                       int number) {
  const SourceLocation key_at{command_line_file, number, 1};
  const auto equals = text.find('=');
  if (equals == std::string::npos) {
    throw_scenario_error(key_at, trim(text), "missing '='", "--set key.path=value, e.g. run.seed=7");
  }
  const std::string key = trim(text.substr(0, equals));
  const ParameterSpec* spec = catalog.find(key);
  if (spec == nullptr) throw_unknown_set_key(catalog, key, key_at);
  const SourceLocation value_at{command_line_file, number, static_cast<int>(equals) + 2};
  return {key, SettingValue{read_set_value(*spec, text.substr(equals + 1), value_at), value_at}};
}

Settings read_command_line(const std::vector<std::string>& overrides, const ParameterCatalog& catalog) {
  Settings settings;
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    auto [key, setting] = read_set_override(catalog, overrides[i], static_cast<int>(i) + 1);
    settings.insert_or_assign(std::move(key), std::move(setting));  // a later --set wins
  }
  return settings;
}

// ---- resolution -------------------------------------------------------------------------

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

std::vector<VariantSpec> build_variants(const MergedScenario& merged, const Settings& command_line,
                                        const ParameterCatalog& catalog) {
  VariantSpec base{base_variant_name, merged.description, {},
                   with_overrides(with_overrides(catalog_defaults(catalog), merged.overrides), command_line)};
  std::vector<VariantSpec> variants{base};
  for (const VariantLayer& layer : merged.variants) {
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
  spec.period_days = get_integer(base, "run.period_days");
  spec.replicates = get_integer(base, "run.replicates");
  const std::int64_t seed = get_integer(base, "run.seed");
  if (seed < 0) {
    // Only reachable with a catalog whose run.seed range allows negative values.
    throw_scenario_error(base.at("run.seed").where, "run.seed", "a negative seed", "an integer of 0 or more");
  }
  spec.seed = static_cast<std::uint64_t>(seed);
}

// ---- the resolved scenario as YAML --------------------------------------------------------

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

}  // namespace

std::optional<std::string> requested_model(const LoadRequest& request) {
  if (!request.file) return std::nullopt;
  std::filesystem::path path = *request.file;
  // Bounded: a cycle is reported by load_scenario, not followed here.
  for (int depth = 0; depth < 64; ++depth) {
    const detail::FileRequest file{path.string(), SourceLocation{path.string(), 0, 0}, std::string()};
    YAML::Node root;
    try {
      root = detail::read_yaml_file(file);
    } catch (const ScenarioError&) {
      return std::nullopt;  // load_scenario reports it, blaming the right file and key
    }
    if (!root.IsMap()) return std::nullopt;
    std::optional<std::string> extends;
    for (const MapEntry& entry : detail::mapping_entries(root, path.string(), "")) {
      if (entry.key == "model" && entry.value.IsScalar()) return entry.value.Scalar();
      if (entry.key == "extends" && entry.value.IsScalar()) extends = entry.value.Scalar();
    }
    if (!extends) return std::nullopt;
    path = (path.parent_path() / *extends).lexically_normal();
  }
  return std::nullopt;
}

ScenarioSpec load_scenario(const LoadRequest& request, const ParameterCatalog& catalog, const LoadContext& context) {
  require_run_parameters(catalog);
  MergedScenario merged{"default", "", {}, {}, "", std::nullopt};
  if (request.file) {
    merged = merge_layers(read_extends_chain(request.file->string(), catalog, context), request.file->stem().string());
  }
  const Settings command_line = read_command_line(request.set_overrides, catalog);

  ScenarioSpec spec;
  spec.name = merged.name;
  spec.description = merged.description;
  spec.source_file = request.file ? request.file->string() : "";
  spec.variants = build_variants(merged, command_line, catalog);
  spec.model = merged.model;
  fill_run_fields(spec);
  if (auto sweep = detail::apply_sweep_options(merged.sweep, context.sweep, catalog)) {
    detail::check_sweep(*sweep);
    if (spec.variants.size() > 1) {
      throw_scenario_error(sweep->where, "sweep", "a sweep varies the base scenario, but this scenario has variants",
                           "remove the variants (variants: []) or the sweep");
    }
    spec.sweep = std::make_shared<const SweepSpec>(std::move(*sweep));
  }
  spec.resolved_yaml = write_resolved_yaml(spec);
  return spec;
}

}  // namespace alignsim::sim
