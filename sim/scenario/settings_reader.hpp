#pragma once
// Reading settings from a mapping of a scenario file (its top level, or one variant):
// each key is a catalog parameter, a section of them, or a mistake reported with the
// key's position, what is allowed and a "did you mean". Internal to the scenario
// loader; thread-safe (no shared state).
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {

struct SettingsWalk {
  const ParameterCatalog& catalog;
  const std::string& file;
  std::string variant_path;  // "" in the base of a file, "variants[2]" inside a variant

  [[nodiscard]] bool in_variant() const { return !variant_path.empty(); }
  // What a message calls `key`: the variant's entries are prefixed with its path.
  [[nodiscard]] std::string shown(const std::string& key) const;
  // Keys allowed at the top of this mapping that are not settings.
  [[nodiscard]] std::vector<std::string> reserved_keys() const {
    if (in_variant()) return {"name", "description"};
    return {"name", "description", "extends", "variants"};
  }
  // Accepted at the top of a file besides reserved_keys(); described in
  // docs/experiments.md rather than listed in every unknown-key message.
  [[nodiscard]] std::vector<std::string> experiment_keys() const {
    if (in_variant()) return {};
    return {"model", "sweep", "levers"};
  }
};

// One key of a mapping at `section` ("" at the top): a parameter (checked against its
// spec and stored in `out`), a deeper section, or an error.
void read_entry(const SettingsWalk& walk, const std::string& section, const MapEntry& entry, Settings& out);

// name, description, extends: free text, but one scalar.
[[nodiscard]] std::string read_text(const std::string& shown_key, const MapEntry& entry, bool may_be_empty);

}  // namespace alignsim::sim::detail
