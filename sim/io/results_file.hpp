#pragma once
// The HDF5 results file: every run's summary values and time series, per-variant tables
// (statistics, paired differences) and the provenance needed to reproduce them.
// docs/output-format.md lists every path, type, shape and unit.
//
// The file is written under a temporary name in the destination directory and renamed
// into place by commit(), so a crash or an exception never leaves a truncated file under
// the final name. Identical inputs and call sequences give byte-identical files (no
// timestamps are stored).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/run_output.hpp"

namespace alignsim::sim {

// One factor of an experiment design, as /design stores it.
struct DesignFactorColumn {
  std::string name;     // the parameter key, e.g. "scoring.threshold"
  std::string unit;
  std::string meaning;  // one line
  std::vector<std::string> choices;  // categorical factors: values are indices into these
};

// The shape of a results file, known before any run finishes.
struct ResultsLayout {
  std::vector<std::string> variant_names;           // variant 0 is "base"; unique, non-empty
  std::vector<std::string> variant_descriptions;    // one per variant
  std::vector<std::string> variant_overrides_yaml;  // YAML text of each variant's overrides ("{}" for base)
  std::size_t replicates = 0;                       // runs per variant, >= 1
  std::size_t periods = 0;                          // reporting periods per run, >= 1
  std::int64_t period_days = 0;                     // business days per reporting period, >= 1
  OutputLayout metrics;
  // Rows of each agent table (metrics.agent_tables) in the file; a run's RunOutput::agents
  // holds exactly these rows, or nothing if it failed.
  std::vector<std::size_t> agent_table_rows;
  // An experiment design: `points` > 0 and variant_* empty. The first axis is then `point`
  // (0 .. points-1) instead of `variant`, there is no /variants group, and /design holds
  // every factor's value at every point, from design_point(p) called once per point in
  // order. Runs are then buffered one replicate of a bounded range of points at a time
  // (chunks [points, 1(, periods)]), which suits the runner's replicate-major order.
  std::size_t points = 0;
  std::string design_kind;
  std::vector<DesignFactorColumn> factors;
  std::function<std::vector<double>(std::size_t point)> design_point;
};

inline constexpr const char* kUnwrittenRunError = "not written: the writer never received this run's results";

// What produced the results; stored as root attributes.
struct Provenance {
  std::string version;
  std::string git_revision;
  std::string scenario_name;
  std::string scenario_yaml;  // the full resolved scenario text
  std::uint64_t seed = 0;
  std::int64_t horizon_days = 0;  // business days reported; caps the last period's end day
  std::int64_t warmup_days = 0;   // business days simulated before the reported horizon
};

// Not thread-safe: call from one writer thread only (HDF5's lock is global anyway).
// Every failure throws alignsim::OutputError. A refused argument (wrong sizes, a run
// written twice) leaves the writer usable; any other failure closes it to further calls,
// and destroying it deletes the temporary file.
class ResultsFile {
 public:
  // Refuses (OutputError, nothing touched) if final_path exists and !overwrite, if it is a
  // directory, or if its directory does not exist or is not writable. Then creates the
  // temporary file ".NAME.tmp-PID-N" next to final_path and writes the provenance, the
  // variant list and empty (NaN-filled) datasets for every metric.
  ResultsFile(std::filesystem::path final_path, const ResultsLayout& layout, const Provenance& provenance,
              bool overwrite);
  // If commit() did not complete: closes and deletes the temporary file. Never throws.
  ~ResultsFile();

  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;
  ResultsFile(ResultsFile&&) noexcept;
  ResultsFile& operator=(ResultsFile&&) noexcept;

  // Stores one run. Runs may come in any order, each (variant, replicate) exactly once.
  // run.summary has one value per summary metric and run.series metrics x periods values
  // (series[m * periods + p]), run.agents every agent table's values (RunOutput); a failed
  // run (non-empty error) may leave all three empty (agents: always), and its values then
  // stay NaN. Runs are buffered and reach HDF5 in blocks: up to 64
  // replicates of one variant, or (for designs, and for many variants) one replicate of a
  // range of points holding about 512 KiB, so with runs arriving replicate-major the memory
  // held is bounded by a fixed budget, not by the number of points or runs.
  void write_run(std::size_t variant, std::size_t replicate, const RunOutput& run);

  // A table per metric shaped [variant, column] in a new group, e.g. group "statistics"
  // with columns {"mean","sd","ci95_low","ci95_high","n"} along dimension "statistic".
  // values[m][variant * columns + column]. Each group name may be used once.
  void write_table(const std::string& group, const std::vector<std::string>& column_names,
                   const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                   const std::vector<std::vector<double>>& values);

  // A text attribute on a group written before (e.g. what a table's columns index).
  void write_text_attribute(const std::string& group, const std::string& name, const std::string& value);

  // Ends the run phase: runs never written get `unwritten_reason` in /runs/error and every
  // buffered block reaches HDF5. Afterwards read_summary() works and write_run() refuses.
  // commit() calls it with the default reason if it was not called.
  void finish_runs(const std::string& unwritten_reason = kUnwrittenRunError);

  // Summary metric `metric` for entries [first, first + count) of the first axis (variants
  // or points), every replicate: values[(entry - first) * replicates + replicate]. Only
  // after finish_runs(); lets statistics over many points stream from the file.
  [[nodiscard]] std::vector<double> read_summary(std::size_t metric, std::size_t first, std::size_t count);

  // A table like write_table() whose rows (the first axis) are written in blocks, so a
  // table over a million design points never has to be held in memory. create_table makes
  // the group; write_table_rows writes rows [first_row, first_row + n) of every metric,
  // values[m][(row - first_row) * columns + column].
  void create_table(const std::string& group, const std::vector<std::string>& column_names,
                    const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics);
  void write_table_rows(const std::string& group, std::size_t first_row, const std::vector<std::vector<double>>& values);

  // A free-standing matrix group (e.g. /sensitivity): one dataset per metric shaped
  // [row_dimension, column_dimension], string coordinates for both. values[m][row * C + column].
  void write_matrix(const std::string& group, const std::string& row_dimension_name,
                    const std::vector<std::string>& row_names, const std::string& column_dimension_name,
                    const std::vector<std::string>& column_names, const std::vector<MetricSpec>& metrics,
                    const std::vector<std::vector<double>>& values);

  // Records runs never written (their /runs/error says so), flushes and closes the file,
  // fsyncs it, renames it to final_path and fsyncs the directory. Without overwrite the
  // rename refuses to replace a file that appeared meanwhile. Call once; afterwards the
  // writer accepts nothing more.
  void commit();

  [[nodiscard]] const std::filesystem::path& final_path() const noexcept;
  // Where the data goes until commit(); exposed for tests and error messages.
  [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept;
  // CPU seconds spent compressing time series as background work so far (off the thread
  // that calls write_run): benchmarks add it to the writer's own time.
  [[nodiscard]] double background_compression_seconds() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace alignsim::sim
