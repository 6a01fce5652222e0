#include "sim/runner.hpp"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <exception>
#include <limits>

#include "sim/progress_line.hpp"

namespace alignsim::sim {
namespace {

struct RunSlot {
  std::size_t index = 0;
  RunOutput output;
};

RunOutput failed_run(const RunPlan& plan, std::string message) {
  RunOutput out;
  out.summary.assign(plan.summary_size, std::numeric_limits<double>::quiet_NaN());
  out.series.assign(plan.series_size, std::numeric_limits<double>::quiet_NaN());
  out.error = message.empty() ? "unknown error" : std::move(message);
  return out;
}

RunOutput execute_isolated(const RunPlan& plan, const RunFunction& run, std::size_t index) {
  const std::size_t variant = index % plan.variants, replicate = plan.first_replicate + index / plan.variants;
  try {
    RunOutput out = run(variant, replicate);
    if (out.summary.size() != plan.summary_size || out.series.size() != plan.series_size) {
      return failed_run(plan, "run produced the wrong number of values");
    }
    return out;
  } catch (const std::exception& e) {
    return failed_run(plan, e.what());
  } catch (...) {
    return failed_run(plan, "non-standard exception");
  }
}

}  // namespace

std::size_t resolve_thread_count(std::size_t requested) noexcept {
  if (requested > 0) return requested;
  return static_cast<std::size_t>(oneapi::tbb::info::default_concurrency());
}

std::size_t run_all(const RunPlan& plan, const RunFunction& run, const RunSink& sink, const RunnerOptions& options) {
  const std::size_t threads = resolve_thread_count(options.threads);
  // Without raising the global limit oneTBB may cap itself below the requested count.
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
  oneapi::tbb::task_arena arena(static_cast<int>(threads));

  ProgressLine progress(plan.runs(), options.progress);
  std::size_t next = 0, done = 0, failed = 0;
  // Tokens bound the runs in flight, and so the memory held by finished-but-unwritten runs.
  const std::size_t tokens = 4 * threads;
  arena.execute([&] {
    oneapi::tbb::parallel_pipeline(
        tokens,
        oneapi::tbb::make_filter<void, std::size_t>(oneapi::tbb::filter_mode::serial_in_order,
                                                    [&](oneapi::tbb::flow_control& fc) -> std::size_t {
                                                      if (next == plan.runs()) {
                                                        fc.stop();
                                                        return 0;
                                                      }
                                                      return next++;
                                                    }) &
            oneapi::tbb::make_filter<std::size_t, RunSlot>(
                oneapi::tbb::filter_mode::parallel,
                [&](std::size_t index) { return RunSlot{index, execute_isolated(plan, run, index)}; }) &
            oneapi::tbb::make_filter<RunSlot, void>(oneapi::tbb::filter_mode::serial_in_order, [&](RunSlot slot) {
              if (!slot.output.error.empty()) ++failed;
              sink(slot.index % plan.variants, plan.first_replicate + slot.index / plan.variants,
                   std::move(slot.output));
              progress.update(++done);
            }));
  });
  progress.finish();
  return failed;
}

}  // namespace alignsim::sim
