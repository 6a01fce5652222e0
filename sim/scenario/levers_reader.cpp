#include "sim/scenario/levers_reader.hpp"

#include <map>

#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"

namespace alignsim::sim::detail {
namespace {

const std::string lever_shape = "a parameter key, or a mapping with key: and optional low: and high:";

std::string lever_path(std::size_t index) { return "levers[" + std::to_string(index) + "]"; }

bool is_number(const ParameterSpec& spec) { return spec.kind == ValueKind::real || spec.kind == ValueKind::integer; }

std::vector<std::string> parameter_keys(const ParameterCatalog& catalog) {
  std::vector<std::string> keys;
  for (const ParameterSpec& spec : catalog.all()) keys.push_back(spec.key);
  return keys;
}

// The catalog parameter a lever names; run.* is shared by base and what-if, so no lever.
const ParameterSpec& lever_parameter(const ParameterCatalog& catalog, const std::string& path, const MapEntry& entry) {
  if (const std::string problem = single_value_problem(entry.value); !problem.empty()) {
    throw_scenario_error(entry.value_at, path, problem, lever_shape);
  }
  const std::string key = scalar_text(entry.value).text;
  const ParameterSpec* spec = catalog.find(key);
  if (spec == nullptr) {
    std::string problem = quote_for_message(key) + " is not a parameter";
    if (const auto suggestion = suggest_key(key, parameter_keys(catalog))) problem += "; did you mean '" + *suggestion + "'?";
    throw_scenario_error(entry.value_at, path, problem, "a key that `alignsim params` lists");
  }
  if (split_key(key).front() == "run") {
    throw_scenario_error(entry.value_at, path, "a lever may not change run settings",
                         "run settings are shared by base and what-if; choose a model parameter");
  }
  return *spec;
}

double read_bound(const ParameterSpec& spec, const std::string& path, const MapEntry& entry) {
  if (!is_number(spec)) {
    throw_scenario_error(entry.key_at, path, spec.key + " is " + kind_name(spec.kind) + ", which has no range",
                         "low and high only for number parameters");
  }
  if (const std::string problem = single_value_problem(entry.value); !problem.empty()) {
    throw_scenario_error(entry.value_at, path, problem, allowed_description(spec));
  }
  const ValueOrProblem parsed = parse_setting(spec, scalar_text(entry.value));
  if (!parsed.value) throw_scenario_error(entry.value_at, path, parsed.problem, allowed_description(spec));
  if (const auto* integer = std::get_if<std::int64_t>(&*parsed.value)) return static_cast<double>(*integer);
  return std::get<double>(*parsed.value);
}

LeverSpec read_lever_mapping(const ParameterCatalog& catalog, const std::string& file, const std::string& path,
                             const YAML::Node& item, const SourceLocation& item_at) {
  LeverSpec lever;
  lever.where = item_at;
  const std::vector<MapEntry> entries = mapping_entries(item, file, path);
  const ParameterSpec* spec = nullptr;
  for (const MapEntry& entry : entries) {
    if (entry.key == "key") {
      spec = &lever_parameter(catalog, path + ".key", entry);
      lever.key = spec->key;
    } else if (entry.key != "low" && entry.key != "high") {
      throw_scenario_error(entry.key_at, path + "." + entry.key, "unknown key", "keys in a lever: key, low, high");
    }
  }
  if (spec == nullptr) throw_scenario_error(item_at, path, "the lever names no parameter", lever_shape);
  for (const MapEntry& entry : entries) {
    if (entry.key == "low") lever.low = read_bound(*spec, path + ".low", entry);
    if (entry.key == "high") lever.high = read_bound(*spec, path + ".high", entry);
  }
  const double low = lever.low.value_or(spec->minimum), high = lever.high.value_or(spec->maximum);
  if (is_number(*spec) && !(low < high)) {
    throw_scenario_error(item_at, path, "low " + value_to_text(low) + " is not below high " + value_to_text(high),
                         "low < high, both within " + allowed_description(*spec));
  }
  return lever;
}

LeverSpec read_lever(const ParameterCatalog& catalog, const std::string& file, std::size_t index,
                     const YAML::Node& item) {
  const std::string path = lever_path(index);
  const SourceLocation item_at = location_of(file, item.Mark());
  if (item.IsMap()) return read_lever_mapping(catalog, file, path, item, item_at);
  if (!item.IsScalar()) {
    throw_scenario_error(item_at, path, node_kind_name(item) + " where a lever is expected", lever_shape);
  }
  const MapEntry as_entry{"key", item_at, item, item_at};
  return LeverSpec{lever_parameter(catalog, path, as_entry).key, std::nullopt, std::nullopt, item_at};
}

}  // namespace

std::vector<LeverSpec> read_levers(const ParameterCatalog& catalog, const std::string& file, const MapEntry& entry) {
  if (!entry.value.IsSequence()) {
    const std::string problem =
        entry.value.IsNull() ? std::string("no value given") : node_kind_name(entry.value) + " where a list is expected";
    throw_scenario_error(entry.value_at, "levers", problem, "a list of levers, each " + lever_shape);
  }
  std::vector<LeverSpec> levers;
  std::map<std::string, std::size_t> index_of_key;
  for (const auto& item : entry.value) {
    LeverSpec lever = read_lever(catalog, file, levers.size(), item);
    const auto [first, inserted] = index_of_key.emplace(lever.key, levers.size());
    if (!inserted) {
      throw_scenario_error(lever.where, lever_path(levers.size()),
                           quote_for_message(lever.key) + " is already levers[" + std::to_string(first->second) + "]",
                           "each parameter is one lever");
    }
    levers.push_back(std::move(lever));
  }
  return levers;
}

}  // namespace alignsim::sim::detail
