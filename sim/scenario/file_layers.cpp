#include "sim/scenario/file_layers.hpp"

#include <algorithm>

#include "sim/scenario/levers_reader.hpp"
#include "sim/scenario/settings_reader.hpp"
#include "sim/scenario/sweep_reader.hpp"

namespace alignsim::sim::detail {
namespace {

// `model:`: one of the caller's known models, when it names them.
std::string read_model(const LayerContext& request, const MapEntry& entry) {
  const std::string name = read_text("model", entry, false);
  const auto& known = request.models;
  if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
    std::string names;
    for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
    throw_scenario_error(entry.value_at, "model", quote_for_message(name) + " is not a known model", "one of: " + names);
  }
  return name;
}

// `name:` is also the default results file (NAME.h5, NAME.shardI.h5) in the working
// directory, so it must be one plain file name: a '/' or a leading ".." would write
// elsewhere. Validated rather than sanitised, so the file is where the name says.
std::string read_scenario_name(const MapEntry& entry) {
  constexpr std::size_t kLongest = 200;  // leaves room for ".NAME.shardI.h5.tmp-..." under NAME_MAX (255)
  const std::string name = read_text("name", entry, false);
  const bool control = std::any_of(name.begin(), name.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  std::string problem;
  if (name.find_first_of("/\\") != std::string::npos) problem = "contains a path separator";
  else if (name.front() == '.') problem = "starts with '.'";
  else if (control) problem = "contains a control character";
  else if (name.size() > kLongest) problem = "is longer than 200 bytes";
  if (!problem.empty()) {
    throw_scenario_error(entry.value_at, "name",
                         quote_for_message(name) + " " + problem + ", but the name is also the default results file NAME.h5",
                         "a plain file name: no '/' or '\\', not starting with '.', no control characters, at most 200 bytes");
  }
  return name;
}

void read_top_level_entry(const SettingsWalk& walk, const LayerContext& request, const MapEntry& entry,
                          FileLayer& layer) {
  if (entry.key == "model") {
    layer.model = read_model(request, entry);
  } else if (entry.key == "sweep") {
    layer.sweep = detail::read_sweep(detail::SweepContext{walk.catalog, walk.file, request.outputs}, entry);
  } else if (entry.key == "levers") {
    layer.levers = detail::read_levers(walk.catalog, walk.file, entry);
  } else if (entry.key == "name") {
    layer.name = read_scenario_name(entry);
  } else if (entry.key == "description") {
    layer.description = read_text("description", entry, true);
  } else if (entry.key == "extends") {
    // Read with the document (sim/scenario/scenario_document.hpp), which follows it.
  } else if (entry.key == "variants") {
    layer.variants = read_variants(walk.catalog, walk.file, entry);
  } else {
    read_entry(walk, "", entry, layer.settings);
  }
}

FileLayer read_file_layer(const ParameterCatalog& catalog, const LayerContext& request, const std::string& file,
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

// Children replace what their parents say: values key by key; name, description and
// the variant list as a whole.
MergedScenario merge_layers(const std::vector<FileLayer>& root_first, const std::string& default_name) {
  MergedScenario merged{default_name, "", {}, {}, "", std::nullopt, {}};
  for (const FileLayer& layer : root_first) {
    if (layer.name) merged.name = *layer.name;
    if (layer.description) merged.description = *layer.description;
    for (const auto& [key, setting] : layer.settings) merged.overrides.insert_or_assign(key, setting);
    if (layer.variants) merged.variants = *layer.variants;
    if (layer.model) merged.model = *layer.model;
    if (layer.sweep) merged.sweep = *layer.sweep;
    if (layer.levers) merged.levers = *layer.levers;
  }
  return merged;
}

}  // namespace

MergedScenario merged_layers(const ScenarioDocument& document, const ParameterCatalog& catalog,
                             const LayerContext& context) {
  // Checked in chain order, so the named file's own mistakes are reported first.
  std::vector<FileLayer> root_first;
  for (const ScenarioFile& file : document.chain()) root_first.push_back(read_file_layer(catalog, context, file.name, file.root));
  std::reverse(root_first.begin(), root_first.end());
  return merge_layers(root_first, document.default_name());
}

}  // namespace alignsim::sim::detail
