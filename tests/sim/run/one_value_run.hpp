#pragma once
// A run output with one summary value and no series: the smallest run a runner test needs.
#include "sim/run_output.hpp"

namespace alignsim::sim::testing {

inline RunOutput one_value(double value) {
  RunOutput out;
  out.summary = {value};
  return out;
}

}  // namespace alignsim::sim::testing
