#pragma once
// An exclusive lock on an output name, held for a whole `alignsim run`, so two processes
// never write (or resume, or clean up after) the same results at once. It is an flock()
// on ".NAME.lock" next to the output; the kernel drops it when the process dies, so a
// killed run never leaves a stale lock, only a lock file that the next run reuses.
//
// Thread safety: an OutputLock belongs to one owner.
#include <filesystem>

namespace alignsim::sim {

class OutputLock {
 public:
  // Takes the lock or throws OutputError at once (never waits) naming the output and
  // saying another alignsim process holds it. Creates the lock file if missing; refuses
  // (OutputError) a link, device or FIFO at its name instead of following or using it.
  explicit OutputLock(const std::filesystem::path& output);
  // Deletes the lock file and releases the lock. Never throws.
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  [[nodiscard]] static std::filesystem::path lock_path_for(const std::filesystem::path& output);

 private:
  void refuse_unless_regular(int fd) const;

  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace alignsim::sim
