#pragma once
// The sensitivity analysis of a finished sweep: Sobol indices (saltelli designs), Morris
// measures (morris designs) or Spearman rank correlations (every other design), computed
// from the per-point means of the output metrics and written to /sensitivity [factor,
// statistic] (one dataset per output). cli/sensitivity_report.hpp prints them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/design/design.hpp"
#include "sim/io/results_file.hpp"
#include "sim/run_output.hpp"

namespace alignsim::experiment {

// One output's table: values[factor][column]; rank_by is the column that orders the
// factors by importance (by absolute value).
struct SensitivityTable {
  sim::MetricSpec output;
  std::vector<std::string> columns;
  std::vector<std::vector<double>> values;
  std::size_t rank_by = 0;
};

// means[o][point]: the mean over replicates of outputs[o] at each design point.
[[nodiscard]] std::vector<SensitivityTable> sensitivity_tables(const sim::Design& design,
                                                               const std::vector<sim::MetricSpec>& outputs,
                                                               const std::vector<std::vector<double>>& means,
                                                               std::uint64_t seed);

void write_sensitivity(sim::ResultsFile& results, const sim::Design& design,
                       const std::vector<SensitivityTable>& tables);

}  // namespace alignsim::experiment
