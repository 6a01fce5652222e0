#pragma once
// Checksums of a shard file (format version 2, docs/output-format.md "Shard files"):
// one over the header attributes and one per block of rows, FNV-1a 64 like the journal
// (sim/durability/checksum.hpp). A shard crosses cluster filesystems and sits on disk
// between the array job and the merge; without them a flipped byte in a summary value
// merged silently, and a flipped bit in compressed series crashed the merge.
//
// Values are hashed by their little-endian bytes, so the sums do not depend on the
// machine that computes them. Thread-safe (pure).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace alignsim::sim {

struct ShardHeader;

// Rows of a block in memory: run numbers, values row by row, error texts.
struct ShardRows {
  std::size_t first = 0;  // row of the first run in the block
  std::size_t count = 0;
  std::vector<std::int64_t> runs;
  std::vector<double> summary;
  std::vector<double> series;
  std::vector<std::string> errors;
};

// Every field of the header and the number of rows stored.
[[nodiscard]] std::uint64_t shard_header_checksum(const ShardHeader& header, std::size_t rows);

// The block's run numbers, values and errors (not its position: the checksum dataset's
// index gives that).
[[nodiscard]] std::uint64_t shard_rows_checksum(const ShardRows& rows);

}  // namespace alignsim::sim
