#include "cli/setting_cautions.hpp"

#include <set>
#include <string>

namespace alignsim::cli {
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

void print_setting_cautions(std::FILE* out, const LoadedScenario& loaded) {
  if (!loaded.model->cautions) return;
  std::set<std::string> printed;
  for (std::size_t v = 0; v < loaded.spec.variants.size(); ++v) {
    const sim::VariantSpec& variant = loaded.spec.variants[v];
    for (const sim::SettingCaution& caution : loaded.model->cautions(variant.resolved)) {
      const std::string message =
          location_of(variant.resolved, caution.key, loaded.spec.source_file) + ": " + caution.key + ": " + caution.text;
      if (!printed.insert(message).second) continue;
      std::fprintf(out, "alignsim: warning: %s%s\n", message.c_str(),
                   v == 0 ? "" : (" (variant " + variant.name + ")").c_str());
    }
  }
}

}  // namespace alignsim::cli
