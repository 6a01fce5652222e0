#pragma once
// The adaptive replication target of --target-ci METRIC=HALFWIDTH: add replicates in
// rounds until every entry's 95% CI half-width of METRIC is below HALFWIDTH.
#include <cstddef>
#include <optional>

#include "experiment/experiment.hpp"
#include "sim/run_output.hpp"

namespace alignsim::experiment {

struct TargetCi {
  std::size_t metric = 0;  // index into the summary metrics
  double half_width = 0.0;
  std::size_t max_replicates = 0;
};

// nullopt without --target-ci; throws UsageError for a malformed or unknown target.
[[nodiscard]] std::optional<TargetCi> parse_target_ci(const ExperimentOptions& options, const sim::OutputLayout& outputs,
                                                      std::size_t initial_replicates);

}  // namespace alignsim::experiment
