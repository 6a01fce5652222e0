#pragma once
// --set key.path=value overrides: each a catalog parameter, its value read as the same
// text in a file would be, its position reported as "<command line>:N:COL" (N the
// 1-based position among the --set options). Internal to the scenario loader.
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"

namespace alignsim::sim::detail {

inline constexpr const char* kCommandLineFile = "<command line>";

// The overrides in order; a later --set of the same key wins.
[[nodiscard]] Settings read_command_line(const std::vector<std::string>& overrides, const ParameterCatalog& catalog);

}  // namespace alignsim::sim::detail
