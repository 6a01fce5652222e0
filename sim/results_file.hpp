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
#include <memory>
#include <string>
#include <vector>

#include "sim/metrics.hpp"

namespace alignsim::sim {

// The shape of a results file, known before any run finishes.
struct ResultsLayout {
  std::vector<std::string> variant_names;           // variant 0 is "base"; unique, non-empty
  std::vector<std::string> variant_descriptions;    // one per variant
  std::vector<std::string> variant_overrides_yaml;  // YAML text of each variant's overrides ("{}" for base)
  std::size_t replicates = 0;                       // runs per variant, >= 1
  std::size_t periods = 0;                          // reporting periods per run, >= 1
  std::int64_t period_days = 0;                     // business days per reporting period, >= 1
  OutputLayout metrics;
};

// What produced the results; stored as root attributes.
struct Provenance {
  std::string version;
  std::string git_revision;
  std::string scenario_name;
  std::string scenario_yaml;  // the full resolved scenario text
  std::uint64_t seed = 0;
  std::int64_t horizon_days = 0;  // business days simulated; caps the last period's end day
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
  // (series[m * periods + p]); a failed run (non-empty error) may leave both empty, and
  // its values then stay NaN. Runs are buffered and reach HDF5 in blocks of up to 64
  // replicates of one variant, so memory stays bounded by the blocks still incomplete.
  void write_run(std::size_t variant, std::size_t replicate, const RunOutput& run);

  // A table per metric shaped [variant, column] in a new group, e.g. group "statistics"
  // with columns {"mean","sd","ci95_low","ci95_high","n"} along dimension "statistic".
  // values[m][variant * columns + column]. Each group name may be used once.
  void write_table(const std::string& group, const std::vector<std::string>& column_names,
                   const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                   const std::vector<std::vector<double>>& values);

  // Records runs never written (their /runs/error says so), flushes and closes the file,
  // fsyncs it, renames it to final_path and fsyncs the directory. Without overwrite the
  // rename refuses to replace a file that appeared meanwhile. Call once; afterwards the
  // writer accepts nothing more.
  void commit();

  [[nodiscard]] const std::filesystem::path& final_path() const noexcept;
  // Where the data goes until commit(); exposed for tests and error messages.
  [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace alignsim::sim
