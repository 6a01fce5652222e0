#pragma once
// Reading a file's `variants:` list: each variant has a valid, unique name and the
// settings it changes (never run.*). Internal to the scenario loader; thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {

inline constexpr const char* kBaseVariantName = "base";

struct VariantLayer {
  std::string name;
  std::string description;
  Settings overrides;
  std::optional<SourceLocation> name_at;  // set once `name:` has been read
};

[[nodiscard]] std::vector<VariantLayer> read_variants(const ParameterCatalog& catalog, const std::string& file,
                                                      const MapEntry& entry);

}  // namespace alignsim::sim::detail
