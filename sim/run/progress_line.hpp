#pragma once
// A one-line progress display on stderr: runs done/total, runs per second, ETA.
#include <chrono>
#include <cstddef>

namespace alignsim::sim {

// Not thread-safe: update from the runner's in-order output stage only.
class ProgressLine {
 public:
  ProgressLine(std::size_t total, bool enabled);
  void update(std::size_t done);
  void finish();
  // Ends the line where the work stopped early (an interruption), not at 100%.
  void stop_at(std::size_t done);

 private:
  void print(std::size_t done);

  std::size_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
};

}  // namespace alignsim::sim
