#pragma once
// An experiment over the scenario's variants: every variant x replicate is a run,
// replicate-major; the results file gets /variants, /summary, /timeseries, /runs,
// /statistics and /paired_differences. The caller prints what it wants from the
// returned statistics (cli/outcome_table.hpp).
#include <cstddef>
#include <optional>

#include "experiment/ensemble_effects.hpp"
#include "experiment/replication_rounds.hpp"
#include "experiment/run_request.hpp"
#include "experiment/variant_statistics.hpp"

namespace alignsim::experiment {

struct VariantResults {
  std::vector<std::string> variant_names;
  VariantStatistics statistics;
  std::optional<EnsembleEffects> ensemble_effects;  // over an ensemble only
  RoundsResult rounds;
  // Wall seconds the writer thread spent in results-file calls (the ordered stage the
  // runs wait on), and CPU seconds of background compression; for the benchmark.
  double writer_seconds = 0.0;
  double compression_seconds = 0.0;
  [[nodiscard]] std::size_t total_runs() const noexcept { return variant_names.size() * rounds.replicates; }
};

// Runs every variant, writes and commits the results file. Throws OutputError if the
// file cannot be written; failed runs are counted in rounds.failed, not thrown.
[[nodiscard]] VariantResults run_variants(const RunRequest& request);

}  // namespace alignsim::experiment
