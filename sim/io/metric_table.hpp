#pragma once
// One writer for every per-metric table of a results file: /statistics, /differences,
// the per-point tables of a design and free-standing matrices like /sensitivity. A table
// is a group holding a row coordinate, a string column coordinate and one float64
// dataset per metric shaped [row, column], carrying the metric's units, meaning and
// presentation (docs/output-format.md).
//
// Thread safety: none (HDF5); call from the one thread that uses HDF5.
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "sim/io/hdf5_build.hpp"
#include "sim/run_output.hpp"

namespace alignsim::sim {

// Units and meaning (CF), then how the model presents the metric, so the terminal and
// the Python report need no list of a model's metric names: units, long_name, label,
// key_outcome_rank, headline_rank, better.
// The metrics' names, in order.
[[nodiscard]] std::vector<std::string> names_of(const std::vector<MetricSpec>& metrics);

void write_metric_attributes(hid_t dataset, const MetricSpec& metric, const hdf5::Datatype& string_type);

struct MetricTableShape {
  std::string group;
  std::string row_dimension;  // e.g. "variant", "point", "factor"
  std::size_t rows = 0;
  // Writes the row coordinate (named row_dimension) into the new group.
  std::function<hdf5::Coordinate(hid_t group)> write_row_coordinate;
  std::string column_dimension;  // e.g. "statistic"
  std::vector<std::string> column_names;
  std::vector<MetricSpec> metrics;
};

// Refusals, each an OutputError that leaves the file untouched. A table goes into a
// results file whose groups so far are `used_groups`; its rows are the first axis.
void check_table_layout(const MetricTableShape& shape, const std::set<std::string>& used_groups);
// check_table_layout, and values[m] holds rows x columns values for every metric.
void check_table_values(const MetricTableShape& shape, const std::set<std::string>& used_groups,
                        const std::vector<std::vector<double>>& values);
// A free-standing matrix: its own row and column dimensions, values rows x columns.
void check_matrix(const MetricTableShape& shape, const std::set<std::string>& used_groups,
                  const std::vector<std::vector<double>>& values);

class MetricTableWriter {
 public:
  enum class Storage {
    whole,     // contiguous datasets, written once at creation from `values`
    streamed,  // chunked by up to 4096 rows, NaN until write_rows, no chunk cache
  };

  // Creates the group under `parent`, its coordinates and every metric's dataset; with
  // Storage::whole also writes values[m][row * columns + column].
  MetricTableWriter(hid_t parent, const MetricTableShape& shape, const hdf5::Datatype& string_type, Storage storage,
                    const std::vector<std::vector<double>>& values = {});

  // Storage::streamed: rows [first_row, first_row + n) of every metric,
  // values[m][(row - first_row) * columns + column].
  void write_rows(std::size_t first_row, const std::vector<std::vector<double>>& values);

 private:
  std::string group_;
  std::vector<hdf5::Dataset> datasets_;  // kept open only when streamed
};

}  // namespace alignsim::sim
