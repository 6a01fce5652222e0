#pragma once
// How much memory one run of the sales-marketing model needs at its peak, estimated
// from its parameters before it starts, so `alignsim run` can refuse work the machine
// cannot hold (sim::PreparedRun::memory_bytes) instead of failing each run with
// std::bad_alloc after seconds.
#include <cstdint>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// Bytes per prospect at the peak: the agent columns (agents.hpp), the first engagement
// thresholds drawn in populate(), the engagement clock's entry (with its buckets'
// growth), the rep ledger's lead state (2 bytes, rep_ledger.hpp), and the calendars and
// response records a prospect's leads add. Measured peak
// RSS at default demand is ~56 bytes per prospect, ~100 at 30 times the default
// innovation rate (tests/models/test_run_memory.cpp checks the estimate against both).
inline constexpr std::uint64_t kPeakBytesPerProspect = 64;

// Thread-safe (pure). Within a factor of 2 of the measured peak resident memory of a
// run, beyond a fixed ~1 MiB (tests/models/test_run_memory.cpp).
[[nodiscard]] std::uint64_t run_memory_bytes(const ModelParameters& p) noexcept;

}  // namespace alignsim::model
