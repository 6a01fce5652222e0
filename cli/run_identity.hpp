#pragma once
// The identity of a run's results: everything that decides which runs there are and
// what they compute. A journal or shard file is only ever combined with a run of the
// same identity (same resolved scenario, options, alignsim version and revision, shard).
#include <optional>
#include <string>

#include "cli/experiment_options.hpp"
#include "sim/run/shard.hpp"

namespace alignsim::cli {

// Text of "key: value" lines. `shard` nullopt: the whole run list.
[[nodiscard]] std::string run_identity(const LoadedScenario& loaded, const ExperimentOptions& experiment,
                                       const std::optional<sim::ShardSpec>& shard);

// The identity with its "shard:" line removed: equal for all shards of one run.
[[nodiscard]] std::string identity_without_shard(const std::string& identity);

}  // namespace alignsim::cli
