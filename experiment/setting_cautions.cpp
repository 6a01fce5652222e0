#include "experiment/setting_cautions.hpp"

#include <set>

namespace alignsim::experiment {
namespace {

// Where the setting was given; a built-in default points at the scenario file itself.
std::string location_of(const sim::Settings& resolved, const std::string& key, const std::string& scenario_file) {
  const auto setting = resolved.find(key);
  sim::SourceLocation where = setting == resolved.end() ? sim::SourceLocation{} : setting->second.where;
  if (where.line == 0 && !scenario_file.empty() && where.file != "<command line>") where = {scenario_file, 0, 0};
  if (where.file.empty()) where.file = "<defaults>";
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

}  // namespace

std::vector<LocatedCaution> setting_cautions(const Experiment& experiment, const RunTable& runs) {
  std::vector<LocatedCaution> cautions;
  std::set<std::string> seen;
  for (std::size_t v = 0; v < experiment.spec.variants.size(); ++v) {
    const sim::VariantSpec& variant = experiment.spec.variants[v];
    for (const sim::SettingCaution& caution : runs.variant(v).cautions()) {
      std::string message = location_of(variant.resolved, caution.key, experiment.spec.source_file) + ": " +
                            caution.key + ": " + caution.text;
      if (!seen.insert(message).second) continue;
      cautions.push_back({std::move(message), v == 0 ? std::string() : variant.name});
    }
  }
  return cautions;
}

}  // namespace alignsim::experiment
