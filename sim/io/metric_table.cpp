#include "sim/io/metric_table.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "sim/errors.hpp"

namespace alignsim::sim {
namespace {

constexpr hsize_t kStreamedChunkRows = 4096;

}  // namespace

std::vector<std::string> names_of(const std::vector<MetricSpec>& metrics) {
  std::vector<std::string> names;
  names.reserve(metrics.size());
  for (const MetricSpec& metric : metrics) names.push_back(metric.name);
  return names;
}

// Units and meaning (CF), then how the model presents the metric, so the terminal and
// the Python report need no list of a model's metric names (docs/output-format.md).
void write_metric_attributes(hid_t dataset, const MetricSpec& metric, const hdf5::Datatype& string_type) {
  hdf5::write_string_attribute(dataset, "units", metric.unit, string_type);
  hdf5::write_string_attribute(dataset, "long_name", metric.meaning, string_type);
  hdf5::write_string_attribute(dataset, "label", metric.shown_name(), string_type);
  hdf5::write_string_attribute(dataset, "better", better_name(metric.better), string_type);
  for (const auto& [name, rank] : {std::pair{"key_outcome_rank", metric.key_outcome_rank},
                                   std::pair{"headline_rank", metric.headline_rank},
                                   std::pair{"chart_rank", metric.chart_rank}, std::pair{"funnel_rank", metric.funnel_rank},
                                   std::pair{"runs_chart_rank", metric.runs_chart_rank}}) {
    hdf5::write_int64_attribute(dataset, name, static_cast<std::int64_t>(rank));
  }
}

void check_table_layout(const MetricTableShape& shape, const std::set<std::string>& used_groups) {
  const std::string& group = shape.group;
  if (!hdf5::is_valid_link_name(group)) throw OutputError("table group '" + group + "' is not a valid HDF5 name");
  if (used_groups.count(group) != 0) throw OutputError("group '" + group + "' was already written");
  if (shape.column_names.empty()) throw OutputError("table " + group + " has no columns");
  hdf5::require_unique_link_names({shape.column_dimension}, "column dimension of table " + group,
                                  {shape.row_dimension});
  hdf5::require_unique_link_names(names_of(shape.metrics), "metric of table " + group,
                                  {shape.row_dimension, shape.column_dimension});
}

void check_table_values(const MetricTableShape& shape, const std::set<std::string>& used_groups,
                        const std::vector<std::vector<double>>& values) {
  check_table_layout(shape, used_groups);
  const std::string& group = shape.group;
  if (values.size() != shape.metrics.size()) {
    throw OutputError("table " + group + " has " + std::to_string(shape.metrics.size()) + " metrics but " +
                      std::to_string(values.size()) + " value arrays");
  }
  const std::size_t cells = shape.rows * shape.column_names.size();
  for (std::size_t metric = 0; metric < shape.metrics.size(); ++metric) {
    if (values[metric].size() != cells) {
      throw OutputError("table " + group + ", metric " + shape.metrics[metric].name + ": " +
                        std::to_string(values[metric].size()) +
                        " values, expected variants x columns = " + std::to_string(cells));
    }
  }
}

void check_matrix(const MetricTableShape& shape, const std::set<std::string>& used_groups,
                  const std::vector<std::vector<double>>& values) {
  const std::string& group = shape.group;
  if (!hdf5::is_valid_link_name(group) || used_groups.count(group) != 0) {
    throw OutputError("group '" + group + "' is not a valid name or was already written");
  }
  hdf5::require_unique_link_names({shape.row_dimension, shape.column_dimension}, "dimension of " + group, {});
  hdf5::require_unique_link_names(names_of(shape.metrics), "metric of " + group,
                                  {shape.row_dimension, shape.column_dimension});
  for (const auto& v : values) {
    if (v.size() != shape.rows * shape.column_names.size()) throw OutputError("matrix " + group + ": wrong size");
  }
  if (values.size() != shape.metrics.size()) throw OutputError("matrix " + group + ": wrong number of metrics");
}

// The HDF5 calls come in the order the three table writers had before they became this
// one (create, write if whole, attributes, coordinates), so files stay byte-identical.
MetricTableWriter::MetricTableWriter(hid_t parent, const MetricTableShape& shape, const hdf5::Datatype& string_type,
                                     Storage storage, const std::vector<std::vector<double>>& values)
    : group_(shape.group) {
  const bool streamed = storage == Storage::streamed;
  const hdf5::Group table = hdf5::create_group(parent, shape.group);
  const hdf5::Coordinate rows = shape.write_row_coordinate(table.get());
  const hdf5::Coordinate columns =
      hdf5::write_string_coordinate(table.get(), shape.column_dimension, shape.column_names, string_type);
  const std::vector<hsize_t> dimensions{shape.rows, shape.column_names.size()};
  const hdf5::PropertyList creation =
      streamed ? hdf5::chunked_properties({std::min<hsize_t>(shape.rows, kStreamedChunkRows), dimensions[1]}, false,
                                          true)
               : hdf5::untimed_creation_properties(H5P_DATASET_CREATE);
  const hdf5::PropertyList access = streamed ? hdf5::uncached_chunks() : hdf5::PropertyList{};
  for (std::size_t m = 0; m < shape.metrics.size(); ++m) {
    const MetricSpec& metric = shape.metrics[m];
    hdf5::Dataset dataset = hdf5::create_dataset(table.get(), metric.name, H5T_IEEE_F64LE, dimensions, creation,
                                                 streamed ? access.get() : H5P_DEFAULT);
    if (!streamed) {
      hdf5::check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values[m].data()),
                  "writing " + shape.group + "/" + metric.name);
    }
    write_metric_attributes(dataset.get(), metric, string_type);
    hdf5::attach_coordinates(dataset, {&rows, &columns});
    if (streamed) datasets_.push_back(std::move(dataset));
  }
}

void MetricTableWriter::write_rows(std::size_t first_row, const std::vector<std::vector<double>>& values) {
  if (values.size() != datasets_.size()) throw OutputError("table " + group_ + ": wrong number of metrics");
  for (std::size_t m = 0; m < values.size(); ++m) {
    const hdf5::Dataspace space(H5Dget_space(datasets_[m].get()), "getting a table dataspace");
    hsize_t dims[2] = {0, 0};
    hdf5::check(H5Sget_simple_extent_dims(space.get(), dims, nullptr), "reading a table shape");
    const std::size_t rows = dims[1] == 0 ? 0 : values[m].size() / dims[1];
    if (rows * dims[1] != values[m].size() || first_row + rows > dims[0]) {
      throw OutputError("table " + group_ + ": rows outside the table or not a whole number of rows");
    }
    const hsize_t offset[2] = {first_row, 0}, count[2] = {rows, dims[1]};
    hdf5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset, nullptr, count, nullptr), "selecting rows");
    const hdf5::Dataspace memory = hdf5::simple_space({rows, dims[1]});
    hdf5::check(H5Dwrite(datasets_[m].get(), H5T_NATIVE_DOUBLE, memory.get(), space.get(), H5P_DEFAULT,
                         values[m].data()),
                "writing rows of " + group_);
  }
}

}  // namespace alignsim::sim
