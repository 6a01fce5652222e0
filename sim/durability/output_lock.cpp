#include "sim/durability/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"

namespace alignsim::sim {
namespace fs = std::filesystem;

fs::path OutputLock::lock_path_for(const fs::path& output) {
  return directory_of(output) / ("." + output.filename().string() + ".lock");
}

// The lock file must be a plain file: a device or FIFO planted at its name is not ours.
void OutputLock::refuse_unless_regular(int fd) const {
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) return;
  ::close(fd);
  throw OutputError("lock file " + quoted(path_) + " is not a regular file; alignsim never uses one: remove it");
}

OutputLock::OutputLock(const fs::path& output) : path_(lock_path_for(output)) {
  // The holder deletes the file on exit. If we lock a file that was deleted (and maybe
  // recreated by a third process) between our open() and flock(), we hold a lock nobody
  // else sees; so after locking, check that the name still leads to our file, else retry.
  for (int attempt = 0; attempt < 100; ++attempt) {
    // O_NOFOLLOW: a link planted at the lock's (predictable) name is neither followed nor
    // created through; O_NONBLOCK: a FIFO planted there does not hang the open.
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0 && errno == ELOOP) {
      throw OutputError("lock file " + quoted(path_) + " is a symbolic link; alignsim never follows one: remove it");
    }
    if (fd < 0) throw OutputError("cannot create lock file " + quoted(path_) + ": " + errno_text(errno));
    refuse_unless_regular(fd);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK) {
        throw OutputError("results file " + quoted(output) + " is being written by another alignsim process (it holds " +
                          quoted(path_) + "); wait for it to finish or choose another output file");
      }
      throw OutputError("cannot lock " + quoted(path_) + ": " + errno_text(error));
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      fd_ = fd;
      return;
    }
    ::close(fd);
  }
  throw OutputError("cannot lock " + quoted(path_) + ": it keeps being replaced");
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // Unlink while still holding the lock, so a waiting process re-checks and retries.
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace alignsim::sim
