#pragma once
// The fully resolved scenario as YAML text: every parameter of the base, each variant's
// overrides, the sweep and (as comments) its first design points. It is stored in every
// results file and reloads to the same scenario, so `alignsim check` prints it and
// `alignsim merge` rebuilds a run from it. Deterministic.
#include <string>

#include "sim/scenario/scenario.hpp"

namespace alignsim::sim::detail {

[[nodiscard]] std::string write_resolved_yaml(const ScenarioSpec& spec);

}  // namespace alignsim::sim::detail
