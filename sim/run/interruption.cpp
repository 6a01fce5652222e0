#include "sim/run/interruption.hpp"

#include <atomic>
#include <string>

namespace alignsim::sim {
namespace {

// Written by the handler, read by the runner's threads: a lock-free atomic is both
// async-signal-safe and free of data races (a volatile sig_atomic_t is only the former).
std::atomic<int> received_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void note_signal(int signal) { received_signal.store(signal, std::memory_order_relaxed); }

void install(int signal, struct sigaction& previous) {
  struct sigaction current {};
  if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) {
    previous = current;
    return;
  }
  struct sigaction action {};
  action.sa_handler = note_signal;
  ::sigemptyset(&action.sa_mask);
  // SA_RESETHAND: a second signal takes the default action and ends the process at once.
  // SA_RESTART: I/O the signal lands in (HDF5, the journal) continues instead of failing.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  ::sigaction(signal, &action, &previous);
}

}  // namespace

InterruptionHandlers::InterruptionHandlers() {
  received_signal.store(0, std::memory_order_relaxed);
  install(SIGINT, previous_int_);
  install(SIGTERM, previous_term_);
}

InterruptionHandlers::~InterruptionHandlers() {
  ::sigaction(SIGINT, &previous_int_, nullptr);
  ::sigaction(SIGTERM, &previous_term_, nullptr);
}

int interrupting_signal() noexcept { return received_signal.load(std::memory_order_relaxed); }

std::string signal_name(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  return "signal " + std::to_string(signal);
}

}  // namespace alignsim::sim
