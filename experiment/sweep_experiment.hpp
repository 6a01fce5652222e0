#pragma once
// An experiment over a design (a scenario's sweep): every design point x replicate is a
// run, replicate-major; the results file gets /design, /summary and /timeseries over
// [point, replicate (, period)], per-point /statistics streamed back from the file, and
// /sensitivity.
#include <vector>

#include "experiment/replication_rounds.hpp"
#include "experiment/run_request.hpp"
#include "experiment/sensitivity_tables.hpp"

namespace alignsim::experiment {

struct SweepResults {
  std::vector<SensitivityTable> sensitivity;  // one per analysed output
  RoundsResult rounds;
  std::size_t points = 0;
  [[nodiscard]] std::size_t total_runs() const noexcept { return points * rounds.replicates; }
};

// Runs every design point, writes and commits the results file. Throws OutputError if
// the file cannot be written; failed runs are counted in rounds.failed, not thrown.
[[nodiscard]] SweepResults run_sweep(const RunRequest& request);

}  // namespace alignsim::experiment
