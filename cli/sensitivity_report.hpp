#pragma once
// The sensitivity analysis of a finished sweep: Sobol indices (saltelli designs), Morris
// measures (morris designs) or Spearman rank correlations (every other design), computed
// from the per-point means of the output metrics, printed as a table ranked by
// importance and written to /sensitivity [factor, statistic] (one dataset per output).
#include <cstdint>
#include <cstdio>
#include <vector>

#include "sim/design/design.hpp"
#include "sim/run_output.hpp"
#include "sim/io/results_file.hpp"

namespace alignsim::cli {

// means[o][point]: the mean over replicates of outputs[o] at each design point.
void report_sensitivity(std::FILE* out, sim::ResultsFile& results, const sim::Design& design,
                        const std::vector<sim::MetricSpec>& outputs, const std::vector<std::vector<double>>& means,
                        std::uint64_t seed);

}  // namespace alignsim::cli
