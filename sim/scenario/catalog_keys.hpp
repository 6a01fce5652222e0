#pragma once
// Dotted parameter keys ("demand.innovation_rate") and the catalog seen as a tree of
// sections, for reading nested YAML and for messages and suggestions. Internal to the
// scenario loader; thread-safe (pure functions).
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"

namespace alignsim::sim::detail {

[[nodiscard]] std::string join_key(const std::string& prefix, const std::string& key);
// "a.b.c" -> "a.b"; "" for a top-level key.
[[nodiscard]] std::string parent_key(const std::string& key);
// `text` cut at every `separator` ("a.b" -> {"a", "b"}).
[[nodiscard]] std::vector<std::string> split_text(const std::string& text, char separator);
[[nodiscard]] inline std::vector<std::string> split_key(const std::string& key) { return split_text(key, '.'); }
// Without leading and trailing blanks and tabs.
[[nodiscard]] std::string trim(const std::string& text);

// Names directly inside `section` ("" for the top level), in catalog order, each once.
[[nodiscard]] std::vector<std::string> child_names(const ParameterCatalog& catalog, const std::string& section);
// Every catalog key and every section name: what a misspelt key is compared against.
[[nodiscard]] std::vector<std::string> keys_and_sections(const ParameterCatalog& catalog);
// "a, b, c"; with `cap` > 0 at most that many, then "and N more; `alignsim params`
// lists all", so a section with many keys still gives a one-line message.
[[nodiscard]] std::string list_names(const std::vector<std::string>& names, std::size_t cap = 12);

}  // namespace alignsim::sim::detail
