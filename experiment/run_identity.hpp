#pragma once
// The identity of a run's results: everything that decides which runs there are and
// what they compute. A journal or shard file is only ever combined with a run of the
// same identity (same resolved scenario, options, alignsim version and revision, shard).
// Stored as text of "key: value" lines (in journals and shard files), so the text form
// is part of the file formats (docs/output-format.md) and must not change.
#include <optional>
#include <string>
#include <string_view>

#include "experiment/experiment.hpp"
#include "sim/run/shard.hpp"

namespace alignsim::experiment {

struct RunIdentity {
  std::string scenario_fnv1a64;  // hash of the resolved scenario text (which holds --set and design options)
  std::string scenario_name;
  std::string target_ci;         // "METRIC=HALFWIDTH max_replicates N", empty without --target-ci
  std::string version;
  std::string git_revision;
  std::string shard = "all";     // "I/N", or "all" for the whole run list

  // This build's identity for `experiment`; `shard` nullopt: the whole run list.
  [[nodiscard]] static RunIdentity of(const Experiment& experiment, const ExperimentOptions& options,
                                      const std::optional<sim::ShardSpec>& shard);
  // Reads text(); unknown lines are ignored, missing ones stay empty.
  [[nodiscard]] static RunIdentity parse(std::string_view text);
  [[nodiscard]] std::string text() const;
  // Equal for all shards of one run.
  [[nodiscard]] RunIdentity without_shard() const;
  bool operator==(const RunIdentity&) const = default;
};

}  // namespace alignsim::experiment
