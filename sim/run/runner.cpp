#include "sim/run/runner.hpp"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <new>
#include <limits>

#include "sim/errors.hpp"
#include "sim/run/background_work.hpp"
#include "sim/run/interruption.hpp"
#include "sim/run/progress_line.hpp"
#include "sim/run/thread_handoff.hpp"

namespace alignsim::sim {
namespace {

struct RunSlot {
  std::size_t index = 0;
  RunOutput output;
  std::exception_ptr lookup_error;  // the lookup (reading an input) threw: not a failed run
};

RunOutput failed_run(std::size_t summary_size, std::size_t series_size, std::string message) {
  RunOutput out;
  out.summary.assign(summary_size, std::numeric_limits<double>::quiet_NaN());
  out.series.assign(series_size, std::numeric_limits<double>::quiet_NaN());
  out.error = message.empty() ? "unknown error" : std::move(message);
  return out;
}

}  // namespace

RunOutput run_isolated(std::size_t summary_size, std::size_t series_size, const RunFunction& run,
                       std::size_t entry, std::size_t replicate) {
  try {
    RunOutput out = run(entry, replicate);
    if (out.summary.size() != summary_size || out.series.size() != series_size) {
      return failed_run(summary_size, series_size, "run produced the wrong number of values");
    }
    return out;
  } catch (const std::bad_alloc&) {
    // what() is just "std::bad_alloc"; say what it means and what to change.
    return failed_run(summary_size, series_size,
                      "out of memory: the run could not allocate its state (run fewer --threads, or a smaller model)");
  } catch (const std::exception& e) {
    return failed_run(summary_size, series_size, e.what());
  } catch (...) {
    return failed_run(summary_size, series_size, "non-standard exception");
  }
}

std::size_t resolve_thread_count(std::size_t requested) noexcept {
  if (requested > 0) return std::min(requested, kMaxThreads);
  return static_cast<std::size_t>(oneapi::tbb::info::default_concurrency());
}

namespace {

// A run looked up (journal, shard file) or computed with failure isolation. Only the
// computation is isolated: a lookup that throws failed to read an input, which says
// nothing about the simulation, so it must stop the command instead of becoming a failed
// run (NaN values and exit 3 in a results file that looks complete).
RunSlot look_up_or_compute(const RunPlan& plan, const RunLookup& known, const RunFunction& run, std::size_t index) {
  const std::size_t entry = plan.entry_of(index), replicate = plan.replicate_of(index);
  RunSlot slot{index, {}, nullptr};
  std::optional<RunOutput> found;
  try {
    if (known) found = known(entry, replicate);
  } catch (...) {
    slot.lookup_error = std::current_exception();
    return slot;
  }
  if (!found) {
    slot.output = run_isolated(plan.summary_size, plan.series_size, run, entry, replicate);
  } else {
    // Through run_isolated only for its check of the value counts.
    slot.output = run_isolated(plan.summary_size, plan.series_size,
                               [&found](std::size_t, std::size_t) { return std::move(*found); }, entry, replicate);
  }
  return slot;
}

std::size_t run_pipeline(const RunPlan& plan, const RunLookup& known, const RunFunction& run, const RunSink& sink,
                         const RunnerOptions& options) {
  const std::size_t threads = resolve_thread_count(options.threads);
  // Without raising the global limit oneTBB may cap itself below the requested count.
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
  oneapi::tbb::task_arena arena(static_cast<int>(threads));

  ProgressLine progress(plan.runs(), options.progress);
  std::size_t next = 0, done = 0, failed = 0;
  // Tokens bound the runs in flight, and so the memory held by finished-but-unwritten runs.
  const std::size_t tokens = 4 * threads;
  // Each stage acquires at its start and releases at its end what the previous stage
  // handed over (see sim/thread_handoff.hpp; a no-op outside ThreadSanitizer builds).
  const char handoff = 0;
  std::exception_ptr stop_error;
  std::atomic<bool> stopping{false};
  auto next_run = [&](oneapi::tbb::flow_control& fc) -> std::size_t {
    acquire_handoff(&handoff);
    // Interrupted: hand out no more runs; those in flight still reach the sink.
    if (stopping.load(std::memory_order_relaxed) || interrupting_signal() != 0) next = plan.runs();
    if (next == plan.runs()) fc.stop();
    const std::size_t index = next == plan.runs() ? 0 : next++;
    release_handoff(&handoff);
    return index;
  };
  auto compute = [&](std::size_t index) {
    acquire_handoff(&handoff);
    // Take one job the writer posted (compressing a finished block of time series), so
    // that work runs here in parallel instead of on the writer's ordered stage.
    background_work().help_once();
    RunSlot slot = look_up_or_compute(plan, known, run, index);
    release_handoff(&handoff);
    return slot;
  };
  // A throwing sink (disk full) or lookup (a damaged shard) must not cancel the pipeline:
  // oneTBB then frees the buffers of RunSlots still in flight without destroying them (a
  // leak). Keep the first exception in run order, stop taking new runs, drain the ones in
  // flight, rethrow afterwards.
  auto deliver = [&](RunSlot slot) {
    acquire_handoff(&handoff);
    if (!stop_error && slot.lookup_error) {
      stop_error = slot.lookup_error;
      stopping.store(true, std::memory_order_relaxed);
    } else if (!stop_error) {
      try {
        if (!slot.output.error.empty()) ++failed;
        sink(plan.entry_of(slot.index), plan.replicate_of(slot.index), std::move(slot.output));
        progress.update(++done);
      } catch (...) {
        stop_error = std::current_exception();
        stopping.store(true, std::memory_order_relaxed);
      }
    }
    release_handoff(&handoff);
  };
  release_handoff(&handoff);
  arena.execute([&] {
    using oneapi::tbb::filter_mode;
    using oneapi::tbb::make_filter;
    oneapi::tbb::parallel_pipeline(tokens, make_filter<void, std::size_t>(filter_mode::serial_in_order, next_run) &
                                               make_filter<std::size_t, RunSlot>(filter_mode::parallel, compute) &
                                               make_filter<RunSlot, void>(filter_mode::serial_in_order, deliver));
  });
  acquire_handoff(&handoff);
  if (stop_error) std::rethrow_exception(stop_error);
  if (done < plan.runs() && interrupting_signal() != 0) {
    progress.stop_at(done);
    const int signal = interrupting_signal();
    throw Interrupted(signal, "interrupted by " + signal_name(signal));
  }
  progress.finish();
  return failed;
}

}  // namespace

std::size_t run_all(const RunPlan& plan, const RunLookup& known, const RunFunction& run, const RunSink& sink,
                    const RunnerOptions& options) {
  if (options.distributor != nullptr) return options.distributor->run_all(plan, known, run, sink, options);
  return run_pipeline(plan, known, run, sink, options);
}

std::size_t run_all(const RunPlan& plan, const RunFunction& run, const RunSink& sink, const RunnerOptions& options) {
  return run_pipeline(plan, RunLookup{}, run, sink, options);
}

}  // namespace alignsim::sim
