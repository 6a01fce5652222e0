#pragma once
// The levers the page offers: the scenario's `levers:` section, or without one the
// parameters its variants change and then those its files set (run.* never), so a
// what-if scenario opens with its own moves as sliders. Ranges, units and meanings
// come from the parameter catalog. Pure functions; thread-safe.
#include <string>
#include <vector>

#include "experiment/experiment.hpp"

namespace alignsim::explorer {

struct Lever {
  const sim::ParameterSpec* parameter = nullptr;  // in the model's catalog; never null
  double low = 0;   // numbers: the slider's range, within the catalog's
  double high = 0;
  double step = 0;  // numbers: 1 for integers, about a hundredth of the range (1, 2 or 5 x 10^k) for reals
  sim::ParameterValue base;  // the base scenario's value
};

// At most this many default levers, so a page without a `levers:` section stays readable.
inline constexpr std::size_t kMaxDefaultLevers = 12;

[[nodiscard]] std::vector<Lever> levers_of(const experiment::Experiment& experiment);

}  // namespace alignsim::explorer
