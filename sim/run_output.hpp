#pragma once
// What one run produces, described generically so the runner, statistics and the
// results writer need not know the model.
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace alignsim::sim {

struct MetricSpec {
  std::string name;     // dataset name, snake_case
  std::string unit;     // e.g. "leads", "hours", "USD", "1" for ratios
  std::string meaning;  // one line, written as the HDF5 long_name attribute
  // The range every value lies in (e.g. 0 and 1 for a share). Confidence intervals of
  // the mean are clipped to it: a t interval of a share can reach below 0 with few
  // replicates, and the true mean cannot.
  double lowest = -std::numeric_limits<double>::infinity();
  double highest = std::numeric_limits<double>::infinity();
};

struct OutputLayout {
  std::vector<MetricSpec> summary;  // one value per run
  std::vector<MetricSpec> series;   // one value per run and reporting period
};

// One run's results. summary[m]; series[m * periods + p]. Non-finite values are NaN
// by convention (e.g. a median with no responses).
struct RunOutput {
  std::vector<double> summary;
  std::vector<double> series;
  std::string error;  // non-empty when the run failed; values are then NaN
};

}  // namespace alignsim::sim
