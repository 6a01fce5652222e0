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

OutputLock::OutputLock(const fs::path& output) : path_(lock_path_for(output)) {
  // The holder deletes the file on exit. If we lock a file that was deleted (and maybe
  // recreated by a third process) between our open() and flock(), we hold a lock nobody
  // else sees; so after locking, check that the name still leads to our file, else retry.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw OutputError("cannot create lock file " + quoted(path_) + ": " + errno_text(errno));
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
