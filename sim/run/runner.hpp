#pragma once
// The parallel Monte-Carlo runner: every (variant, replicate) pair is one run.
//
// Runs are numbered replicate-major (run k is replicate k / E of entry k % E, where an
// entry is a variant or a design point), so a partial sweep is balanced across entries
// and all entries of a replicate finish close together (paired statistics need no large
// buffer). RunPlan is the one owner of that numbering. Runs execute on oneTBB
// worker threads; results reach the sink strictly in run order on one thread, so the
// output is bitwise identical for any thread count and memory stays bounded by the
// number of runs in flight, not by the number of runs.
#include <cstddef>
#include <functional>
#include <optional>

#include "sim/run_output.hpp"

namespace alignsim::sim {

struct RunPlan {
  std::size_t entries = 0;       // variants, or design points
  std::size_t replicates = 0;
  std::size_t summary_size = 0;  // values per run, to fill NaN for a failed run
  std::size_t series_size = 0;
  std::size_t first_replicate = 0;  // replicates [first, first + replicates) run, e.g. a later round

  [[nodiscard]] std::size_t runs() const noexcept { return entries * replicates; }
  // Position of a run in this plan's order; with first_replicate 0 also its index in
  // the whole experiment (which shards and journals use).
  [[nodiscard]] std::size_t run_index(std::size_t entry, std::size_t replicate) const noexcept {
    return (replicate - first_replicate) * entries + entry;
  }
  [[nodiscard]] std::size_t entry_of(std::size_t run_index) const noexcept { return run_index % entries; }
  [[nodiscard]] std::size_t replicate_of(std::size_t run_index) const noexcept {
    return first_replicate + run_index / entries;
  }
};

class RunDistributor;

struct RunnerOptions {
  std::size_t threads = 0;  // 0: all cores
  bool progress = false;    // progress line on stderr
  // Spreads runs over other processes (MPI ranks); null: this process's threads.
  RunDistributor* distributor = nullptr;
};

// Must be safe to call concurrently for different runs.
using RunFunction = std::function<RunOutput(std::size_t entry, std::size_t replicate)>;
// Called on one thread at a time, in run order.
using RunSink = std::function<void(std::size_t entry, std::size_t replicate, RunOutput&& output)>;
// Results that need no simulation: a run replayed from a journal, read from a shard file,
// or a placeholder. nullopt means "compute it". Must be safe to call concurrently; it is
// called where runs are handed out (with MPI: on rank 0), never on a remote worker.
using RunLookup = std::function<std::optional<RunOutput>(std::size_t entry, std::size_t replicate)>;

// A run that throws is recorded (RunOutput::error, NaN values) and the sweep goes on.
// Returns the number of failed runs (records with a non-empty error, looked-up ones too).
// A lookup or sink that throws is no failed run (an input or output could not be read or
// written): no further runs start, those in flight drain, and the first such exception
// in run order is rethrown.
std::size_t run_all(const RunPlan& plan, const RunFunction& run, const RunSink& sink, const RunnerOptions& options);
// The same, asking `known` (if set) before computing a run; uses options.distributor if set.
std::size_t run_all(const RunPlan& plan, const RunLookup& known, const RunFunction& run, const RunSink& sink,
                    const RunnerOptions& options);

// Another way to execute a plan's runs, with the same contract as run_all: every run
// reaches the sink once, in run order, on the calling thread.
class RunDistributor {
 public:
  virtual ~RunDistributor() = default;
  virtual std::size_t run_all(const RunPlan& plan, const RunLookup& known, const RunFunction& run,
                              const RunSink& sink, const RunnerOptions& options) = 0;
};

// One run with failure isolation: an exception, or values of the wrong count, becomes a
// failed RunOutput (NaN values, the message in `error`). Thread-safe if `run` is.
[[nodiscard]] RunOutput run_isolated(std::size_t summary_size, std::size_t series_size, const RunFunction& run,
                                     std::size_t entry, std::size_t replicate);

// The most worker threads a run may ask for. A fixed bound, not one relative to the
// machine, so a command line is accepted or refused alike everywhere; oneTBB aborts the
// process when asked for vastly more.
inline constexpr std::size_t kMaxThreads = 1024;

// The thread count `options.threads` resolves to on this machine.
[[nodiscard]] std::size_t resolve_thread_count(std::size_t requested) noexcept;

}  // namespace alignsim::sim
