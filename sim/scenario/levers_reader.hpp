#pragma once
// Reading a file's `levers:` list, the parameters `alignsim serve` offers as sliders:
//   levers:
//     - followup.sla_floor                            # the catalog's range
//     - {key: trust.initial_mean, low: 0.3, high: 0.9} # a narrower range
// Each is a catalog parameter (not run.*), named once; low and high, for numbers only,
// lie in the catalog's range with low < high. Internal to the scenario loader;
// thread-safe (no shared state).
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {

[[nodiscard]] std::vector<LeverSpec> read_levers(const ParameterCatalog& catalog, const std::string& file,
                                                 const MapEntry& entry);

}  // namespace alignsim::sim::detail
