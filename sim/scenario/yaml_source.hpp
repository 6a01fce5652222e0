#pragma once
// Reading scenario YAML safely with yaml-cpp 0.7, and the one error format of the loader.
//
// yaml-cpp 0.7 needs guarding: its messages never name the file, duplicate keys are
// accepted silently, YAML::Load quietly drops every document after the first, a double
// quote left open swallows the rest of the file without an error, NUL bytes come out as
// "unknown escape character", and deep nesting throws DeepRecursion("bad file"), whose
// type cannot even be caught (Debian's build does not export its typeinfo). The
// functions here turn all of that into ScenarioError lines
//   FILE:LINE:COL: key.path: what is wrong (what is allowed)
// Internal to the scenario loader; thread-safe (no shared state).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/scenario/scenario.hpp"

namespace alignsim::sim::detail {

// Scenario files are small; the cap stops /dev/zero or a mistyped data file early.
inline constexpr std::size_t max_scenario_file_bytes = 16u << 20;

// The single error format. `key` or `allowed` may be empty and are then left out. Line
// breaks and control characters are escaped so what() is always exactly one line.
[[nodiscard]] std::string format_scenario_error(const SourceLocation& where, std::string_view key,
                                                std::string_view problem, std::string_view allowed);
[[noreturn]] void throw_scenario_error(const SourceLocation& where, std::string_view key,
                                       std::string_view problem, std::string_view allowed);

// yaml-cpp marks are 0-based; SourceLocation is 1-based. A null mark (yaml-cpp's "no
// position") maps to line 0, column 0: "the file as a whole".
[[nodiscard]] SourceLocation location_of(const std::string& file, const YAML::Mark& mark);

// User text shown inside a message: quoted, and cut short so one bad value cannot make
// the message unreadable.
[[nodiscard]] std::string quote_for_message(std::string_view text);

// YAML text parsed without throwing: either `root` or `problem` with its 0-based position.
struct ParsedYaml {
  YAML::Node root;
  std::string problem;  // empty when parsing succeeded
  std::string hint;     // what would be valid, for the "(...)" part of the message
  YAML::Mark problem_at;
};
// Checks the text is UTF-8 without control characters and holds one document, then runs
// YAML::Load (never LoadAll: it hangs on some inputs in 0.7).
[[nodiscard]] ParsedYaml parse_yaml_text(const std::string& text);

// Who asked for a file, blamed when it cannot be read: the top file blames itself at
// line 0 (key empty); an `extends` target blames the extends key of the file naming it.
struct FileRequest {
  std::string path;      // as it will be printed in messages
  SourceLocation asked_at;
  std::string asked_key;
};
// Reads and parses one scenario file; the root is a non-empty document (any node type).
// The file is read once, so it may be a pipe; a file asked for by `extends` must be a
// regular file.
[[nodiscard]] YAML::Node read_yaml_file(const FileRequest& request);
// Parses scenario text that did not come from a file; `name` is what messages call it.
[[nodiscard]] YAML::Node yaml_document(const std::string& name, const std::string& text);

// One key/value pair of a mapping, with the key already checked to be a scalar.
struct MapEntry {
  std::string key;
  SourceLocation key_at;
  YAML::Node value;
  SourceLocation value_at;  // the key's location when the value is null (yaml-cpp then
                            // marks the start of the next line, which misleads)
};
// The entries of `mapping` in document order. Throws on non-scalar keys and on duplicate
// keys (reported at the second occurrence); `path` prefixes keys in messages.
[[nodiscard]] std::vector<MapEntry> mapping_entries(const YAML::Node& mapping, const std::string& file,
                                                    const std::string& path);

// "mapping", "list", "single value" or "nothing", for messages.
[[nodiscard]] std::string node_kind_name(const YAML::Node& node);

// `text` as a YAML scalar that reads back as exactly `text`: plain when that is safe,
// otherwise double-quoted with escapes. Deterministic.
[[nodiscard]] std::string to_yaml_scalar(std::string_view text);

}  // namespace alignsim::sim::detail
