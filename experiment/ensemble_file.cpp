#include "experiment/ensemble_file.hpp"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/durability/checksum.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::experiment {
namespace {

using sim::SourceLocation;
using sim::detail::MapEntry;
using sim::detail::throw_scenario_error;

const char* const kTopKeys = "top-level keys: scenario, patterns, waves, stop, factors, members";

std::vector<std::string> read_keys(const MapEntry& entry, const std::string& file, const sim::ParameterCatalog& catalog) {
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, "factors", "not a list of parameter keys", "a list such as [scoring.noise_sd]");
  }
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < entry.value.size(); ++i) {
    const YAML::Node& item = entry.value[i];
    const SourceLocation at = sim::detail::location_of(file, item.Mark());
    const std::string path = "factors[" + std::to_string(i) + "]";
    if (!sim::detail::single_value_problem(item).empty()) throw_scenario_error(at, path, "not a key", "a parameter key");
    const std::string key = sim::detail::scalar_text(item).text;
    const sim::ParameterSpec* spec = catalog.find(key);
    if (spec == nullptr || (spec->kind != sim::ValueKind::real && spec->kind != sim::ValueKind::integer)) {
      throw_scenario_error(at, path, sim::detail::quote_for_message(key) + " is not a numeric parameter of the model",
                           "a key `alignsim params` lists as a number");
    }
    if (!seen.insert(key).second) throw_scenario_error(at, path, "the key " + key + " is given twice", "each key once");
    keys.push_back(key);
  }
  return keys;
}

void read_member(const YAML::Node& row, const std::string& file, const std::string& path,
                 const std::vector<std::string>& keys, const sim::ParameterCatalog& catalog, Ensemble& ensemble) {
  const SourceLocation at = sim::detail::location_of(file, row.Mark());
  if (!row.IsSequence() || row.size() != keys.size()) {
    throw_scenario_error(at, path, "not a list of " + std::to_string(keys.size()) + " values",
                         "one value per key of factors, in that order");
  }
  sim::Settings member;
  std::vector<double> numbers;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const SourceLocation value_at = sim::detail::location_of(file, row[k].Mark());
    const std::string value_path = path + "." + keys[k];
    if (const std::string problem = sim::detail::single_value_problem(row[k]); !problem.empty()) {
      throw_scenario_error(value_at, value_path, problem, "a number");
    }
    const sim::ParameterSpec& spec = *catalog.find(keys[k]);
    const auto parsed = sim::detail::parse_setting(spec, sim::detail::scalar_text(row[k]));
    if (!parsed.value) throw_scenario_error(value_at, value_path, parsed.problem, sim::allowed_description(spec));
    numbers.push_back(sim::numeric_value(*parsed.value));
    member.emplace(keys[k], sim::SettingValue{*parsed.value, value_at});
  }
  ensemble.members.push_back(std::move(member));
  ensemble.values.push_back(std::move(numbers));
}

Ensemble read_root(const std::string& file, const std::string& text, const sim::ParameterCatalog& catalog) {
  const YAML::Node root = sim::detail::yaml_document(file, text);
  const SourceLocation top = sim::detail::location_of(file, root.Mark());
  if (!root.IsMap()) throw_scenario_error(top, "", sim::detail::node_kind_name(root) + " where a mapping is expected", kTopKeys);
  Ensemble ensemble;
  ensemble.file = file;
  ensemble.text_fnv1a64 = sim::hex64(sim::fnv1a64(text));
  std::optional<MapEntry> members;
  for (const MapEntry& entry : sim::detail::mapping_entries(root, file, "")) {
    if (entry.key == "factors") ensemble.keys = read_keys(entry, file, catalog);
    else if (entry.key == "members") members = entry;
    else if (entry.key != "scenario" && entry.key != "patterns" && entry.key != "waves" && entry.key != "stop") {
      throw_scenario_error(entry.key_at, entry.key, "unknown key", kTopKeys);
    }
  }
  if (ensemble.keys.empty()) throw_scenario_error(top, "factors", "no factors given", "a list of parameter keys");
  if (!members || !members->value.IsSequence() || members->value.size() == 0) {
    throw_scenario_error(members ? members->value_at : top, "members", "no members",
                         "a list of rows, one value per factor (a calibration that kept no point has no ensemble)");
  }
  for (std::size_t m = 0; m < members->value.size(); ++m) {
    read_member(members->value[m], file, "members[" + std::to_string(m) + "]", ensemble.keys, catalog, ensemble);
  }
  return ensemble;
}

}  // namespace

Ensemble read_ensemble_file(const std::string& path, const sim::ParameterCatalog& catalog) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_scenario_error(SourceLocation{path, 0, 0}, "", "cannot read the ensemble file", "a readable ensemble.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return read_root(path, text.str(), catalog);
}

Ensemble read_ensemble_text(const std::string& name, const std::string& text, const sim::ParameterCatalog& catalog) {
  return read_root(name, text, catalog);
}

sim::Settings settings_with_member(const sim::Settings& settings, const Ensemble& ensemble, std::size_t member,
                                   const sim::Settings& keep) {
  sim::Settings out = settings;
  for (const auto& [key, value] : ensemble.members.at(member)) {
    if (keep.count(key) == 0) out.insert_or_assign(key, value);
  }
  return out;
}

}  // namespace alignsim::experiment
