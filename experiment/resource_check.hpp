#pragma once
// Refusing work the machine cannot do, before any run starts: valid settings can ask for
// a run of 10^8 prospects (~6 GB each, times the runs in flight) or a sweep whose results
// fill hundreds of GB. Without this check the kernel finds out, after the output's lock,
// temporary and journal exist: std::bad_alloc in every run, or a disk filled to the last
// byte. The estimate comes from the model (sim::PreparedRun::memory_bytes) and from the
// results layout (dataset sizes; compression makes it an upper bound).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "experiment/run_table.hpp"

namespace alignsim::experiment {

// What this process will do.
struct WorkSize {
  std::size_t runs = 0;     // runs it computes and writes (a shard: its slice; --target-ci: the most)
  std::size_t threads = 1;  // resolved worker threads
  bool journal = true;      // whether every run is journalled too (uncompressed)
};

struct ResourceNeeds {
  std::uint64_t memory_per_run = 0;  // the largest model estimate among the entries looked at
  std::size_t concurrent_runs = 0;   // min(threads, runs)
  std::uint64_t in_flight_per_thread = 0;  // finished runs' values waiting for the writer
  std::uint64_t memory = 0;          // runs in flight, their outputs, the writer and process
  std::uint64_t output_bytes = 0;    // the results or shard file, at most
  std::uint64_t journal_bytes = 0;   // the journal, at most
};

// Looks at every entry up to 64, else 64 evenly spaced ones (design points are prepared
// one by one; a 10^8-point design cannot be prepared whole up front). Thread-safe.
[[nodiscard]] ResourceNeeds estimate_needs(const RunTable& runs, const WorkSize& work);

struct MachineResources {
  std::optional<std::uint64_t> memory;  // available; nullopt: unknown, not checked
  std::optional<std::uint64_t> disk;    // free at the output's directory
};

// sim::available_memory_bytes() and sim::free_disk_bytes(directory).
[[nodiscard]] MachineResources machine_resources(const std::filesystem::path& directory);

// Throws UsageError (one line: the estimate, what is available, what to change) if the
// needs exceed the machine's resources. `size_setting`: the model's setting a run's
// memory grows with (ModelDefinition::size_setting), named in the message if not empty.
void refuse_impossible_work(const ResourceNeeds& needs, const MachineResources& machine,
                            const std::filesystem::path& directory, const std::string& size_setting);

}  // namespace alignsim::experiment
