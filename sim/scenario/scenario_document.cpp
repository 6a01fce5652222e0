#include "sim/scenario/scenario_document.hpp"

#include <algorithm>

#include "sim/scenario/settings_reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim {
namespace {

using detail::MapEntry;
using detail::throw_scenario_error;

// Identity of a file for cycle detection: "a.yaml" and "./x/../a.yaml" are the same file.
std::filesystem::path file_identity(const std::string& path) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  if (error) return std::filesystem::absolute(path, error).lexically_normal();
  return canonical;
}

// The `extends:` of a file, if it has one; the loader checks the rest of the file.
std::optional<ExtendsLink> extends_of(const std::string& name, const YAML::Node& root) {
  if (!root.IsMap()) return std::nullopt;
  for (const MapEntry& entry : detail::mapping_entries(root, name, "")) {
    if (entry.key == "extends") return ExtendsLink{detail::read_text("extends", entry, false), entry.key_at};
  }
  return std::nullopt;
}

[[noreturn]] void throw_extends_cycle(const std::vector<ScenarioFile>& chain, std::size_t repeated) {
  std::string names;
  for (std::size_t i = repeated; i < chain.size(); ++i) names += chain[i].name + " -> ";
  names += chain[repeated].name;
  throw_scenario_error(chain.back().extends->key_at, "extends", "the files extend each other in a cycle: " + names,
                       "extends must form a chain that ends in a file without extends");
}

}  // namespace

ScenarioDocument::ScenarioDocument(const ScenarioSource& source) {
  if (!source.file && !source.text) return;
  std::vector<std::filesystem::path> identities;
  std::filesystem::path directory;  // relative `extends` targets start here
  if (source.file) {
    source_name_ = source.file->string();
    default_name_ = source.file->stem().string();
    directory = source.file->parent_path();
    identities.push_back(file_identity(source_name_));
    const detail::FileRequest request{source_name_, SourceLocation{source_name_, 0, 0}, ""};
    chain_.push_back({source_name_, detail::read_yaml_file(request), std::nullopt});
    files_.push_back(source_name_);
  } else {
    source_name_ = source.text_name;
    default_name_ = "default";
    chain_.push_back({source_name_, detail::yaml_document(source_name_, *source.text), std::nullopt});
  }
  while ((chain_.back().extends = extends_of(chain_.back().name, chain_.back().root))) {
    const ExtendsLink link = *chain_.back().extends;
    // Relative to the extending file's directory, so a scenario tree can be moved whole.
    const std::filesystem::path target = (directory / link.target).lexically_normal();
    const std::filesystem::path identity = file_identity(target.string());
    const auto seen = std::find(identities.begin(), identities.end(), identity);
    if (seen != identities.end()) throw_extends_cycle(chain_, static_cast<std::size_t>(seen - identities.begin()));
    identities.push_back(identity);
    const detail::FileRequest request{target.string(), link.key_at, "extends"};
    chain_.push_back({target.string(), detail::read_yaml_file(request), std::nullopt});
    files_.push_back(target.string());
    directory = target.parent_path();
  }
}

std::optional<std::string> ScenarioDocument::model() const {
  for (const ScenarioFile& file : chain_) {
    if (!file.root.IsMap()) return std::nullopt;
    for (const auto& pair : file.root) {
      if (pair.first.IsScalar() && pair.first.Scalar() == "model") {
        return pair.second.IsScalar() ? std::optional<std::string>(pair.second.Scalar()) : std::nullopt;
      }
    }
  }
  return std::nullopt;
}

}  // namespace alignsim::sim
