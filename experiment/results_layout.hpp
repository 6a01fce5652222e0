#pragma once
// The shape and provenance of an experiment's results file (sim/io/results_file.hpp),
// derived from the experiment alone, so every way of producing the file (a run, a
// resumed run, a merge of shards, the benchmark) writes the same layout.
#include <cstddef>
#include <vector>

#include "experiment/experiment.hpp"
#include "sim/design/design.hpp"
#include "sim/io/results_file.hpp"

namespace alignsim::experiment {

// Variants x `replicates` (the maximum with adaptive replication); `agent_table_rows`
// are the file's rows of each agent table (RunTable::agent_table_rows).
[[nodiscard]] sim::ResultsLayout variants_layout(const Experiment& experiment, std::size_t replicates,
                                                 const std::vector<std::size_t>& agent_table_rows);
// Design points x `replicates`; the layout reads design points from `design`, which
// must outlive it.
[[nodiscard]] sim::ResultsLayout design_layout(const Experiment& experiment, const sim::Design& design,
                                               std::size_t replicates, const std::vector<std::size_t>& agent_table_rows);
// This build's version and revision, and the resolved scenario.
[[nodiscard]] sim::Provenance provenance_of(const sim::ScenarioSpec& spec);

}  // namespace alignsim::experiment
