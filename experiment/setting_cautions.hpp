#pragma once
// Valid settings outside the model's calibrated range (the model's cautions, e.g.
// models/calibration_cautions.hpp), located in the scenario. They never stop a run: the
// scenario may mean exactly that; check, run and compare print them as warnings.
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/run_table.hpp"

namespace alignsim::experiment {

struct LocatedCaution {
  std::string message;  // "FILE:LINE:COL: KEY: TEXT"
  std::string variant;  // empty for the base scenario
};

// One per distinct caution, over the base and every variant, in variant order.
[[nodiscard]] std::vector<LocatedCaution> setting_cautions(const Experiment& experiment, const RunTable& runs);

}  // namespace alignsim::experiment
