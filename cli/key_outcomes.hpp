#pragma once
// The rows of the terminal report of `alignsim run` (and merge): the sales model's
// executive summary, or every summary metric of any other model.
#include <vector>

#include "cli/outcome_table.hpp"
#include "experiment/experiment.hpp"

namespace alignsim::cli {

[[nodiscard]] std::vector<KeyOutcome> key_outcomes(const experiment::Experiment& loaded);

}  // namespace alignsim::cli
