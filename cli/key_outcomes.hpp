#pragma once
// The rows of the terminal report of `alignsim run` (and merge): the sales model's
// executive summary, or every summary metric of any other model. Defined in
// run_command.cpp, next to the command whose output they are.
#include <vector>

#include "cli/experiment_options.hpp"
#include "cli/outcome_table.hpp"

namespace alignsim::cli {

[[nodiscard]] std::vector<KeyOutcome> key_outcomes(const LoadedScenario& loaded);

}  // namespace alignsim::cli
