// The journal reader's fuzz entry point (tests/fuzz/fuzz_inputs.hpp).
#include <cstring>
#include <stdexcept>
#include <string>

#include "sim/durability/journal_scan.hpp"
#include "sim/durability/run_record.hpp"
#include "sim/errors.hpp"
#include "tests/fuzz/fuzz_inputs.hpp"

namespace alignsim::fuzz {
namespace {

// A broken invariant is a finding: throw something the entry point does not swallow.
void require(bool holds, const char* what) {
  if (!holds) throw std::logic_error(std::string("journal reader invariant broken: ") + what);
}

void scan_with(const sim::JournalBytes& read, std::string_view bytes, std::uint64_t header,
               const sim::JournalRecordShape& shape) {
  std::uint64_t covered = header;  // everything before this is accounted for
  const auto on_record = [&](const sim::JournalRecordInfo& record) {
    const std::uint64_t frame = record.payload_offset - 8;
    require(frame >= covered && record.payload_offset + record.length + 8 <= bytes.size(), "record inside the file");
    covered = record.payload_offset + record.length + 8;
    const sim::RunRecord decoded = sim::decode_run_record(bytes.substr(record.payload_offset, record.length));
    require(decoded.entry == record.entry && decoded.replicate == record.replicate, "record key as decoded");
    require(decoded.output.error.empty() != record.failed, "failed flag as decoded");
  };
  const sim::JournalScan scan = sim::scan_journal_records(read, header, bytes.size(), shape, on_record);
  for (const sim::JournalDamage& d : scan.skipped) {
    require(d.offset >= header && d.bytes > 0 && d.offset + d.bytes <= bytes.size(), "skipped stretch inside");
  }
  require(scan.end >= header && scan.end <= bytes.size(), "end inside the file");
  require(covered <= scan.end, "records before the end");
  require((scan.tail == sim::JournalTail::none) == (scan.end == bytes.size()), "a tail exactly when bytes remain");
  if (scan.tail != sim::JournalTail::none) {
    require(scan.tail_range.offset == scan.end && scan.tail_range.offset + scan.tail_range.bytes == bytes.size(),
            "the tail runs to the end");
  }
  static_cast<void>(sim::describe_damage(scan));
}

}  // namespace

void read_journal_bytes(std::string_view bytes) {
  const sim::JournalBytes read = [bytes](std::uint64_t offset, char* buffer, std::size_t size) {
    if (offset > bytes.size() || size > bytes.size() - offset) return false;
    if (size > 0) std::memcpy(buffer, bytes.data() + offset, size);
    return true;
  };
  std::uint64_t header = 0;
  try {
    static_cast<void>(sim::read_journal_identity(read, bytes.size(), "fuzz.journal", header));
  } catch (const OutputError&) {
    return;  // a bad header: refused with a message, the expected outcome
  }
  scan_with(read, bytes, header, sim::JournalRecordShape{});
  scan_with(read, bytes, header, sim::JournalRecordShape{2, 3});
}

}  // namespace alignsim::fuzz
