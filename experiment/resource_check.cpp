#include "experiment/resource_check.hpp"

#include <algorithm>

#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/run/machine_resources.hpp"

namespace alignsim::experiment {
namespace {

constexpr std::size_t kEntriesLookedAt = 64;
// The process, its libraries, HDF5's chunk cache and the writer's blocks (sim/io).
constexpr std::uint64_t kWriterBytes = std::uint64_t{64} << 20;
// Runs in flight per thread, finished but not yet written (sim/run/runner.cpp tokens).
constexpr std::uint64_t kOutputsInFlightPerThread = 4;
// Per run beyond its values: the run table's error entry, the journal's frame and header.
constexpr std::uint64_t kOutputBytesPerRun = 16;
constexpr std::uint64_t kJournalBytesPerRun = 8 + 28 + 8;
constexpr std::uint64_t kFileOverheadBytes = std::uint64_t{1} << 20;

std::uint64_t largest_run_memory(const RunTable& runs) {
  std::uint64_t largest = 0;
  const std::size_t entries = runs.entries();
  const std::size_t looked_at = std::min(entries, kEntriesLookedAt);
  for (std::size_t i = 0; i < looked_at; ++i) {
    // Evenly spaced and including the last entry (a design's extreme corner, often).
    const std::size_t entry = looked_at < 2 ? 0 : i * (entries - 1) / (looked_at - 1);
    largest = std::max(largest, runs.prepared(entry)->memory_bytes());
  }
  return largest;
}

std::string what_fits(const ResourceNeeds& needs, std::uint64_t available, const std::string& size_setting) {
  const std::uint64_t per_thread = needs.memory_per_run + needs.in_flight_per_thread;
  const std::uint64_t room = available > kWriterBytes ? available - kWriterBytes : 0;
  const std::uint64_t threads = per_thread == 0 ? 0 : room / per_thread;
  const std::string smaller = size_setting.empty() ? "a smaller model" : "a smaller " + size_setting;
  if (threads >= 1) return "pass --threads " + std::to_string(threads) + " or fewer, or use " + smaller;
  return "even one run does not fit: use " + smaller;
}

}  // namespace

ResourceNeeds estimate_needs(const RunTable& runs, const WorkSize& work) {
  ResourceNeeds needs;
  const std::uint64_t values_bytes =
      (std::uint64_t{runs.summary_size()} + runs.series_size() + runs.agents_size()) * sizeof(double);
  needs.memory_per_run = largest_run_memory(runs);
  needs.concurrent_runs = std::min(work.threads, work.runs);
  needs.in_flight_per_thread = kOutputsInFlightPerThread * values_bytes;
  needs.memory = needs.concurrent_runs * needs.memory_per_run + work.threads * needs.in_flight_per_thread + kWriterBytes;
  const auto runs_count = static_cast<std::uint64_t>(work.runs);
  needs.output_bytes = kFileOverheadBytes + runs_count * (values_bytes + kOutputBytesPerRun);
  if (work.journal) needs.journal_bytes = runs_count * (values_bytes + kJournalBytesPerRun);
  return needs;
}

MachineResources machine_resources(const std::filesystem::path& directory) {
  return {sim::available_memory_bytes(), sim::free_disk_bytes(directory)};
}

void refuse_impossible_work(const ResourceNeeds& needs, const MachineResources& machine,
                            const std::filesystem::path& directory, const std::string& size_setting) {
  using sim::format_bytes;
  if (machine.memory && needs.memory > *machine.memory) {
    throw UsageError("not enough memory: " + std::to_string(needs.concurrent_runs) + " runs at once need about " +
                     format_bytes(needs.memory) + " (" + format_bytes(needs.memory_per_run) +
                     " per run, one run per thread), and " + format_bytes(*machine.memory) +
                     " is available; " + what_fits(needs, *machine.memory, size_setting) +
                     " (or --no-resource-check to start anyway)");
  }
  const std::uint64_t disk = needs.output_bytes + needs.journal_bytes;
  if (machine.disk && disk > *machine.disk) {
    throw UsageError("not enough disk space in " + sim::quoted(directory) + ": the results need up to " +
                     format_bytes(disk) + " (file " + format_bytes(needs.output_bytes) + ", journal " +
                     format_bytes(needs.journal_bytes) + ") and " + format_bytes(*machine.disk) +
                     " is free (compression usually needs less: --no-resource-check starts anyway); run fewer design "
                     "points or replicates, or write elsewhere with -o");
  }
}

}  // namespace alignsim::experiment
