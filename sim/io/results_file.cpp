// The results writer's front: validation, the lifecycle (temporary file, commit), runs
// into blocks and blocks into HDF5, read-back and the table entry points. The groups are
// laid out in results_groups.cpp, runs buffered by run_block_buffer.cpp, tables written by
// metric_table.cpp, all with the building blocks of hdf5_build.cpp.
#include "sim/io/results_file.hpp"

#include <algorithm>
#include <utility>

#include "sim/errors.hpp"
#include "sim/io/results_file_state.hpp"

namespace alignsim::sim {
namespace fs = std::filesystem;
using namespace results_detail;
namespace {

// ---------------------------------------------------------------- validation

void validate_design(const ResultsLayout& layout) {
  if (!layout.variant_names.empty() || !layout.variant_descriptions.empty() || !layout.variant_overrides_yaml.empty()) {
    throw OutputError("a design layout has points, not variants");
  }
  if (layout.factors.empty() || !layout.design_point) throw OutputError("a design layout needs factors and design_point");
  std::vector<std::string> names;
  for (const DesignFactorColumn& f : layout.factors) names.push_back(f.name);
  hdf5::require_unique_link_names(names, "design factor", {kPointDimension});
}

void validate_agent_tables(const ResultsLayout& layout) {
  const std::vector<AgentTableSpec>& tables = layout.metrics.agent_tables;
  if (layout.agent_table_rows.size() != tables.size()) {
    throw OutputError("the layout has " + std::to_string(tables.size()) + " agent tables but rows for " +
                      std::to_string(layout.agent_table_rows.size()));
  }
  std::vector<std::string> names;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const AgentTableSpec& table = tables[t];
    names.push_back(table.name);
    const std::set<std::string> axes = {kVariantDimension, kPointDimension, kReplicateDimension, kPeriodDimension};
    hdf5::require_unique_link_names({table.dimension}, "agent table " + table.name + " dimension", axes);
    std::set<std::string> taken = axes;
    taken.insert(table.dimension);
    hdf5::require_unique_link_names(names_of(table.columns), "agent table " + table.name + " column", taken);
    const std::size_t rows = layout.agent_table_rows[t];
    if (rows == 0 || (!table.row_labels.empty() && rows != table.row_labels.size())) {
      throw OutputError("agent table " + table.name + " has " + std::to_string(rows) + " rows (need at least 1" +
                        (table.row_labels.empty() ? "" : ", and one per label") + ")");
    }
  }
  hdf5::require_unique_link_names(names, "agent table", {});
}

void validate_layout(const ResultsLayout& layout) {
  if (layout.points > 0) validate_design(layout);
  const std::size_t variants = layout.points > 0 ? layout.points : layout.variant_names.size();
  if (variants == 0) throw OutputError("the layout has no variants (variant 0 must be \"base\")");
  if (layout.points == 0 &&
      (layout.variant_descriptions.size() != variants || layout.variant_overrides_yaml.size() != variants)) {
    throw OutputError("the layout has " + std::to_string(variants) + " variant names but " +
                      std::to_string(layout.variant_descriptions.size()) + " descriptions and " +
                      std::to_string(layout.variant_overrides_yaml.size()) + " override texts");
  }
  hdf5::require_unique_link_names(layout.variant_names, "variant name", {});
  if (layout.replicates == 0) throw OutputError("the layout has 0 replicates (need at least 1)");
  if (layout.periods == 0) throw OutputError("the layout has 0 periods (need at least 1)");
  if (layout.period_days < 1) {
    throw OutputError("period_days is " + std::to_string(layout.period_days) + " (need at least 1)");
  }
  hdf5::require_unique_link_names(names_of(layout.metrics.summary), "summary metric",
                                  {kVariantDimension, kPointDimension, kReplicateDimension});
  hdf5::require_unique_link_names(names_of(layout.metrics.series), "series metric",
                                  {kVariantDimension, kPointDimension, kReplicateDimension, kPeriodDimension});
  validate_agent_tables(layout);
}

// Prefixes every error with the file it concerns.
template <class Action>
void naming_file(const fs::path& final_path, Action&& action) {
  try {
    std::forward<Action>(action)();
  } catch (const OutputError& error) {
    throw OutputError("results file " + quoted(final_path) + ": " + error.what());
  }
}

// Selects variants [variant, variant + variants) x replicates [first, first + count) in a
// [variant, replicate] file dataspace.
void select_runs(const hdf5::Dataspace& space, std::size_t variant, std::size_t variants, std::size_t first,
                 std::size_t count) {
  const hsize_t offset[2] = {variant, first}, counts[2] = {variants, count};
  hdf5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset, nullptr, counts, nullptr), "selecting runs");
}

RunGrid grid_of(const ResultsLayout& layout) {
  std::vector<std::size_t> widths;
  for (std::size_t t = 0; t < layout.metrics.agent_tables.size(); ++t) {
    const AgentTableSpec& table = layout.metrics.agent_tables[t];
    widths.insert(widths.end(), table.columns.size(), agent_table_values(table, layout.agent_table_rows[t], layout.periods) /
                                                          std::max<std::size_t>(1, table.columns.size()));
  }
  return {layout.points > 0 ? layout.points : layout.variant_names.size(), layout.replicates,
          layout.metrics.summary.size(), layout.metrics.series.size(), layout.periods, std::move(widths)};
}

}  // namespace

// ---------------------------------------------------------------- the state

ResultsFile::State::State(fs::path final, const ResultsLayout& layout, bool replace)
    : temporary(temporary_path_for(final)),
      final_path(std::move(final)),
      overwrite(replace),
      variant_names(layout.variant_names),
      points(layout.points),
      replicates(layout.replicates),
      periods(layout.periods),
      agent_column_widths(grid_of(layout).agent_column_widths),
      blocks(grid_of(layout), block_shape_for(grid_of(layout), layout.points > 0),
             static_cast<int>(hdf5::kDeflateLevel),
             [this](const RunBlock& block, const std::vector<CompressedChunk>& chunks) { write_block(block, chunks); }) {}

MetricTableShape ResultsFile::State::table_shape(const std::string& group, const std::vector<std::string>& column_names,
                                                 const std::string& column_dimension_name,
                                                 const std::vector<MetricSpec>& metrics) const {
  return {group,        axis_name(),           variants(), [this](hid_t g) { return write_variant_coordinate(g); },
          column_dimension_name, column_names, metrics};
}

void ResultsFile::State::check_run(std::size_t variant, std::size_t replicate, const RunOutput& run) const {
  if (variant >= variants() || replicate >= replicates) {
    throw OutputError(describe_run(variant, replicate) + " is outside the layout (" + std::to_string(variants()) +
                      " variants, " + std::to_string(replicates) + " replicates)");
  }
  if (blocks.is_written(variant, replicate)) throw OutputError(describe_run(variant, replicate) + " was already written");
  const bool failed_without_values = !run.error.empty() && run.summary.empty() && run.series.empty();
  if (failed_without_values) return;
  std::size_t agents_size = 0;
  for (const std::size_t width : agent_column_widths) agents_size += width;
  const bool agents_fit = run.agents.size() == agents_size || (!run.error.empty() && run.agents.empty());
  if (!agents_fit) {
    throw OutputError(describe_run(variant, replicate) + " has " + std::to_string(run.agents.size()) +
                      " agent-table values; the layout needs " + std::to_string(agents_size));
  }
  if (run.summary.size() != summary.size() || run.series.size() != series.size() * periods) {
    throw OutputError(describe_run(variant, replicate) + " has " + std::to_string(run.summary.size()) +
                      " summary and " + std::to_string(run.series.size()) + " series values; the layout needs " +
                      std::to_string(summary.size()) + " and " + std::to_string(series.size() * periods));
  }
}

void ResultsFile::State::write_block(const RunBlock& block, const std::vector<CompressedChunk>& series_chunks) {
  const std::string what = std::string("writing ") + axis_name() + " " + std::to_string(block.first_variant) +
                           (block.variants > 1 ? " to " + std::to_string(block.first_variant + block.variants - 1) : "") +
                           ", replicates " + std::to_string(block.first_replicate) + " to " +
                           std::to_string(block.first_replicate + block.size - 1);
  select_runs(run_space, block.first_variant, block.variants, block.first_replicate, block.size);
  const hdf5::Dataspace row = hdf5::simple_space({block.variants, block.size});
  for (std::size_t metric = 0; metric < summary.size(); ++metric) {
    hdf5::check(H5Dwrite(summary[metric].get(), H5T_NATIVE_DOUBLE, row.get(), run_space.get(), H5P_DEFAULT,
                         &block.summary[metric * block.runs()]),
                what);
  }
  std::vector<const char*> errors;
  // In by-point blocks a successful run's empty error is written as a null string, which
  // HDF5 stores without a global-heap object (readers see ""); one heap object per run
  // would make memory and file grow with the number of runs.
  for (const std::string& error : block.errors) {
    errors.push_back(shape().by_point && error.empty() ? nullptr : error.c_str());
  }
  hdf5::check(H5Dwrite(run_errors.get(), string_type.get(), row.get(), run_space.get(), H5P_DEFAULT, errors.data()),
              what);
  // Series chunks were compressed off this thread; one chunk per metric covers the block.
  const hsize_t chunk_offset[3] = {block.first_variant, block.first_replicate, 0};
  for (std::size_t metric = 0; metric < series.size(); ++metric) {
    const CompressedChunk& chunk = series_chunks[metric];
    hdf5::check(H5Dwrite_chunk(series[metric].get(), H5P_DEFAULT, chunk.filter_mask, chunk_offset, chunk.bytes.size(),
                               chunk.bytes.data()),
                what);
  }
  write_agent_block(block, what);
}

// Agent-table chunks are as wide as the block, so HDF5 compresses each whole, once;
// they are small next to the time series, so this stays on the writer thread.
void ResultsFile::State::write_agent_block(const RunBlock& block, const std::string& what) {
  std::size_t offset = 0;
  for (std::size_t column = 0; column < agents.size(); ++column) {
    std::vector<hsize_t> start = {block.first_variant, block.first_replicate};
    std::vector<hsize_t> count = {block.variants, block.size};
    for (const hsize_t extent : agent_column_rows[column]) {
      start.push_back(0);
      count.push_back(extent);
    }
    const hdf5::Dataspace file_space(H5Dget_space(agents[column].get()), "reading an agent dataset's shape");
    hdf5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
                "selecting runs");
    const hdf5::Dataspace memory = hdf5::simple_space(count);
    hdf5::check(H5Dwrite(agents[column].get(), H5T_NATIVE_DOUBLE, memory.get(), file_space.get(), H5P_DEFAULT,
                         &block.agents[offset * block.runs()]),
                what);
    offset += agent_column_widths[column];
  }
}

void ResultsFile::State::finish_runs(const std::string& reason) {
  if (runs_finished) return;
  blocks.mark_unwritten(reason);
  blocks.flush();
  runs_finished = true;
}

std::vector<double> ResultsFile::State::read_summary(std::size_t metric, std::size_t first, std::size_t count) {
  std::vector<double> values(count * replicates);
  select_runs(run_space, first, count, 0, replicates);
  const hdf5::Dataspace memory = hdf5::simple_space({count, replicates});
  hdf5::check(H5Dread(summary.at(metric).get(), H5T_NATIVE_DOUBLE, memory.get(), run_space.get(), H5P_DEFAULT,
                      values.data()),
              "reading summary values back");
  return values;
}

void ResultsFile::State::close_and_publish() {
  blocks.flush();
  streamed_tables.clear();
  hdf5::check(H5Fflush(file.get(), H5F_SCOPE_LOCAL), "flushing the file");
  for (hdf5::Dataset& dataset : summary) dataset.close("closing a summary dataset");
  for (hdf5::Dataset& dataset : series) dataset.close("closing a series dataset");
  for (hdf5::Dataset& dataset : agents) dataset.close("closing an agent-table dataset");
  run_errors.close("closing /runs/error");
  file.close("closing the file");
  fsync_path(temporary.path(), false);
  publish(temporary.path(), final_path, overwrite);
  temporary.release();
  fsync_path(directory_of(final_path), true);
}

ResultsFile::State& ResultsFile::State::accepting(const std::unique_ptr<State>& state, const char* operation) {
  hdf5::disable_automatic_error_printing();  // this thread may not be the one that opened the file
  if (!state) throw OutputError(std::string(operation) + "() called on a moved-from ResultsFile");
  if (state->closed) {
    throw OutputError("results file " + quoted(state->final_path) + ": " + operation +
                      "() called after commit() or after a failed write");
  }
  return *state;
}

// ---------------------------------------------------------------- the writer

ResultsFile::ResultsFile(fs::path final_path, const ResultsLayout& layout, const Provenance& provenance,
                         bool overwrite) {
  const fs::path path_for_errors = final_path;
  naming_file(path_for_errors, [&] {
    validate_layout(layout);
    check_destination(final_path, overwrite);
    hdf5::disable_automatic_error_printing();
    // HDF5 keeps freed blocks on free lists for reuse, without a bound by default; over a
    // long sweep that grows with the number of blocks written. A small cap keeps memory
    // flat (process-wide, and harmless for any other HDF5 use).
    hdf5::check(H5set_free_list_limits(1 << 20, 1 << 18, 1 << 20, 1 << 18, 1 << 20, 1 << 18),
                "limiting HDF5's free lists");
    // From here on an exception destroys state_, which closes and deletes the temporary.
    state_ = std::make_unique<State>(std::move(final_path), layout, overwrite);
    state_->create_file();
    state_->write_provenance(layout, provenance);
    if (layout.points > 0) {
      state_->write_design(layout);
    } else {
      state_->write_variants(layout);
    }
    state_->create_summary(layout.metrics.summary);
    state_->create_timeseries(layout, provenance.horizon_days);
    state_->create_runs();
    state_->create_agent_tables(layout, provenance.horizon_days);
    state_->run_space = hdf5::simple_space({state_->variants(), state_->replicates});
  });
}

ResultsFile::~ResultsFile() = default;
ResultsFile::ResultsFile(ResultsFile&&) noexcept = default;
ResultsFile& ResultsFile::operator=(ResultsFile&&) noexcept = default;

void ResultsFile::write_run(std::size_t variant, std::size_t replicate, const RunOutput& run) {
  State& state = State::accepting(state_, "write_run");
  naming_file(state.final_path, [&] {
    if (state.runs_finished) throw OutputError("write_run() called after finish_runs()");
    state.check_run(variant, replicate, run);
    state.closing_on_failure([&] { state.blocks.add(variant, replicate, run); });
  });
}

void ResultsFile::write_table(const std::string& group, const std::vector<std::string>& column_names,
                              const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                              const std::vector<std::vector<double>>& values) {
  State& state = State::accepting(state_, "write_table");
  naming_file(state.final_path, [&] {
    const MetricTableShape shape = state.table_shape(group, column_names, column_dimension_name, metrics);
    check_table_values(shape, state.group_names, values);
    state.closing_on_failure([&] {
      MetricTableWriter(state.file.get(), shape, state.string_type, MetricTableWriter::Storage::whole, values);
      state.group_names.insert(group);
    });
  });
}

void ResultsFile::write_text_attribute(const std::string& group, const std::string& name, const std::string& value) {
  State& state = State::accepting(state_, "write_text_attribute");
  naming_file(state.final_path, [&] {
    state.closing_on_failure([&] {
      const hdf5::Group opened(H5Gopen2(state.file.get(), group.c_str(), H5P_DEFAULT), "opening group " + group);
      hdf5::write_string_attribute(opened.get(), name, value, state.string_type);
    });
  });
}

void ResultsFile::commit() {
  State& state = State::accepting(state_, "commit");
  state.closed = true;  // even a failed commit leaves nothing worth writing to
  naming_file(state.final_path, [&] {
    state.finish_runs(kUnwrittenRunError);
    state.close_and_publish();
  });
}

void ResultsFile::finish_runs(const std::string& unwritten_reason) {
  State& state = State::accepting(state_, "finish_runs");
  naming_file(state.final_path, [&] { state.closing_on_failure([&] { state.finish_runs(unwritten_reason); }); });
}

std::vector<double> ResultsFile::read_summary(std::size_t metric, std::size_t first, std::size_t count) {
  State& state = State::accepting(state_, "read_summary");
  std::vector<double> values;
  naming_file(state.final_path, [&] {
    if (!state.runs_finished) throw OutputError("read_summary() needs finish_runs() first");
    if (metric >= state.summary.size() || first + count > state.variants()) {
      throw OutputError("read_summary(): metric or range outside the layout");
    }
    values = state.read_summary(metric, first, count);
  });
  return values;
}

void ResultsFile::create_table(const std::string& group, const std::vector<std::string>& column_names,
                               const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics) {
  State& state = State::accepting(state_, "create_table");
  naming_file(state.final_path, [&] {
    const MetricTableShape shape = state.table_shape(group, column_names, column_dimension_name, metrics);
    check_table_layout(shape, state.group_names);
    state.closing_on_failure([&] {
      state.streamed_tables.emplace(
          group, MetricTableWriter(state.file.get(), shape, state.string_type, MetricTableWriter::Storage::streamed));
      state.group_names.insert(group);
    });
  });
}

void ResultsFile::write_table_rows(const std::string& group, std::size_t first_row,
                                   const std::vector<std::vector<double>>& values) {
  State& state = State::accepting(state_, "write_table_rows");
  naming_file(state.final_path, [&] {
    const auto table = state.streamed_tables.find(group);
    if (table == state.streamed_tables.end()) throw OutputError("table " + group + " was not created with create_table");
    table->second.write_rows(first_row, values);
  });
}

void ResultsFile::write_matrix(const std::string& group, const std::string& row_dimension_name,
                               const std::vector<std::string>& row_names, const std::string& column_dimension_name,
                               const std::vector<std::string>& column_names, const std::vector<MetricSpec>& metrics,
                               const std::vector<std::vector<double>>& values) {
  State& state = State::accepting(state_, "write_matrix");
  naming_file(state.final_path, [&] {
    const hdf5::Datatype& string_type = state.string_type;
    const MetricTableShape shape{
        group, row_dimension_name, row_names.size(),
        [&](hid_t g) { return hdf5::write_string_coordinate(g, row_dimension_name, row_names, string_type); },
        column_dimension_name, column_names, metrics};
    check_matrix(shape, state.group_names, values);
    state.closing_on_failure([&] {
      MetricTableWriter(state.file.get(), shape, string_type, MetricTableWriter::Storage::whole, values);
      state.group_names.insert(group);
    });
  });
}

const fs::path& ResultsFile::final_path() const noexcept { return state_->final_path; }
const fs::path& ResultsFile::temporary_path() const noexcept { return state_->temporary.path(); }
double ResultsFile::background_compression_seconds() const noexcept {
  return state_->blocks.compression_cpu_seconds();
}

}  // namespace alignsim::sim
