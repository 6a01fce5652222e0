#pragma once
// One run's results as bytes: what the journal stores and what MPI ranks send to rank 0.
// Values are copied bit for bit (NaN payloads included), so a replayed run reaches the
// writer exactly as it was computed. Byte order is the machine's own: journals and
// messages are read by the same build (the journal header names its revision) on the
// same architecture.
//
// Layout: u64 entry, u64 replicate, u32 summary count, u32 series count, u32 error
// length, then the summary doubles, the series doubles, the error text and, filling the
// rest of the record, the agent-table doubles (none for a failed run or a model without
// agent tables, so such records are as they were before agent tables existed).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/run_output.hpp"

namespace alignsim::sim {

struct RunRecord {
  std::uint64_t entry = 0;  // variant or design point
  std::uint64_t replicate = 0;
  RunOutput output;
};

// Thread-safe (pure).
[[nodiscard]] std::string encode_run_record(std::uint64_t entry, std::uint64_t replicate, const RunOutput& output);
// Throws OutputError if the bytes are not exactly one record.
[[nodiscard]] RunRecord decode_run_record(std::string_view bytes);

}  // namespace alignsim::sim
