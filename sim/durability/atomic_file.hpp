#pragma once
// Publishing a file atomically: write it under a hidden temporary name in the destination
// directory, fsync it, then move it into place and fsync the directory. Shared by the
// results writer and the shard writer, so both refuse, clean up and publish alike.
//
// Thread safety: the functions are thread-safe; a TemporaryFileGuard belongs to one owner.
#include <filesystem>
#include <string>

namespace alignsim::sim {

// "'PATH'", for messages.
[[nodiscard]] std::string quoted(const std::filesystem::path& path);
// strerror-like text for an errno value.
[[nodiscard]] std::string errno_text(int error);
// The directory a file goes into ("." for a bare file name).
[[nodiscard]] std::filesystem::path directory_of(const std::filesystem::path& file);

// Everything that can be checked before touching the disk, so a refusal leaves no trace.
// Throws OutputError: not a file name, directory missing or not writable, a link,
// device, FIFO, socket or directory of that name (check_replaceable), or (without
// overwrite) an existing file. Whether an existing file is alignsim's to replace is
// decided above this layer (sim/io/alignsim_file.hpp, experiment/durable_output.hpp).
void check_destination(const std::filesystem::path& final_path, bool overwrite);

// Refuses (OutputError, naming what is there) a path that must never be replaced or
// followed: a symbolic link, a device, FIFO, socket or directory. Returns whether a
// regular file is there. Looks with lstat(), so a link is seen, not its target.
bool check_replaceable(const std::filesystem::path& path);

// For text files alignsim writes (ensembles, run banks): refuses (OutputError) to replace
// a regular file at `path` whose first line does not start with `marker`; `what` names
// the kind of file in the message. Links and devices are refused as check_replaceable.
void refuse_unless_first_line_starts(const std::filesystem::path& path, const std::string& marker,
                                     const std::string& what);

// Publishes `text` at `path` atomically (temporary, fsync, rename) as a text file alignsim
// owns: refused (OutputError) when `path` holds a file whose first line does not start
// with `marker` (refuse_unless_first_line_starts). `text` should start with the marker.
void publish_text_file(const std::filesystem::path& path, const std::string& text, const std::string& marker,
                       const std::string& what);

// A new, empty temporary file for final_path, and its open descriptor (the caller closes it).
struct CreatedTemporary {
  std::filesystem::path path;
  int fd = -1;
};

// Creates ".NAME.tmp-KIND<16 random hex digits>" next to final_path: hidden, on the same
// filesystem (so the final rename is atomic), named unpredictably (getrandom), and made
// with O_CREAT|O_EXCL|O_NOFOLLOW, so a file or link planted at the name is never
// followed, truncated or reused. Every temporary alignsim makes for NAME starts with
// ".NAME.tmp-", so remove_stale_temporaries() finds them all. Throws OutputError.
[[nodiscard]] CreatedTemporary create_temporary(const std::filesystem::path& final_path, const std::string& kind = "");
// create_temporary(), closed: for a writer that reopens the name (HDF5's H5Fcreate). The
// file is ours, so reopening it follows no planted link (in a sticky directory such as
// /tmp nobody else may replace it).
[[nodiscard]] std::filesystem::path temporary_path_for(const std::filesystem::path& final_path,
                                                       const std::string& kind = "");

// Deletes every ".NAME.tmp-*" next to final_path (left by a killed process). Call only
// while holding the output lock (sim/output_lock.hpp), so no live writer owns them.
// Returns how many were removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& final_path);

// fsync a file or a directory; throws OutputError (a directory that cannot be synced,
// EINVAL on some filesystems, is accepted).
void fsync_path(const std::filesystem::path& path, bool is_directory);

// Moves the finished temporary into place atomically. Without overwrite, link() fails if
// the name was taken meanwhile, where rename() would silently replace it; with overwrite
// check_replaceable() runs again first.
void publish(const std::filesystem::path& temporary, const std::filesystem::path& final_path, bool overwrite);

// Deletes the temporary file unless released, so every early exit cleans up.
class TemporaryFileGuard {
 public:
  explicit TemporaryFileGuard(std::filesystem::path path) : path_(std::move(path)) {}
  ~TemporaryFileGuard();
  TemporaryFileGuard(const TemporaryFileGuard&) = delete;
  TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;
  void release() noexcept { armed_ = false; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
  bool armed_ = true;
};

}  // namespace alignsim::sim
