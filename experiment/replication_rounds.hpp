#pragma once
// Runs every entry (variant or design point) x replicate, replicate-major, in rounds:
// one round of the initial replicates, and with a --target-ci target further rounds
// (each doubling the replicates so far, up to the maximum) for as long as some entry's
// 95% CI half-width of the target metric is not below the target. The decision after a
// round depends only on the results of the rounds before, which reach the sink in run
// order, so the replicates run and the file written are the same on any thread count.
//
// Entries that already met the target still get a (cheap, not simulated) run record in
// later rounds, marked kSkippedRunError with NaN values, so the writer's blocks stay
// complete and memory bounded.
#include <cstddef>
#include <optional>
#include <string>

#include "experiment/target_ci.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::experiment {

inline constexpr const char* kSkippedRunError = "skipped: this entry already met the --target-ci half-width";
inline constexpr const char* kNotRunError = "not run: adaptive replication stopped before this replicate";

struct RoundsPlan {
  std::size_t entries = 0;
  std::size_t initial_replicates = 0;
  std::size_t summary_size = 0;
  std::size_t series_size = 0;
  std::optional<TargetCi> target;
  sim::RunLookup known;  // runs that need no simulation (journal replay, shard files); may be empty
};

struct RoundsResult {
  std::size_t replicates = 0;  // replicate rows run (the largest count any entry got)
  std::size_t rounds = 0;
  std::size_t failed = 0;      // simulated runs that failed
  std::size_t skipped = 0;     // run records of entries that had already met the target
  std::string first_error;     // the error of the first failed simulated run, in run order; empty if none
  bool target_met = true;      // false if the maximum was reached first
};

RoundsResult run_in_rounds(const RoundsPlan& plan, const sim::RunFunction& run, const sim::RunSink& sink,
                           const sim::RunnerOptions& options);

}  // namespace alignsim::experiment
