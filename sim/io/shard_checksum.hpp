#pragma once
// Checksums of a shard file (format version 2, docs/output-format.md "Shard files"),
// FNV-1a 64 like the journal (sim/durability/checksum.hpp): one over the file's bytes in
// a 16-byte trailer after the HDF5 data, checked before HDF5 parses anything (HDF5 1.10
// itself crashes or hangs on some malformed files: fuzz_shard_file found both), one over
// the header attributes and one per block of rows, checked on what HDF5 decoded. A shard crosses cluster filesystems and sits on disk
// between the array job and the merge; without them a flipped byte in a summary value
// merged silently, and a flipped bit in compressed series crashed the merge.
//
// Values are hashed by their little-endian bytes, so the sums do not depend on the
// machine that computes them. Thread-safe (pure).
#include <cstddef>
#include <cstdint>
#include <filesystem>
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
  std::vector<double> agents{};  // agent-table values, row by row (empty without agent tables)
};

// Every field of the header and the number of rows stored.
[[nodiscard]] std::uint64_t shard_header_checksum(const ShardHeader& header, std::size_t rows);

// The block's run numbers, values and errors (not its position: the checksum dataset's
// index gives that).
[[nodiscard]] std::uint64_t shard_rows_checksum(const ShardRows& rows);

// Appends the trailer ("alignsim" then the FNV-1a 64 of every byte before it, little
// endian) to a closed HDF5 file; HDF5 ignores bytes past its end of data. Throws
// OutputError if the file cannot be read or extended.
void seal_with_trailer(const std::filesystem::path& file);

// Whether the file ends in a trailer: "" if it matches, else what is wrong ("it has no
// checksum trailer", "its bytes do not match the checksum at its end").
[[nodiscard]] std::string trailer_problem(const std::filesystem::path& file);

}  // namespace alignsim::sim
