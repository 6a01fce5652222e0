#pragma once
// Per-point statistics of a sweep, streamed from the results file rather than held in
// memory: blocks of design points are read back (all replicates of every summary metric),
// summarised with sim::RunningMoments in replicate order, and written to /statistics
// [point, statistic]. Memory is one block, whatever the number of points.
#include <cstddef>
#include <vector>

#include "sim/run_output.hpp"
#include "sim/io/results_file.hpp"

namespace alignsim::experiment {

// Call after results.finish_runs(). Returns, for each metric index in `outputs`, the mean
// over replicates at every point (what the sensitivity analysis uses), [output][point].
[[nodiscard]] std::vector<std::vector<double>> write_point_statistics(sim::ResultsFile& results,
                                                                      const std::vector<sim::MetricSpec>& metrics,
                                                                      std::size_t points, std::size_t replicates,
                                                                      const std::vector<std::size_t>& outputs);

}  // namespace alignsim::experiment
