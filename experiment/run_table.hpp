#pragma once
// The runs of an experiment as a function of (entry, replicate): an entry is a variant,
// or a design point of a sweep. One definition, used by every way of executing runs
// (threads, shards, MPI workers), so all of them compute exactly the same thing.
//
// Each variant's settings are prepared into the model's typed parameters once, here. A
// design point's are prepared for each of its runs instead: holding every point's
// parameters would make a sweep's memory grow with the design (docs/benchmarks.md,
// "Sweep memory"), and preparing costs microseconds against milliseconds per run.
#include <cstddef>
#include <memory>
#include <vector>

#include "experiment/experiment.hpp"
#include "sim/design/design.hpp"
#include "sim/run_output.hpp"

namespace alignsim::experiment {

// Thread-safe after construction: run() may be called concurrently.
class RunTable {
 public:
  // Keeps a reference to `experiment`, which must outlive the table.
  explicit RunTable(const Experiment& experiment);

  [[nodiscard]] std::size_t entries() const noexcept { return entries_; }
  [[nodiscard]] std::size_t summary_size() const noexcept { return summary_size_; }
  [[nodiscard]] std::size_t series_size() const noexcept { return series_size_; }  // metrics x periods
  // Agent-table values of a run as written (each table padded to its file rows).
  [[nodiscard]] std::size_t agents_size() const noexcept { return agents_size_; }
  // Rows of each agent table in the file: its labels, or the most any entry needs.
  [[nodiscard]] const std::vector<std::size_t>& agent_table_rows() const noexcept { return agent_rows_; }
  [[nodiscard]] const sim::Design* design() const noexcept { return design_.get(); }
  // The prepared parameters of a scenario variant (of a sweep: its base, variant 0; over
  // an ensemble: at its first member).
  [[nodiscard]] const sim::PreparedRun& variant(std::size_t v) const { return *variants_.at(v * members_); }
  // Over an ensemble, replicate r runs member r mod M (Experiment::ensemble).
  [[nodiscard]] sim::RunOutput run(std::size_t entry, std::size_t replicate) const;
  // The prepared parameters of an entry (a design point's are prepared afresh; over an
  // ensemble, at its first member).
  [[nodiscard]] std::shared_ptr<const sim::PreparedRun> prepared(std::size_t entry) const;

 private:
  const Experiment& experiment_;
  std::unique_ptr<const sim::Design> design_;                      // sweeps only
  std::vector<std::shared_ptr<const sim::PreparedRun>> variants_;  // the scenario's variants [x members]
  std::size_t members_ = 1;  // of the ensemble; 1 without one
  std::size_t entries_ = 0;
  std::size_t summary_size_ = 0;
  std::size_t series_size_ = 0;
  std::size_t periods_ = 1;
  std::vector<std::size_t> agent_rows_;
  std::size_t agents_size_ = 0;

  void size_agent_tables();
  // The model's own rows of each table, checked against the layout.
  [[nodiscard]] std::vector<std::size_t> rows_of(const sim::PreparedRun& prepared) const;
  // The run's agent tables, from the model's rows to the file's (NaN-padded).
  void pad_agent_tables(sim::RunOutput& out, const std::vector<std::size_t>& own_rows) const;
};

}  // namespace alignsim::experiment
