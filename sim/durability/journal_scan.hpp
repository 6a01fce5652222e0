#pragma once
// Reading a run journal (format in run_journal.hpp) from any source of bytes: the file,
// or memory in tests and the fuzz target. Nothing is allocated before its length is
// checked against what the file can hold and what a record of this experiment can be.
//
// What a damaged journal means, and what resume does about it (docs/reproducibility.md):
//   - a torn tail: the last record is cut short (a kill during its write). It is cut off.
//   - a damaged tail: the last record is whole in length but fails its checksum, or
//     garbage follows the last good record. It is cut off too, and reported as damage.
//   - damage in the middle: a stretch that is not a valid record, with valid records
//     after it. The stretch is skipped (left in place, reported with its offset and
//     length); every record after it is kept, and only the runs lost in it are computed
//     again. Records are found again by their magic number and checksum.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace alignsim::sim {

// Reads exactly `size` bytes at `offset` into `buffer`; false if the source ends first.
using JournalBytes = std::function<bool(std::uint64_t offset, char* buffer, std::size_t size)>;

// What every record of this experiment looks like; a record with other counts is damage.
// A count of kAnyCount accepts any (then only the file size bounds a record).
struct JournalRecordShape {
  static constexpr std::uint32_t kAnyCount = 0xFFFFFFFFU;
  std::uint32_t summary_size = kAnyCount;
  std::uint32_t series_size = kAnyCount;
  // Agent-table values a successful run carries (a failed one carries none); kAnyCount
  // accepts any number.
  std::uint32_t agents_size = 0;
  // Bound on a failed run's error text: longer means the length field is garbage.
  static constexpr std::uint32_t kMaxErrorBytes = 1U << 20;

  // The largest payload such a record can have, in bytes.
  [[nodiscard]] std::uint64_t max_payload() const noexcept;
};

struct JournalRecordInfo {
  std::uint64_t payload_offset = 0;
  std::uint32_t length = 0;  // payload bytes
  std::uint64_t entry = 0;
  std::uint64_t replicate = 0;
  bool failed = false;
};

struct JournalDamage {
  std::uint64_t offset = 0;  // from the start of the file
  std::uint64_t bytes = 0;
};

enum class JournalTail { none, torn, damaged };

struct JournalScan {
  std::vector<JournalDamage> skipped;  // damage in the middle, in file order
  JournalTail tail = JournalTail::none;
  JournalDamage tail_range;            // the tail to cut off (tail != none)
  std::uint64_t end = 0;               // end of the last whole record: where the next goes
};

// The identity text of the header, whose size is returned in `header_bytes`. Throws
// OutputError naming `path` if the header is not an alignsim journal header or damaged.
[[nodiscard]] std::string read_journal_identity(const JournalBytes& read, std::uint64_t file_size,
                                                const std::filesystem::path& path, std::uint64_t& header_bytes);

// Calls `on_record` for every valid record from `first_record` (just past the header) to
// `file_size`, in file order, and says what was skipped or is to be cut off. Never
// throws for damage; rethrows what `on_record` throws.
JournalScan scan_journal_records(const JournalBytes& read, std::uint64_t first_record, std::uint64_t file_size,
                                 const JournalRecordShape& shape,
                                 const std::function<void(const JournalRecordInfo&)>& on_record);

// "a damaged stretch at byte 1234 (56 bytes)" and the like, for messages. Thread-safe.
[[nodiscard]] std::string describe_damage(const JournalScan& scan);

}  // namespace alignsim::sim
