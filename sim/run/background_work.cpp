#include "sim/run/background_work.hpp"

#include <utility>

namespace alignsim::sim {

bool ClaimableJob::try_run() noexcept {
  int expected = kPending;
  if (!state_.compare_exchange_strong(expected, kRunning, std::memory_order_acquire)) return false;
  try {
    job_();
  } catch (...) {
    failure_ = std::current_exception();
  }
  job_ = nullptr;  // release what the job captured
  state_.store(kDone, std::memory_order_release);
  state_.notify_all();
  return true;
}

void ClaimableJob::wait_until_done() const noexcept {
  for (int state = state_.load(std::memory_order_acquire); state != kDone;
       state = state_.load(std::memory_order_acquire)) {
    state_.wait(state, std::memory_order_acquire);
  }
}

void ClaimableJob::finish() {
  if (!try_run()) wait_until_done();
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void ClaimableJob::cancel() noexcept {
  int expected = kPending;
  if (state_.compare_exchange_strong(expected, kDone, std::memory_order_acquire)) {
    job_ = nullptr;
    return;
  }
  wait_until_done();
}

void BackgroundWork::post(std::shared_ptr<ClaimableJob> job) {
  const std::lock_guard lock(mutex_);
  while (!jobs_.empty() && jobs_.front()->done()) jobs_.pop_front();
  jobs_.push_back(std::move(job));
  size_.store(jobs_.size(), std::memory_order_release);
}

bool BackgroundWork::help_once() noexcept {
  if (size_.load(std::memory_order_acquire) == 0) return false;
  std::shared_ptr<ClaimableJob> job;
  {
    const std::lock_guard lock(mutex_);
    if (jobs_.empty()) return false;
    job = std::move(jobs_.front());
    jobs_.pop_front();
    size_.store(jobs_.size(), std::memory_order_release);
  }
  job->try_run();
  return true;
}

BackgroundWork& background_work() {
  static BackgroundWork work;
  return work;
}

}  // namespace alignsim::sim
