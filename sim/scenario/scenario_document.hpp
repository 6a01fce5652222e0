#pragma once
// A scenario's YAML as it was written: the named file (or text given directly, such as
// the resolved scenario a shard file carries) and every file its `extends:` chain names,
// each read and parsed exactly once. Reading needs no parameter catalog, so the model
// the scenario names (`model:`) is known before the catalog is chosen; the loader
// (sim/scenario/scenario_loader.hpp) then validates the document against it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/scenario/scenario.hpp"

namespace alignsim::sim {

// Where a scenario comes from: a file, text, or neither (the built-in defaults).
struct ScenarioSource {
  std::optional<std::filesystem::path> file;
  std::optional<std::string> text;  // scenario text; `extends` paths are then relative to the working directory
  std::string text_name = "<text>";  // what messages call the text
};

// `extends: TARGET` as written, and where.
struct ExtendsLink {
  std::string target;
  SourceLocation key_at;
};

struct ScenarioFile {
  std::string name;  // the path as messages print it
  YAML::Node root;   // a non-empty document
  std::optional<ExtendsLink> extends;
};

// Immutable once read; thread-safe to share.
class ScenarioDocument {
 public:
  // The built-in defaults only.
  ScenarioDocument() = default;
  // Reads the source and the files it extends. Throws ScenarioError (one line, file and
  // position) for an unreadable file, malformed YAML, a bad `extends:` or a cycle.
  explicit ScenarioDocument(const ScenarioSource& source);

  // The named file first, then the file it extends, and so on; empty for the defaults.
  [[nodiscard]] const std::vector<ScenarioFile>& chain() const noexcept { return chain_; }
  // `model:` of the first file of the chain that names one; nullopt when none does (or
  // it is not a single word: the loader reports that with its position).
  [[nodiscard]] std::optional<std::string> model() const;
  // The name a scenario gets without `name:`: the file's stem, "default" without a file.
  [[nodiscard]] const std::string& default_name() const noexcept { return default_name_; }
  [[nodiscard]] const std::string& source_name() const noexcept { return source_name_; }
  // Every file read: the named file (not a text) and the files it extends, in chain order.
  [[nodiscard]] const std::vector<std::string>& files() const noexcept { return files_; }

 private:
  std::vector<ScenarioFile> chain_;
  std::string default_name_ = "default";
  std::string source_name_;  // the file as given, or the text's name; "" for the defaults
  std::vector<std::string> files_;
};

}  // namespace alignsim::sim
