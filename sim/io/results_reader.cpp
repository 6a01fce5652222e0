#include "sim/io/results_reader.hpp"

#include <algorithm>
#include <system_error>

#include "sim/errors.hpp"
#include "sim/io/alignsim_file.hpp"
#include "sim/io/hdf5_build.hpp"

namespace alignsim::sim {
namespace {

constexpr std::int64_t kReadableFormatVersion = 2;

// The dimension scales of /summary and /timeseries: coordinates, not metrics.
bool is_coordinate(const std::string& name) {
  return name == "variant" || name == "replicate" || name == "period" || name == "point";
}

std::vector<std::string> dataset_names(hid_t group, const std::string& what) {
  H5G_info_t info{};
  hdf5::check(H5Gget_info(group, &info), "listing " + what);
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    hdf5::check(static_cast<herr_t>(length < 0 ? -1 : 0), "listing " + what);
    std::string name(static_cast<std::size_t>(length), '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
    if (!is_coordinate(name)) names.push_back(name);
  }
  return names;
}

std::vector<std::string> read_strings(hid_t file, const std::string& path) {
  const hdf5::Dataset dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path);
  const hdf5::Dataspace space(H5Dget_space(dataset.get()), "getting the shape of " + path);
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  std::vector<char*> texts(static_cast<std::size_t>(std::max<hssize_t>(count, 0)), nullptr);
  const hdf5::Datatype text = hdf5::make_utf8_string_type();
  const herr_t status = H5Dread(dataset.get(), text.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data());
  std::vector<std::string> values;
  for (char* t : texts) {
    values.emplace_back(t != nullptr ? t : "");
    H5free_memory(t);
  }
  hdf5::check(status, "reading " + path);
  return values;
}

template <typename T>
std::vector<T> read_all(hid_t file, const std::string& path, hid_t memory_type) {
  const hdf5::Dataset dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path);
  const hdf5::Dataspace space(H5Dget_space(dataset.get()), "getting the shape of " + path);
  std::vector<T> values(static_cast<std::size_t>(std::max<hssize_t>(H5Sget_simple_extent_npoints(space.get()), 0)));
  hdf5::check(H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "reading " + path);
  return values;
}

bool has_link(hid_t file, const std::string& path) {
  return hdf5::check(H5Lexists(file, path.c_str(), H5P_DEFAULT), "looking for " + path) > 0;
}

// One variant's rows of a [variant, replicate(, period)] dataset.
std::vector<double> variant_rows(hid_t file, const std::string& path, std::size_t variant, std::size_t row_values) {
  const hdf5::Dataset dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path);
  const hdf5::Dataspace space(H5Dget_space(dataset.get()), "getting the shape of " + path);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  hdf5::check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), "getting the shape of " + path);
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  start[0] = variant;
  count[0] = 1;
  hdf5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
              "selecting a variant of " + path);
  std::vector<double> values(row_values);
  const hdf5::Dataspace memory = hdf5::simple_space({static_cast<hsize_t>(row_values)});
  hdf5::check(H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, memory.get(), space.get(), H5P_DEFAULT, values.data()),
              "reading " + path);
  return values;
}

}  // namespace

ResultsReader::ResultsReader(const std::filesystem::path& file) : path_(file) {
  const std::string name = "results file '" + file.string() + "'";
  std::error_code ignored;
  if (!std::filesystem::exists(file, ignored)) throw UsageError(name + ": no such file");
  if (const std::string why = why_not_written_by_alignsim(file); !why.empty()) throw UsageError(name + ": " + why);
  hdf5::disable_automatic_error_printing();
  file_ = hdf5::File(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening " + file.string());
  const hid_t root = file_.get();
  if (H5Aexists(root, "output_format_version") <= 0) throw UsageError(name + ": a shard file, not a results file (merge the shards first)");
  std::int64_t version = 0;
  hdf5::read_scalar_attribute(root, "output_format_version", H5T_NATIVE_INT64, &version);
  if (version != kReadableFormatVersion) {
    throw UsageError(name + ": output format version " + std::to_string(version) + ", this build reads version " +
                     std::to_string(kReadableFormatVersion) + " (rerun the scenario)");
  }
  if (!has_link(root, "/summary/variant")) throw UsageError(name + ": holds design points, not variants");
  variants_ = read_strings(root, "/summary/variant");
  for (std::size_t v = 0; v < variants_.size(); ++v) variant_indices_.emplace(variants_[v], v);
  replicates_ = hdf5::read_size_attribute(root, "replicates");
  const hdf5::Group summary(H5Gopen2(root, "/summary", H5P_DEFAULT), "opening /summary");
  summary_metrics_ = dataset_names(summary.get(), "/summary");
  if (has_link(root, "/timeseries")) {
    const hdf5::Group series(H5Gopen2(root, "/timeseries", H5P_DEFAULT), "opening /timeseries");
    series_metrics_ = dataset_names(series.get(), "/timeseries");
    period_end_days_ = read_all<std::int64_t>(root, "/timeseries/period", H5T_NATIVE_INT64);
  }
}

std::optional<std::size_t> ResultsReader::find_variant(const std::string& name) const {
  const auto found = variant_indices_.find(name);
  if (found == variant_indices_.end()) return std::nullopt;
  return found->second;
}

std::vector<double> ResultsReader::summary(const std::string& metric, std::size_t variant) const {
  return variant_rows(file_.get(), "/summary/" + metric, variant, replicates_);
}

std::vector<double> ResultsReader::series(const std::string& metric, std::size_t variant) const {
  return variant_rows(file_.get(), "/timeseries/" + metric, variant, replicates_ * period_end_days_.size());
}

}  // namespace alignsim::sim
