#include "sim/scenario/sweep_values.hpp"

#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"

namespace alignsim::sim::detail {
namespace {

ParameterSpec count_spec(const std::string& key, double minimum) {
  return ParameterSpec{key, ValueKind::integer, "", std::int64_t{1}, minimum, double(kMaxPoints), {}, "", ""};
}

}  // namespace

ParameterValue read_value(const ParameterSpec& spec, const std::string& shown, const YAML::Node& node,
                          const SourceLocation& at) {
  if (const std::string problem = single_value_problem(node); !problem.empty()) {
    throw_scenario_error(at, shown, problem, allowed_description(spec));
  }
  ValueOrProblem parsed = parse_setting(spec, scalar_text(node));
  if (!parsed.value) throw_scenario_error(at, shown, parsed.problem, allowed_description(spec));
  return *parsed.value;
}

std::size_t read_count(const MapEntry& entry, const std::string& shown, double minimum) {
  return static_cast<std::size_t>(std::get<std::int64_t>(read_value(count_spec(shown, minimum), shown, entry.value,
                                                                    entry.value_at)));
}

std::string read_word(const MapEntry& entry, const std::string& shown, const std::string& allowed) {
  const std::string problem = single_value_problem(entry.value);
  if (!problem.empty() || entry.value.Scalar().empty()) {
    throw_scenario_error(entry.value_at, shown, problem.empty() ? "the text is empty" : problem, allowed);
  }
  return entry.value.Scalar();
}

[[noreturn]] void throw_unknown(const MapEntry& entry, const std::string& shown, const std::vector<std::string>& keys) {
  std::string problem = "unknown key";
  if (const auto suggestion = suggest_key(entry.key, keys)) problem += "; did you mean '" + *suggestion + "'?";
  throw_scenario_error(entry.key_at, shown, problem, "keys: " + list_names(keys, 0));
}

}  // namespace alignsim::sim::detail
