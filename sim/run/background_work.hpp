#pragma once
// Work that can be done by whichever thread gets to it first: the thread that needs the
// result, or a compute thread with a moment to spare.
//
// Why not a oneTBB task: the runner's pipeline keeps every thread busy with runs, and a
// task spawned from its ordered output stage sat unexecuted until the writer waited for
// it, so the writer ended up doing the work itself (measured: 12 of 20 compression
// tasks of the default what-if on two threads). Instead the writer posts its work here
// and the pipeline's compute stage takes one posted job before each run
// (sim/runner.cpp); whatever is still unclaimed when the result is needed runs on the
// thread that needs it. Every job runs exactly once, so results never depend on timing.
#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>

namespace alignsim::sim {

// A job that runs exactly once, on the first thread that claims it.
class ClaimableJob {
 public:
  explicit ClaimableJob(std::function<void()> job) : job_(std::move(job)) {}

  // Runs the job if no thread has claimed it yet; returns whether this call ran it. A
  // failure is kept for finish() to rethrow.
  bool try_run() noexcept;
  // The owner: runs the job now if still unclaimed, otherwise waits until the thread that
  // claimed it is done; then rethrows the job's failure, if any.
  void finish();
  // The owner gives up: an unclaimed job will never run; a running one is waited for, so
  // nothing it reads may be freed before this returns.
  void cancel() noexcept;
  [[nodiscard]] bool done() const noexcept { return state_.load(std::memory_order_acquire) == kDone; }

 private:
  enum State : int { kPending, kRunning, kDone };
  void wait_until_done() const noexcept;
  std::function<void()> job_;
  std::exception_ptr failure_;
  std::atomic<int> state_{kPending};
};

// A process-wide queue of posted jobs, first in, first out.
class BackgroundWork {
 public:
  // Also drops finished jobs from the front, so a queue nobody helps with (no compute
  // threads, e.g. `alignsim merge`) does not grow with the jobs its owners ran themselves.
  void post(std::shared_ptr<ClaimableJob> job);
  // Takes the oldest posted job and runs it unless its owner got there first. Returns
  // whether there was a job to take. Cheap when the queue is empty (one atomic load).
  bool help_once() noexcept;

 private:
  std::mutex mutex_;
  std::deque<std::shared_ptr<ClaimableJob>> jobs_;
  std::atomic<std::size_t> size_{0};
};

BackgroundWork& background_work();

}  // namespace alignsim::sim
