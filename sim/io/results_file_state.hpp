#pragma once
// Private to the results writer (results_file.cpp, the front, and results_groups.cpp,
// which lays out the groups): what a ResultsFile owns while it is being written.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sim/durability/atomic_file.hpp"
#include "sim/io/hdf5_build.hpp"
#include "sim/io/metric_table.hpp"
#include "sim/io/results_file.hpp"
#include "sim/io/run_block_buffer.hpp"

namespace alignsim::sim::results_detail {

// Output format version, bumped whenever a path, type or meaning changes.
inline constexpr std::int64_t kOutputFormatVersion = 2;

// A summary chunk is one variant's row of up to 4096 replicates (32 KiB); series chunks
// are as wide as the run blocks (sim/io/run_block_buffer.hpp).
inline constexpr hsize_t kSummaryChunkReplicates = 4096;

inline constexpr const char* kVariantDimension = "variant";
inline constexpr const char* kReplicateDimension = "replicate";
inline constexpr const char* kPeriodDimension = "period";
inline constexpr const char* kPointDimension = "point";

// The groups every results file has (or reserves), which tables may not reuse.
[[nodiscard]] inline std::set<std::string> fixed_groups() {
  return {"variants", "summary", "timeseries", "runs", "design", "agents"};
}

}  // namespace alignsim::sim::results_detail

namespace alignsim::sim {

struct ResultsFile::State {
  // Declared first so it is destroyed last, after every HDF5 handle below is closed.
  TemporaryFileGuard temporary;
  std::filesystem::path final_path;
  bool overwrite = false;
  std::vector<std::string> variant_names;  // empty for a design
  std::size_t points = 0;                  // design points (0 unless a design)
  std::size_t replicates = 0;
  std::size_t periods = 0;
  hdf5::Datatype string_type;
  hdf5::File file;
  std::vector<hdf5::Dataset> summary;  // per summary metric, [variant, replicate]
  std::vector<hdf5::Dataset> series;   // per series metric, [variant, replicate, period]
  // Per agent-table column, all tables in order: [variant, replicate, row(, period)].
  std::vector<hdf5::Dataset> agents;
  std::vector<std::size_t> agent_column_widths;  // values per run of each (RunGrid)
  std::vector<std::vector<hsize_t>> agent_column_rows;  // per column: {rows} or {rows, periods}
  hdf5::Dataset run_errors;            // [variant, replicate]
  // The file dataspace of [variant, replicate] datasets; its selection moves to the block
  // being written.
  hdf5::Dataspace run_space;
  // Runs until their block is complete; write_block() is its sink.
  RunBlockBuffer blocks;
  bool runs_finished = false;  // finish_runs() done: reads allowed, run writes refused
  std::map<std::string, MetricTableWriter> streamed_tables;  // create_table() groups
  std::set<std::string> group_names = results_detail::fixed_groups();
  // Set by commit() and by any failure after validation: a file that missed a write must
  // not be committed as if complete.
  bool closed = false;

  State(std::filesystem::path final, const ResultsLayout& layout, bool replace);

  // Entries of the first axis: variants, or design points.
  [[nodiscard]] std::size_t variants() const noexcept { return points > 0 ? points : variant_names.size(); }
  [[nodiscard]] const char* axis_name() const noexcept {
    return points > 0 ? results_detail::kPointDimension : results_detail::kVariantDimension;
  }
  [[nodiscard]] const BlockShape& shape() const noexcept { return blocks.shape(); }
  [[nodiscard]] hsize_t chunk_variants() const noexcept { return shape().chunk_variants(); }
  [[nodiscard]] hsize_t summary_chunk_replicates() const noexcept {
    return shape().by_point ? 1 : std::min<hsize_t>(replicates, results_detail::kSummaryChunkReplicates);
  }
  [[nodiscard]] std::string describe_run(std::size_t variant, std::size_t replicate) const {
    return "run (variant " + std::to_string(variant) + ", replicate " + std::to_string(replicate) + ")";
  }
  // The first axis: variant names, or design point numbers.
  [[nodiscard]] hdf5::Coordinate write_variant_coordinate(hid_t group) const;
  [[nodiscard]] hdf5::Coordinate write_replicate_coordinate(hid_t group) const;
  // A table over the first axis.
  [[nodiscard]] MetricTableShape table_shape(const std::string& group, const std::vector<std::string>& column_names,
                                             const std::string& column_dimension_name,
                                             const std::vector<MetricSpec>& metrics) const;

  // results_groups.cpp: the file and its fixed groups, in the order the constructor calls them.
  void create_file();
  void write_provenance(const ResultsLayout& layout, const Provenance& provenance);
  void write_variants(const ResultsLayout& layout);
  void write_design(const ResultsLayout& layout);
  void create_summary(const std::vector<MetricSpec>& metrics);
  void create_timeseries(const ResultsLayout& layout, std::int64_t horizon_days);
  void create_runs();
  // /agents/NAME per agent table; nothing if the layout has none (files stay as before).
  void create_agent_tables(const ResultsLayout& layout, std::int64_t horizon_days);
  [[nodiscard]] hdf5::Coordinate write_period_coordinate(hid_t group, std::int64_t period_days,
                                                   std::int64_t horizon_days) const;

  // results_file.cpp: runs, read-back, publishing.
  void check_run(std::size_t variant, std::size_t replicate, const RunOutput& run) const;
  void write_block(const RunBlock& block, const std::vector<CompressedChunk>& series_chunks);
  void write_agent_block(const RunBlock& block, const std::string& what);
  void finish_runs(const std::string& reason);
  std::vector<double> read_summary(std::size_t metric, std::size_t first, std::size_t count);
  void close_and_publish();

  // The state, if the writer still accepts `operation`.
  static State& accepting(const std::unique_ptr<State>& state, const char* operation);
  // Runs `action`; if it throws, closes the writer to further calls.
  template <class Action>
  void closing_on_failure(Action&& action) {
    try {
      std::forward<Action>(action)();
    } catch (...) {
      closed = true;
      throw;
    }
  }
};

}  // namespace alignsim::sim
