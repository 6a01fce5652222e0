#pragma once
// The runs of a loaded scenario as a function of (entry, replicate): entry is a variant,
// or a design point for a sweep. One definition, used by every way of executing runs
// (threads, shards, MPI workers), so all of them compute exactly the same thing.
#include <cstddef>
#include <memory>

#include "cli/experiment_options.hpp"
#include "sim/design/design.hpp"
#include "sim/run_output.hpp"

namespace alignsim::cli {

// Thread-safe after construction: run() may be called concurrently.
class ScenarioRuns {
 public:
  explicit ScenarioRuns(const LoadedScenario& loaded);

  [[nodiscard]] std::size_t entries() const noexcept { return entries_; }
  [[nodiscard]] std::size_t summary_size() const noexcept { return summary_size_; }
  [[nodiscard]] std::size_t series_size() const noexcept { return series_size_; }  // metrics x periods
  [[nodiscard]] const sim::Design* design() const noexcept { return design_.get(); }
  [[nodiscard]] sim::RunOutput run(std::size_t entry, std::size_t replicate) const;

 private:
  const LoadedScenario& loaded_;
  std::unique_ptr<const sim::Design> design_;  // sweeps only
  std::size_t entries_ = 0;
  std::size_t summary_size_ = 0;
  std::size_t series_size_ = 0;
};

}  // namespace alignsim::cli
