#pragma once
// What a run flow (variants, sweep, shard) needs from its surroundings beyond the
// scenario: runs that are already known (replayed from a journal, read from shard files)
// and a place to record each finished run durably. The flows feed every run, known or
// computed, through the same writer and statistics in run order, so a resumed or merged
// file is byte-identical to an uninterrupted one.
#include <cstddef>
#include <functional>

#include "sim/run_output.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::experiment {

struct RunHooks {
  sim::RunLookup known;  // may be empty
  // Called in run order, before the run reaches the writer; may be empty.
  std::function<void(std::size_t entry, std::size_t replicate, const sim::RunOutput&)> record;
  bool replace_output = false;  // the writer may replace an existing file of the final name
};

}  // namespace alignsim::experiment
