#include "sim/durability/journal_scan.hpp"

#include <algorithm>
#include <cstring>

#include "sim/durability/atomic_file.hpp"
#include "sim/durability/journal_format.hpp"
#include "sim/durability/run_record.hpp"
#include "sim/errors.hpp"

namespace alignsim::sim {
namespace fs = std::filesystem;
using namespace journal_format;

namespace {

constexpr std::uint64_t kRecordFixedBytes = 8 + 8 + 4 + 4 + 4;  // run_record.hpp
constexpr std::size_t kSearchBlock = 1 << 16;

enum class Found { record, short_of_file, not_a_record };

struct Candidate {
  Found found = Found::not_a_record;
  JournalRecordInfo info;
  std::uint64_t total = 0;  // frame + payload + checksum
};

bool counts_fit(const JournalRecordShape& shape, std::uint32_t length, const std::uint32_t (&counts)[3]) {
  const auto fits = [](std::uint32_t expected, std::uint32_t count) {
    return expected == JournalRecordShape::kAnyCount || count == expected;
  };
  if (!fits(shape.summary_size, counts[0]) || !fits(shape.series_size, counts[1]) ||
      counts[2] > JournalRecordShape::kMaxErrorBytes) {
    return false;
  }
  // The rest of the record holds the agent-table values: none, or the experiment's count.
  const std::uint64_t counted = kRecordFixedBytes + (std::uint64_t{counts[0]} + counts[1]) * sizeof(double) + counts[2];
  if (length == counted) return true;
  if (length < counted || (length - counted) % sizeof(double) != 0) return false;
  return shape.agents_size == JournalRecordShape::kAnyCount ||
         (length - counted) / sizeof(double) == std::uint64_t{shape.agents_size};
}

// Whether a valid record starts at `offset`; `payload` is scratch space.
Candidate record_at(const JournalBytes& read, std::uint64_t offset, std::uint64_t size,
                    const JournalRecordShape& shape, std::string& payload) {
  Candidate c;
  std::uint32_t frame[2] = {0, 0};
  if (size - offset < kFrameBytes) {
    c.found = Found::short_of_file;
    return c;
  }
  if (!read(offset, reinterpret_cast<char*>(frame), kFrameBytes) || frame[0] != kRecordMagic) return c;
  const std::uint32_t length = frame[1];
  if (length < kRecordFixedBytes || length > shape.max_payload()) return c;
  c.total = kFrameBytes + std::uint64_t{length} + kChecksumBytes;
  if (c.total > size - offset) {
    c.found = Found::short_of_file;
    return c;
  }
  // The counts at the payload's start must add up to its length before the rest is
  // read: a garbage candidate then costs a few bytes, not a megabyte, when searching.
  std::uint32_t counts[3] = {0, 0, 0};  // summary, series, error bytes (run_record.hpp)
  if (!read(offset + kFrameBytes + 16, reinterpret_cast<char*>(counts), sizeof counts) ||
      !counts_fit(shape, length, counts)) {
    return c;
  }
  payload.resize(length);
  std::uint64_t checksum = 0;
  if (!read(offset + kFrameBytes, payload.data(), length) ||
      !read(offset + kFrameBytes + length, reinterpret_cast<char*>(&checksum), kChecksumBytes) ||
      checksum != record_checksum(length, payload)) {
    return c;
  }
  try {
    const RunRecord record = decode_run_record(payload);  // the counts were checked above
    c.info = {offset + kFrameBytes, length, record.entry, record.replicate, !record.output.error.empty()};
  } catch (const OutputError&) {
    return c;  // checksum right, contents inconsistent: not a record this build wrote
  }
  c.found = Found::record;
  return c;
}

// The offset of the next valid record after `from`, or `size` if there is none.
std::uint64_t next_record(const JournalBytes& read, std::uint64_t from, std::uint64_t size,
                          const JournalRecordShape& shape, std::string& payload) {
  char magic[4];
  std::memcpy(magic, &kRecordMagic, sizeof magic);
  std::string block;
  for (std::uint64_t at = from; at + sizeof magic <= size;) {
    block.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kSearchBlock, size - at)));
    if (!read(at, block.data(), block.size())) return size;
    for (std::size_t i = 0; i + sizeof magic <= block.size(); ++i) {
      if (std::memcmp(block.data() + i, magic, sizeof magic) == 0 &&
          record_at(read, at + i, size, shape, payload).found == Found::record) {
        return at + i;
      }
    }
    // Overlap by one magic less a byte, so a magic across the block boundary is seen.
    at += block.size() - (sizeof magic - 1);
  }
  return size;
}

}  // namespace

std::uint64_t JournalRecordShape::max_payload() const noexcept {
  if (summary_size == kAnyCount || series_size == kAnyCount || agents_size == kAnyCount) return 0xFFFFFFFFULL;
  return kRecordFixedBytes + (std::uint64_t{summary_size} + series_size + agents_size) * sizeof(double) +
         kMaxErrorBytes;
}

std::string read_journal_identity(const JournalBytes& read, std::uint64_t file_size, const fs::path& path,
                                  std::uint64_t& header_bytes) {
  char magic[sizeof kMagic];
  std::uint32_t length = 0;
  if (!read(0, magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 ||
      !read(sizeof magic, reinterpret_cast<char*>(&length), sizeof length)) {
    throw OutputError("journal " + quoted(path) + " is not an alignsim journal (bad header); delete it or pass --overwrite");
  }
  header_bytes = sizeof magic + sizeof length + std::uint64_t{length} + kChecksumBytes;
  if (length > kMaxIdentityBytes || header_bytes > file_size) {
    throw OutputError("journal " + quoted(path) + " has a damaged header (its length field says " +
                      std::to_string(length) + " bytes); delete it or pass --overwrite");
  }
  std::string identity(length, '\0');
  std::uint64_t checksum = 0;
  if (!read(sizeof magic + sizeof length, identity.data(), length) ||
      !read(sizeof magic + sizeof length + length, reinterpret_cast<char*>(&checksum), sizeof checksum) ||
      checksum != fnv1a64(identity)) {
    throw OutputError("journal " + quoted(path) + " has a damaged header; delete it or pass --overwrite");
  }
  return identity;
}

JournalScan scan_journal_records(const JournalBytes& read, std::uint64_t first_record, std::uint64_t file_size,
                                 const JournalRecordShape& shape,
                                 const std::function<void(const JournalRecordInfo&)>& on_record) {
  JournalScan scan;
  std::string payload;
  std::uint64_t offset = first_record;
  while (offset < file_size) {
    const Candidate c = record_at(read, offset, file_size, shape, payload);
    if (c.found == Found::record) {
      on_record(c.info);
      offset += c.total;
      continue;
    }
    const std::uint64_t next = next_record(read, offset + 1, file_size, shape, payload);
    if (next == file_size) {
      // Nothing valid follows: the tail. A kill mid-write leaves a record cut short.
      scan.tail = c.found == Found::short_of_file ? JournalTail::torn : JournalTail::damaged;
      scan.tail_range = {offset, file_size - offset};
      break;
    }
    scan.skipped.push_back({offset, next - offset});
    offset = next;
  }
  scan.end = scan.tail == JournalTail::none ? offset : scan.tail_range.offset;
  return scan;
}

std::string describe_damage(const JournalScan& scan) {
  std::string text;
  const auto add = [&text](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
  for (const JournalDamage& d : scan.skipped) {
    add("a damaged stretch at byte " + std::to_string(d.offset) + " (" + std::to_string(d.bytes) +
        " bytes) skipped, the records after it kept");
  }
  if (scan.tail == JournalTail::damaged) {
    add("a damaged last record at byte " + std::to_string(scan.tail_range.offset) + " (" +
        std::to_string(scan.tail_range.bytes) + " bytes) cut off");
  }
  return text;
}

}  // namespace alignsim::sim
