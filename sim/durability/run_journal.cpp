#include "sim/durability/run_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "sim/durability/atomic_file.hpp"
#include "sim/durability/checksum.hpp"
#include "sim/durability/journal_format.hpp"
#include "sim/errors.hpp"
#include "sim/durability/run_record.hpp"

namespace alignsim::sim {
namespace fs = std::filesystem;
namespace {

using namespace journal_format;

void write_all(int fd, const std::string& bytes, const fs::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw OutputError("cannot write to journal " + quoted(path) + ": " + errno_text(errno));
    done += static_cast<std::size_t>(n);
  }
}

// Reads exactly `size` bytes at `offset`, or returns false at end of file.
bool read_exact(int fd, std::uint64_t offset, char* buffer, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, buffer + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string header_bytes(const std::string& identity) {
  std::string bytes(kMagic, sizeof kMagic);
  const auto length = static_cast<std::uint32_t>(identity.size());
  bytes.append(reinterpret_cast<const char*>(&length), sizeof length);
  bytes += identity;
  const std::uint64_t checksum = fnv1a64(identity);
  bytes.append(reinterpret_cast<const char*>(&checksum), sizeof checksum);
  return bytes;
}

std::string first_difference(const std::string& stored, const std::string& wanted) {
  std::size_t a = 0, b = 0;
  while (a < stored.size() || b < wanted.size()) {
    const std::size_t ea = std::min(stored.find('\n', a), stored.size());
    const std::size_t eb = std::min(wanted.find('\n', b), wanted.size());
    const std::string line_a = stored.substr(a, ea - a), line_b = wanted.substr(b, eb - b);
    if (line_a != line_b) return "journal has '" + line_a + "', this run has '" + line_b + "'";
    a = ea + 1;
    b = eb + 1;
  }
  return "identical";
}

int open_or_throw(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd < 0) throw OutputError("cannot open journal " + quoted(path) + ": " + errno_text(errno));
  return fd;
}

}  // namespace

RunJournal::RunJournal(fs::path path, int fd, std::chrono::milliseconds sync_interval)
    : path_(std::move(path)), fd_(fd), sync_interval_(sync_interval), last_sync_(std::chrono::steady_clock::now()) {}

RunJournal::RunJournal(RunJournal&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      end_(other.end_),
      sync_interval_(other.sync_interval_),
      last_sync_(other.last_sync_),
      unsynced_(other.unsynced_),
      index_(std::move(other.index_)),
      at_open_(other.at_open_) {}

RunJournal& RunJournal::operator=(RunJournal&& other) noexcept {
  if (this != &other) {
    close();
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    end_ = other.end_;
    sync_interval_ = other.sync_interval_;
    last_sync_ = other.last_sync_;
    unsynced_ = other.unsynced_;
    index_ = std::move(other.index_);
    at_open_ = other.at_open_;
  }
  return *this;
}

RunJournal::~RunJournal() { close(); }

void RunJournal::close() noexcept {
  if (fd_ < 0) return;
  if (unsynced_) static_cast<void>(::fdatasync(fd_));
  ::close(std::exchange(fd_, -1));
}

RunJournal RunJournal::create(const fs::path& path, const std::string& identity,
                              std::chrono::milliseconds sync_interval) {
  // Exclusive, no-follow and unpredictably named: a link planted at a temporary's name
  // is never followed. Named after the journal, so the output's clean-up of stale
  // temporaries (experiment/durable_output.cpp) finds one a kill left here.
  const CreatedTemporary created = create_temporary(path, "journal-");
  const fs::path& temporary = created.path;
  TemporaryFileGuard guard(temporary);
  RunJournal journal(path, created.fd, sync_interval);
  const std::string header = header_bytes(identity);
  write_all(created.fd, header, temporary);
  journal.end_ = header.size();
  journal.unsynced_ = true;
  journal.sync();
  try {
    check_replaceable(path);
  } catch (const OutputError& e) {
    throw OutputError("journal " + quoted(path) + ": " + e.what());
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    throw OutputError("cannot create journal " + quoted(path) + ": " + errno_text(errno));
  }
  guard.release();
  fsync_path(directory_of(path), true);
  return journal;
}

RunJournal RunJournal::open_existing(const fs::path& path, const std::string& identity,
                                     std::chrono::milliseconds sync_interval, const JournalRecordShape& shape) {
  RunJournal journal(path, open_or_throw(path, O_RDWR), sync_interval);
  const off_t size = ::lseek(journal.fd_, 0, SEEK_END);
  if (size < 0) throw OutputError("cannot read journal " + quoted(path) + ": " + errno_text(errno));
  const int fd = journal.fd_;
  const JournalBytes read = [fd](std::uint64_t offset, char* buffer, std::size_t bytes) {
    return read_exact(fd, offset, buffer, bytes);
  };
  std::uint64_t header = 0;
  const std::string stored = read_journal_identity(read, static_cast<std::uint64_t>(size), path, header);
  if (stored != identity) {
    throw UsageError("journal " + quoted(path) + " belongs to another scenario, option set or alignsim revision (" +
                     first_difference(stored, identity) +
                     "); rerun with the original scenario and options, or pass --overwrite instead of --resume to "
                     "start over");
  }
  journal.load_records(read, header, static_cast<std::uint64_t>(size), shape);
  return journal;
}

// Indexes every valid record. A torn or damaged tail is cut off; damage in the middle is
// skipped and left in place, and the records after it are kept (journal_scan.hpp).
void RunJournal::load_records(const JournalBytes& read, std::uint64_t offset, std::uint64_t size,
                              const JournalRecordShape& shape) {
  at_open_.scan = scan_journal_records(read, offset, size, shape, [this](const JournalRecordInfo& record) {
    const std::pair<std::size_t, std::size_t> key{record.entry, record.replicate};
    if (!record.failed) {
      index_[key] = {record.payload_offset, record.length};
    } else if (index_.count(key) == 0) {
      ++at_open_.failed;
    }
  });
  at_open_.completed = index_.size();
  end_ = at_open_.scan.end;
  if (end_ < size && ::ftruncate(fd_, static_cast<off_t>(end_)) != 0) {
    throw OutputError("cannot cut the torn end off journal " + quoted(path_) + ": " + errno_text(errno));
  }
  if (::lseek(fd_, static_cast<off_t>(end_), SEEK_SET) < 0) {
    throw OutputError("cannot seek in journal " + quoted(path_) + ": " + errno_text(errno));
  }
}

std::optional<RunOutput> RunJournal::completed(std::size_t entry, std::size_t replicate) const {
  const auto found = index_.find({entry, replicate});
  if (found == index_.end()) return std::nullopt;
  std::string payload(found->second.length, '\0');
  if (!read_exact(fd_, found->second.offset, payload.data(), payload.size())) {
    throw OutputError("cannot read back a run from journal " + quoted(path_));
  }
  return decode_run_record(payload).output;
}

void RunJournal::record(std::size_t entry, std::size_t replicate, const RunOutput& output) {
  if (index_.count({entry, replicate}) != 0) return;  // replayed, already on disk
  const std::string payload = encode_run_record(entry, replicate, output);
  const auto length = static_cast<std::uint32_t>(payload.size());
  const std::uint64_t checksum = record_checksum(length, payload);
  std::string bytes;
  bytes.reserve(kFrameBytes + payload.size() + kChecksumBytes);
  bytes.append(reinterpret_cast<const char*>(&kRecordMagic), 4);
  bytes.append(reinterpret_cast<const char*>(&length), 4);
  bytes += payload;
  bytes.append(reinterpret_cast<const char*>(&checksum), kChecksumBytes);
  try {
    write_all(fd_, bytes, path_);
  } catch (...) {
    // Keep the file ending in whole records where possible: drop the partial one.
    static_cast<void>(::ftruncate(fd_, static_cast<off_t>(end_)));
    static_cast<void>(::lseek(fd_, static_cast<off_t>(end_), SEEK_SET));
    throw;
  }
  end_ += bytes.size();
  unsynced_ = true;
  if (std::chrono::steady_clock::now() - last_sync_ >= sync_interval_) sync();
}

void RunJournal::sync() {
  if (!unsynced_) return;
  if (::fdatasync(fd_) != 0) throw OutputError("cannot sync journal " + quoted(path_) + ": " + errno_text(errno));
  unsynced_ = false;
  last_sync_ = std::chrono::steady_clock::now();
}

void RunJournal::remove() {
  close();
  std::error_code ignored;
  fs::remove(path_, ignored);
}

}  // namespace alignsim::sim
