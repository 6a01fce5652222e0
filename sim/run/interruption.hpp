#pragma once
// Ctrl-C and `kill`: while an InterruptionHandlers lives, SIGINT and SIGTERM only note
// the signal. The runner (sim/run/runner.hpp) then stops handing out runs, lets the runs
// in flight finish and reach the sink (so a journal keeps them) and throws Interrupted;
// unwinding removes the temporary output and releases the lock. A second signal ends
// the process at once (its default action; the next run cleans up what it left).
//
// Thread safety: interrupting_signal() is safe from any thread; construct and destroy
// InterruptionHandlers on one thread, one at a time.
#include <csignal>
#include <string>

namespace alignsim::sim {

class InterruptionHandlers {
 public:
  // Installs the handlers, except for a signal the process ignores (nohup, a shell's
  // background job): that one stays ignored. Clears any earlier interruption.
  InterruptionHandlers();
  // Restores the earlier dispositions.
  ~InterruptionHandlers();
  InterruptionHandlers(const InterruptionHandlers&) = delete;
  InterruptionHandlers& operator=(const InterruptionHandlers&) = delete;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

// The signal that interrupted the work (SIGINT or SIGTERM), 0 if none.
[[nodiscard]] int interrupting_signal() noexcept;

// "SIGINT", "SIGTERM" or "signal N".
[[nodiscard]] std::string signal_name(int signal);

}  // namespace alignsim::sim
