#pragma once
// From a unit value u in [0, 1] to a factor's value, by the inverse cumulative
// distribution of the factor's distribution, and from a factor value to the parameter
// value a run sees. Written here (not <random>) so every platform gives the same design.
// Thread-safe: pure functions.
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/design/sweep.hpp"

namespace alignsim::sim {

// The factor value at unit value u (clamped to [0, 1]). Reals and integers are returned
// in the parameter's unit; a categorical factor returns the index of its choice.
[[nodiscard]] double factor_value_from_unit(const Factor& factor, double u) noexcept;

// The parameter value for a factor value (integers rounded, choice index -> word).
[[nodiscard]] ParameterValue parameter_value_of(const Factor& factor, double value);

// The factor value of a parameter value (inverse of parameter_value_of), e.g. the base
// scenario's value of a factor for a one-at-a-time design. A choice not among the
// factor's choices gives -1.
[[nodiscard]] double factor_value_of(const Factor& factor, const ParameterValue& value);

// `base` with every factor set to its value in `values` (factor order).
[[nodiscard]] Settings settings_at(const Settings& base, const std::vector<Factor>& factors,
                                   const std::vector<double>& values);

// Standard normal cumulative distribution. Thread-safe (pure).
[[nodiscard]] double normal_cdf(double x) noexcept;

}  // namespace alignsim::sim
