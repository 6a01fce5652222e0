#include "explorer/explorer_session.hpp"

#include "experiment/run_table.hpp"
#include "explorer/snapshot_json.hpp"

namespace alignsim::explorer {

struct ExplorerSession::Job {
  std::uint64_t generation = 0;
  std::unique_ptr<const experiment::Experiment> experiment;  // the RunTable refers to it
  std::unique_ptr<const experiment::RunTable> runs;
};

ExplorerSession::ExplorerSession(ServedScenario served, ProgressPlan plan, sim::RunnerOptions runner, EventHub& hub)
    : served_(std::move(served)), plan_(std::move(plan)), runner_(runner), hub_(hub), worker_([this] { work(); }) {}

ExplorerSession::~ExplorerSession() { stop(); }

std::uint64_t ExplorerSession::change(const LeverValues& values) {
  auto job = std::make_unique<Job>();
  job->experiment = std::make_unique<const experiment::Experiment>(load_whatif(served_, values));
  job->runs = std::make_unique<const experiment::RunTable>(*job->experiment);
  const std::lock_guard lock(mutex_);
  job->generation = ++generation_;  // under the lock, so the pending job is always the newest
  pending_ = std::move(job);
  pending_changed_.notify_one();
  return pending_->generation;
}

void ExplorerSession::stop() {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ && !worker_.joinable()) return;
    stopping_ = true;
    ++generation_;
  }
  pending_changed_.notify_one();
  if (worker_.joinable()) worker_.join();
}

void ExplorerSession::work() {
  for (;;) {
    std::unique_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      pending_changed_.wait(lock, [&] { return stopping_ || pending_ != nullptr; });
      if (stopping_) return;
      job = std::move(pending_);
    }
    const std::uint64_t generation = job->generation;
    const sim::OutputLayout& outputs = job->experiment->model->outputs();
    const std::uint64_t period_days = static_cast<std::uint64_t>(job->experiment->spec.period_days);
    (void)run_progressively(
        *job->runs, outputs, plan_, [&] { return generation_.load(std::memory_order_relaxed) != generation; },
        [&](const Progress& progress) { hub_.publish(progress_json(generation, progress, outputs, period_days)); }, runner_);
  }
}

}  // namespace alignsim::explorer
