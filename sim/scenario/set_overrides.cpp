#include "sim/scenario/set_overrides.hpp"

#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {
namespace {

const std::string command_line_file = kCommandLineFile;

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

}  // namespace

Settings read_command_line(const std::vector<std::string>& overrides, const ParameterCatalog& catalog) {
  Settings settings;
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    auto [key, setting] = read_set_override(catalog, overrides[i], static_cast<int>(i) + 1);
    settings.insert_or_assign(std::move(key), std::move(setting));  // a later --set wins
  }
  return settings;
}

}  // namespace alignsim::sim::detail
