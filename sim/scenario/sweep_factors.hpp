#pragma once
// The factors of a design: the `sweep.factors` list (each a catalog parameter with a
// distribution and a range or list of values), the --factor option, and the explicit
// `sweep.points` of a list design. Internal to the scenario loader; thread-safe.
#include <string>
#include <vector>

#include "sim/design/sweep.hpp"
#include "sim/scenario/sweep_reader.hpp"

namespace alignsim::sim::detail {

[[nodiscard]] std::vector<Factor> read_factors(const SweepContext& context, const MapEntry& entry, bool list_design);
// "key=low:high[:dist]" or "key=a,b": the `number`-th --factor option.
[[nodiscard]] Factor read_factor_option(const ParameterCatalog& catalog, const std::string& text, int number);
[[nodiscard]] std::vector<std::vector<double>> read_points(const SweepContext& context, const MapEntry& entry,
                                                           const std::vector<Factor>& factors);

}  // namespace alignsim::sim::detail
