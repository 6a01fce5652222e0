#pragma once
// The table of observed patterns against a results file (docs/patterns.md): pattern,
// source, observed with its band, simulated with its 95% Monte-Carlo interval, n,
// implausibility and inside/outside. Printed by `alignsim patterns check` and
// `alignsim validate`.
#include <cstddef>

#include "experiment/pattern_check.hpp"

namespace alignsim::cli {

// Prints the table and the count inside to stdout; returns how many patterns are inside.
std::size_t print_pattern_table(const experiment::PatternSet& patterns, const sim::ResultsReader& results, double cutoff);

}  // namespace alignsim::cli
