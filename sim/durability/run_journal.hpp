#pragma once
// The run journal: an append-only file next to the output (".NAME.journal") that records
// every finished run as it reaches the writer, so a killed sweep loses nothing finished.
//
// File: a header (magic, the identity text, a checksum), then one record per run:
// u32 magic, u32 payload length, payload (sim/run_record.hpp), u64 FNV-1a checksum of
// length and payload. A record is written with one write(); a process killed mid-write
// leaves at most one torn record at the end, which open_existing() detects by its length
// and cuts off; damage elsewhere is skipped and reported (journal_scan.hpp). write() puts a record in the page cache, which survives the
// process being killed; fdatasync() (batched, see sync_interval) makes it survive the
// machine going down too. docs/output-format.md measures the cost.
//
// Thread safety: completed() may be called from any thread, also while record() runs;
// record(), sync() and remove() from one thread at a time.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "sim/durability/journal_scan.hpp"
#include "sim/run_output.hpp"

namespace alignsim::sim {

struct JournalContents {
  std::size_t completed = 0;   // successful runs that need no recomputation
  std::size_t failed = 0;      // failed runs (retried, not replayed)
  JournalScan scan;            // what was skipped or cut off
};

class RunJournal {
 public:
  // Creates `path` (replacing a regular file there) holding just the header; the header
  // is written to a temporary (sim/durability/atomic_file.hpp: exclusive, no-follow,
  // unpredictable name), fsync'd and renamed, so a journal is never half-created.
  // Throws OutputError, also for a link, device or FIFO at `path`.
  static RunJournal create(const std::filesystem::path& path, const std::string& identity,
                           std::chrono::milliseconds sync_interval);
  // Opens an existing journal to continue it. Throws UsageError if its identity differs
  // from `identity` (the message names the first differing line), OutputError if its
  // header cannot be read. Records not of `shape` count as damage. Cuts off a torn or
  // damaged tail; skips damage in the middle and keeps the records after it.
  static RunJournal open_existing(const std::filesystem::path& path, const std::string& identity,
                                  std::chrono::milliseconds sync_interval, const JournalRecordShape& shape = {});

  RunJournal(RunJournal&&) noexcept;
  RunJournal& operator=(RunJournal&&) noexcept;
  RunJournal(const RunJournal&) = delete;
  RunJournal& operator=(const RunJournal&) = delete;
  // Syncs what was recorded and closes; keeps the file. Never throws.
  ~RunJournal();

  // A successful run the journal held when it was opened, else nullopt. Runs recorded
  // since are not looked up again: each run is computed at most once per process.
  [[nodiscard]] std::optional<RunOutput> completed(std::size_t entry, std::size_t replicate) const;
  // Appends a run unless the journal already holds it as completed. Throws OutputError
  // (disk full, I/O error); the journal then still ends in whole records or a torn tail.
  void record(std::size_t entry, std::size_t replicate, const RunOutput& output);
  // fdatasync now. Throws OutputError.
  void sync();
  // Closes and deletes the file (after the results are safely published).
  void remove();

  [[nodiscard]] const JournalContents& contents_at_open() const noexcept { return at_open_; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  struct Location {
    std::uint64_t offset = 0;  // of the payload
    std::uint32_t length = 0;
  };
  struct KeyHash {
    std::size_t operator()(const std::pair<std::size_t, std::size_t>& key) const noexcept {
      return std::hash<std::size_t>()(key.first * 0x9E3779B97F4A7C15ULL ^ key.second);
    }
  };

  RunJournal(std::filesystem::path path, int fd, std::chrono::milliseconds sync_interval);
  void load_records(const JournalBytes& read, std::uint64_t offset, std::uint64_t size,
                    const JournalRecordShape& shape);
  void close() noexcept;

  std::filesystem::path path_;
  int fd_ = -1;
  std::uint64_t end_ = 0;  // where the next record goes
  std::chrono::milliseconds sync_interval_{0};
  std::chrono::steady_clock::time_point last_sync_;
  bool unsynced_ = false;
  // Successful runs at open; never modified afterwards, so completed() needs no lock.
  std::unordered_map<std::pair<std::size_t, std::size_t>, Location, KeyHash> index_;
  JournalContents at_open_;
};

}  // namespace alignsim::sim
