#pragma once
// One served scenario and its worker: each change of the levers is validated on the
// caller's thread (so the page gets the loader's message at once), then becomes the one
// pending job; the worker runs it progressively (explorer/progressive_run.hpp) and
// publishes its updates to the hub. A newer change bumps the generation, which makes the
// running job stale: it stops after the runs in flight, and only the newest pending job
// runs next. So however fast changes come, work is bounded: one job running, one waiting.
// Thread-safe.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "explorer/event_hub.hpp"
#include "explorer/progressive_run.hpp"
#include "explorer/whatif_scenario.hpp"

namespace alignsim::explorer {

class ExplorerSession {
 public:
  ExplorerSession(ServedScenario served, ProgressPlan plan, sim::RunnerOptions runner, EventHub& hub);
  ~ExplorerSession();
  ExplorerSession(const ExplorerSession&) = delete;
  ExplorerSession& operator=(const ExplorerSession&) = delete;

  // Validates the change and makes it the pending job; returns its generation. Throws
  // ScenarioError or UsageError (nothing is queued then).
  std::uint64_t change(const LeverValues& values);
  // Abandons the work and joins the worker; idempotent.
  void stop();

  [[nodiscard]] const ServedScenario& served() const noexcept { return served_; }
  [[nodiscard]] const ProgressPlan& plan() const noexcept { return plan_; }

 private:
  struct Job;
  void work();

  ServedScenario served_;
  ProgressPlan plan_;
  sim::RunnerOptions runner_;
  EventHub& hub_;
  std::atomic<std::uint64_t> generation_{0};
  std::mutex mutex_;
  std::condition_variable pending_changed_;
  std::unique_ptr<Job> pending_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace alignsim::explorer
