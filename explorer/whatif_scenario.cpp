#include "explorer/whatif_scenario.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <regex>

#include "sim/errors.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::explorer {
namespace {

const Lever& lever_named(const ServedScenario& served, const std::string& key) {
  for (const Lever& lever : served.levers) {
    if (lever.parameter->key == key) return lever;
  }
  throw UsageError("'" + key.substr(0, 80) + "' is not a lever of this page");
}

// Only a value's own characters may reach the YAML: the catalog then checks the range.
bool is_plain_value(const sim::ParameterSpec& spec, const std::string& text) {
  static const std::regex number(R"(-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?)");
  switch (spec.kind) {
    case sim::ValueKind::real:
    case sim::ValueKind::integer: return std::regex_match(text, number);
    case sim::ValueKind::boolean: return text == "true" || text == "false";
    case sim::ValueKind::choice: return std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end();
  }
  return false;
}

// `a.b.c: v` as nested block mappings under the variant; keys sorted, so each section opens once.
std::string nested_settings(const LeverValues& values, std::size_t indent) {
  std::string out;
  std::vector<std::string> open;
  for (const auto& [key, value] : values) {
    std::vector<std::string> parts;
    for (std::size_t start = 0, dot = 0; dot != std::string::npos; start = dot + 1) {
      dot = key.find('.', start);
      parts.push_back(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    }
    std::size_t shared = 0;
    while (shared < open.size() && shared + 1 < parts.size() && open[shared] == parts[shared]) ++shared;
    open.resize(shared);
    while (open.size() + 1 < parts.size()) {
      out += std::string(indent + 2 * open.size(), ' ') + parts[open.size()] + ":\n";
      open.push_back(parts[open.size()]);
    }
    out += std::string(indent + 2 * open.size(), ' ') + parts.back() + ": " + value + "\n";
  }
  return out;
}

}  // namespace

ServedScenario served_scenario(experiment::ScenarioRequest request, const experiment::Experiment& loaded) {
  if (request.file) request.file = std::filesystem::absolute(*request.file).string();
  return ServedScenario{std::move(request), levers_of(loaded)};
}

std::string lever_words(const ServedScenario& served, const LeverValues& values) {
  if (values.empty()) return "no lever moved: the base itself";
  std::string words;
  for (const auto& [key, value] : values) {
    const Lever& lever = lever_named(served, key);
    if (!words.empty()) words += "; ";
    words += key + " set to " + value + " (base " + sim::value_to_text(lever.base) + ")";
  }
  return words;
}

std::string whatif_scenario_text(const ServedScenario& served, const std::vector<NamedWhatIf>& what_ifs) {
  std::string text = "# What-ifs from alignsim serve: the served scenario and the levers moved on the page.\n";
  text += "extends: " + sim::detail::to_yaml_scalar(served.request.file.value_or("")) + "\n";
  text += "variants:\n";
  for (const NamedWhatIf& what_if : what_ifs) {
    for (const auto& [key, value] : what_if.values) {
      const Lever& lever = lever_named(served, key);
      if (!is_plain_value(*lever.parameter, value)) {
        throw UsageError(key + ": '" + value.substr(0, 40) + "' is not a value (" +
                         sim::allowed_description(*lever.parameter) + ")");
      }
    }
    text += "  - name: " + what_if.name + "\n";
    text += "    description: " + sim::detail::to_yaml_scalar(lever_words(served, what_if.values)) + "\n";
    text += nested_settings(what_if.values, 4);
  }
  return text;
}

std::string whatif_scenario_text(const ServedScenario& served, const LeverValues& values) {
  return whatif_scenario_text(served, {NamedWhatIf{kWhatIfVariant, values}});
}

namespace {

experiment::Experiment load_whatifs(const ServedScenario& served, const std::vector<NamedWhatIf>& what_ifs,
                                    std::optional<std::int64_t> replicates) {
  experiment::ScenarioRequest request = served.request;
  if (replicates) request.replicates = replicates;
  request.file.reset();
  request.text = whatif_scenario_text(served, what_ifs);
  request.text_name = "<what-if>";
  return experiment::load_experiment(request);
}

}  // namespace

experiment::Experiment load_whatif(const ServedScenario& served, const LeverValues& values) {
  return load_whatifs(served, {NamedWhatIf{kWhatIfVariant, values}}, std::nullopt);
}

std::string saved_scenario_text(const ServedScenario& served, const std::vector<NamedWhatIf>& what_ifs,
                                std::int64_t replicates) {
  const experiment::Experiment loaded = load_whatifs(served, what_ifs, replicates);
  std::string names;
  for (const NamedWhatIf& what_if : what_ifs) names += (names.empty() ? "" : ", ") + what_if.name;
  return "# Saved from alignsim serve: " + loaded.spec.name + " (base) and " + names +
         ", the levers moved on the page,\n"
         "# fully resolved. `alignsim run` of this file prints the numbers the page showed.\n" +
         loaded.spec.resolved_yaml;
}

}  // namespace alignsim::explorer
