#include "sim/durability/atomic_file.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "sim/errors.hpp"

namespace alignsim::sim {
namespace fs = std::filesystem;

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::string errno_text(int error) { return std::generic_category().message(error); }

fs::path directory_of(const fs::path& file) {
  fs::path directory = file.parent_path();
  return directory.empty() ? fs::path(".") : directory;
}

namespace {

// 16 hex digits from the kernel's random source: a name nobody can predict.
std::string random_suffix() {
  std::uint64_t bits = 0;
  if (::getrandom(&bits, sizeof bits, 0) != static_cast<ssize_t>(sizeof bits)) {
    throw OutputError("cannot get random bytes for a temporary file name: " + errno_text(errno));
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(bits));
  return text;
}

// "a FIFO", "a character device", ...: what a path that is not a regular file is.
std::string file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

}  // namespace

// A link is refused too: rename() would replace the link itself, and opening it would
// follow it. As root rename() replaces even a device node.
bool check_replaceable(const fs::path& final_path) {
  struct stat status {};
  if (::lstat(final_path.c_str(), &status) != 0) {
    if (errno == ENOENT) return false;
    throw OutputError("cannot inspect the path: " + errno_text(errno));
  }
  if (S_ISLNK(status.st_mode)) {
    std::error_code error;
    const fs::path target = fs::read_symlink(final_path, error);
    const bool dangling = !fs::exists(fs::status(final_path, error));
    throw OutputError(std::string("it is a ") + (dangling ? "dangling " : "") + "symbolic link (to " + quoted(target) +
                      "); alignsim writes only to a plain file name: remove the link or name the file itself");
  }
  if (S_ISDIR(status.st_mode)) throw OutputError("a directory of that name exists");
  if (!S_ISREG(status.st_mode)) {
    throw OutputError("it is " + file_kind(status.st_mode) +
                      ", not a regular file; alignsim never replaces one, even with --overwrite");
  }
  return true;
}

void check_destination(const fs::path& final_path, bool overwrite) {
  if (!final_path.has_filename()) throw OutputError("the path names a directory, not a file");
  const fs::path directory = directory_of(final_path);
  std::error_code error;
  const fs::file_status directory_status = fs::status(directory, error);
  if (!fs::exists(directory_status)) throw OutputError("directory " + quoted(directory) + " does not exist");
  if (!fs::is_directory(directory_status)) throw OutputError(quoted(directory) + " is not a directory");
  if (::access(directory.c_str(), W_OK | X_OK) != 0) {
    throw OutputError("directory " + quoted(directory) + " is not writable: " + errno_text(errno));
  }
  if (check_replaceable(final_path) && !overwrite) {
    throw OutputError("the file already exists; refusing to replace it because overwriting was not requested");
  }
}

CreatedTemporary create_temporary(const fs::path& final_path, const std::string& kind) {
  const std::string prefix = "." + final_path.filename().string() + ".tmp-" + kind;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path path = directory_of(final_path) / (prefix + random_suffix());
    // 0666 less the umask: the mode HDF5 would give a file it creates itself.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0) return {path, fd};
    if (errno != EEXIST) throw OutputError("cannot create temporary file " + quoted(path) + ": " + errno_text(errno));
  }
  throw OutputError("cannot create a temporary file for " + quoted(final_path) + ": every name tried was taken");
}

fs::path temporary_path_for(const fs::path& final_path, const std::string& kind) {
  const CreatedTemporary created = create_temporary(final_path, kind);
  ::close(created.fd);
  return created.path;
}

std::size_t remove_stale_temporaries(const fs::path& final_path) {
  const std::string prefix = "." + final_path.filename().string() + ".tmp-";
  std::size_t removed = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory_of(final_path), error)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::error_code ignored;
    if (fs::remove(entry.path(), ignored)) ++removed;
  }
  return removed;
}

void fsync_path(const fs::path& path, bool is_directory) {
  const int fd = ::open(path.c_str(), is_directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) throw OutputError("cannot open " + quoted(path) + " to sync it: " + errno_text(errno));
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  // Some filesystems cannot sync a directory and say EINVAL; the rename still happened.
  if (result != 0 && !(is_directory && error == EINVAL)) {
    throw OutputError("cannot sync " + quoted(path) + " to disk: " + errno_text(error));
  }
}

void publish(const fs::path& temporary, const fs::path& final_path, bool overwrite) {
  if (overwrite) {
    // Checked again: the path may have become a device, FIFO or link since the start.
    check_replaceable(final_path);
    if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
      throw OutputError("cannot rename " + quoted(temporary) + " to the final name: " + errno_text(errno));
    }
    return;
  }
  if (::link(temporary.c_str(), final_path.c_str()) != 0) {
    const int error = errno;
    if (error == EEXIST) throw OutputError("the file appeared while results were being written; not replacing it");
    throw OutputError("cannot link " + quoted(temporary) + " to the final name: " + errno_text(error));
  }
  ::unlink(temporary.c_str());  // the data is safe under the final name either way
}

TemporaryFileGuard::~TemporaryFileGuard() {
  std::error_code ignored;
  if (armed_) fs::remove(path_, ignored);
}

void refuse_unless_first_line_starts(const std::filesystem::path& path, const std::string& marker,
                                     const std::string& what) {
  if (!check_replaceable(path)) return;
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  if (first.rfind(marker, 0) != 0) {
    throw OutputError(quoted(path) + " exists and is not " + what + " alignsim wrote; it is left as it is");
  }
}

void publish_text_file(const std::filesystem::path& path, const std::string& text, const std::string& marker,
                       const std::string& what) {
  check_destination(path, true);
  refuse_unless_first_line_starts(path, marker, what);
  TemporaryFileGuard temporary(temporary_path_for(path));
  {
    std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw OutputError("cannot write " + quoted(temporary.path()));
  }
  fsync_path(temporary.path(), false);
  publish(temporary.path(), path, true);
  temporary.release();
}

}  // namespace alignsim::sim
