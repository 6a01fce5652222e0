#pragma once
// Prints a sweep's sensitivity tables (experiment/sensitivity_tables.hpp), one per
// output, factors ranked by importance.
#include <cstdio>
#include <vector>

#include "experiment/sensitivity_tables.hpp"

namespace alignsim::cli {

void print_sensitivity(std::FILE* out, const sim::Design& design,
                       const std::vector<experiment::SensitivityTable>& tables);

}  // namespace alignsim::cli
