#include "sim/results_file.hpp"

#include "sim/errors.hpp"
#include "sim/hdf5_handle.hpp"

#include <fcntl.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <limits>
#include <map>
#include <set>
#include <system_error>
#include <utility>

namespace alignsim::sim {
namespace fs = std::filesystem;
namespace {

// Output format version, bumped whenever a path, type or meaning changes.
constexpr std::int64_t kOutputFormatVersion = 1;

// Chunking: a summary chunk is one variant's row of up to 4096 replicates (32 KiB); a
// series chunk holds up to 64 replicates of one variant, all periods, kept near 1 MiB so
// it fits HDF5's chunk cache and is compressed once, when complete.
constexpr hsize_t kSummaryChunkReplicates = 4096;
constexpr hsize_t kSeriesChunkReplicates = 64;
constexpr std::size_t kTargetChunkBytes = std::size_t{1} << 20;
// Chunk cache per dataset, within these bounds. Runs reach HDF5 in blocks one series chunk
// wide, so a series chunk is written whole and needs caching only until it is compressed;
// a summary chunk (4096 replicates) fills over several blocks, so the cache keeps one
// partly written chunk per variant rather than reading it back for every block.
constexpr std::size_t kMinCacheBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxCacheBytes = std::size_t{16} << 20;
constexpr std::size_t kCacheSlots = 12421;  // prime, as HDF5 recommends for its hash
constexpr unsigned kDeflateLevel = 4;

constexpr const char* kVariantDimension = "variant";
constexpr const char* kReplicateDimension = "replicate";
constexpr const char* kPeriodDimension = "period";
const std::set<std::string> kFixedGroups = {"variants", "summary", "timeseries", "runs"};

// ---------------------------------------------------------------- validation

bool is_valid_link_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

// Every name must be usable as an HDF5 link, appear once, and not collide with `taken`
// (the coordinate names of the group the names go into).
void require_unique_link_names(const std::vector<std::string>& names, const std::string& what,
                               const std::set<std::string>& taken) {
  std::set<std::string> seen = taken;
  for (const std::string& name : names) {
    if (!is_valid_link_name(name)) {
      throw OutputError(what + " '" + name + "' is not a valid HDF5 name (empty, '.', '..' or contains '/')");
    }
    if (!seen.insert(name).second) {
      throw OutputError(what + " '" + name + "' is used twice or collides with a coordinate name");
    }
  }
}

std::vector<std::string> names_of(const std::vector<MetricSpec>& metrics) {
  std::vector<std::string> names;
  names.reserve(metrics.size());
  for (const MetricSpec& metric : metrics) names.push_back(metric.name);
  return names;
}

void validate_layout(const ResultsLayout& layout) {
  const std::size_t variants = layout.variant_names.size();
  if (variants == 0) throw OutputError("the layout has no variants (variant 0 must be \"base\")");
  if (layout.variant_descriptions.size() != variants || layout.variant_overrides_yaml.size() != variants) {
    throw OutputError("the layout has " + std::to_string(variants) + " variant names but " +
                      std::to_string(layout.variant_descriptions.size()) + " descriptions and " +
                      std::to_string(layout.variant_overrides_yaml.size()) + " override texts");
  }
  require_unique_link_names(layout.variant_names, "variant name", {});
  if (layout.replicates == 0) throw OutputError("the layout has 0 replicates (need at least 1)");
  if (layout.periods == 0) throw OutputError("the layout has 0 periods (need at least 1)");
  if (layout.period_days < 1) {
    throw OutputError("period_days is " + std::to_string(layout.period_days) + " (need at least 1)");
  }
  require_unique_link_names(names_of(layout.metrics.summary), "summary metric",
                            {kVariantDimension, kReplicateDimension});
  require_unique_link_names(names_of(layout.metrics.series), "series metric",
                            {kVariantDimension, kReplicateDimension, kPeriodDimension});
}

// ---------------------------------------------------------------- filesystem

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::string errno_text(int error) { return std::generic_category().message(error); }

fs::path directory_of(const fs::path& file) {
  fs::path directory = file.parent_path();
  return directory.empty() ? fs::path(".") : directory;
}

// Everything that can be checked before touching the disk, so a refusal leaves no trace.
void check_destination(const fs::path& final_path, bool overwrite) {
  if (!final_path.has_filename()) throw OutputError("the path names a directory, not a file");
  const fs::path directory = directory_of(final_path);
  std::error_code error;
  const fs::file_status directory_status = fs::status(directory, error);
  if (!fs::exists(directory_status)) throw OutputError("directory " + quoted(directory) + " does not exist");
  if (!fs::is_directory(directory_status)) throw OutputError(quoted(directory) + " is not a directory");
  if (::access(directory.c_str(), W_OK | X_OK) != 0) {
    throw OutputError("directory " + quoted(directory) + " is not writable: " + errno_text(errno));
  }
  const fs::file_status target_status = fs::status(final_path, error);
  if (fs::is_directory(target_status)) throw OutputError("a directory of that name exists");
  if (fs::exists(target_status) && !overwrite) {
    throw OutputError("the file already exists; refusing to replace it because overwriting was not requested");
  }
}

// ".NAME.tmp-PID-N" in the destination directory: hidden, on the same filesystem (so the
// final rename is atomic) and unique per process and writer.
fs::path temporary_path_for(const fs::path& final_path) {
  static std::atomic<unsigned> writers_in_process{0};
  const std::string name = "." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(writers_in_process++);
  return directory_of(final_path) / name;
}

void fsync_path(const fs::path& path, bool is_directory) {
  const int fd = ::open(path.c_str(), is_directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) throw OutputError("cannot open " + quoted(path) + " to sync it: " + errno_text(errno));
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  // Some filesystems cannot sync a directory and say EINVAL; the rename still happened.
  if (result != 0 && !(is_directory && error == EINVAL)) {
    throw OutputError("cannot sync " + quoted(path) + " to disk: " + errno_text(error));
  }
}

// Moves the finished file into place atomically. Without overwrite, link() fails if the
// name was taken while we were writing, where rename() would silently replace it.
void publish(const fs::path& temporary, const fs::path& final_path, bool overwrite) {
  if (overwrite) {
    if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
      throw OutputError("cannot rename " + quoted(temporary) + " to the final name: " + errno_text(errno));
    }
    return;
  }
  if (::link(temporary.c_str(), final_path.c_str()) != 0) {
    const int error = errno;
    if (error == EEXIST) throw OutputError("the file appeared while results were being written; not replacing it");
    throw OutputError("cannot link " + quoted(temporary) + " to the final name: " + errno_text(error));
  }
  ::unlink(temporary.c_str());  // the data is safe under the final name either way
}

// Deletes the temporary file unless released, so every early exit cleans up.
class TemporaryFileGuard {
 public:
  explicit TemporaryFileGuard(fs::path path) : path_(std::move(path)) {}
  ~TemporaryFileGuard() {
    std::error_code ignored;
    if (armed_) fs::remove(path_, ignored);
  }
  TemporaryFileGuard(const TemporaryFileGuard&) = delete;
  TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;
  void release() noexcept { armed_ = false; }
  [[nodiscard]] const fs::path& path() const noexcept { return path_; }

 private:
  fs::path path_;
  bool armed_ = true;
};

// Prefixes every error with the file it concerns.
template <class Action>
void naming_file(const fs::path& final_path, Action&& action) {
  try {
    std::forward<Action>(action)();
  } catch (const OutputError& error) {
    throw OutputError("results file " + quoted(final_path) + ": " + error.what());
  }
}

// ---------------------------------------------------------------- HDF5 building blocks

// Creation properties without modification/creation times, which would make two files
// with the same content differ. Works for files, groups and datasets alike.
hdf5::PropertyList untimed_creation_properties(hid_t property_class) {
  hdf5::PropertyList properties(H5Pcreate(property_class), "creating a property list");
  hdf5::check(H5Pset_obj_track_times(properties.get(), false), "turning off object timestamps");
  return properties;
}

hdf5::Group create_group(hid_t parent, const std::string& name) {
  const hdf5::PropertyList properties = untimed_creation_properties(H5P_GROUP_CREATE);
  return {H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, properties.get(), H5P_DEFAULT), "creating group /" + name};
}

hdf5::Dataspace simple_space(const std::vector<hsize_t>& dimensions) {
  return {H5Screate_simple(static_cast<int>(dimensions.size()), dimensions.data(), nullptr), "creating a dataspace"};
}

void write_string_attribute(hid_t object, const std::string& name, const std::string& value,
                            const hdf5::Datatype& string_type) {
  const hdf5::Dataspace scalar(H5Screate(H5S_SCALAR), "creating a scalar dataspace");
  const hdf5::Attribute attribute(
      H5Acreate2(object, name.c_str(), string_type.get(), scalar.get(), H5P_DEFAULT, H5P_DEFAULT),
      "creating attribute " + name);
  const char* text = value.c_str();
  hdf5::check(H5Awrite(attribute.get(), string_type.get(), &text), "writing attribute " + name);
}

template <class Number>
void write_number_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type, Number value) {
  const hdf5::Dataspace scalar(H5Screate(H5S_SCALAR), "creating a scalar dataspace");
  const hdf5::Attribute attribute(H5Acreate2(object, name.c_str(), file_type, scalar.get(), H5P_DEFAULT, H5P_DEFAULT),
                                  "creating attribute " + name);
  hdf5::check(H5Awrite(attribute.get(), memory_type, &value), "writing attribute " + name);
}

void write_metric_attributes(hid_t dataset, const MetricSpec& metric, const hdf5::Datatype& string_type) {
  write_string_attribute(dataset, "units", metric.unit, string_type);
  write_string_attribute(dataset, "long_name", metric.meaning, string_type);
}

hdf5::Dataset create_dataset(hid_t group, const std::string& name, hid_t file_type,
                             const std::vector<hsize_t>& dimensions, const hdf5::PropertyList& creation,
                             hid_t access = H5P_DEFAULT) {
  const hdf5::Dataspace space = simple_space(dimensions);
  return {H5Dcreate2(group, name.c_str(), file_type, space.get(), H5P_DEFAULT, creation.get(), access),
          "creating dataset " + name};
}

// A coordinate: a 1-D dataset made an HDF5 dimension scale whose dataset name, scale
// NAME and label all equal the dimension name. h5netcdf and netCDF-C take a variable's
// dimension names from the names of the scales attached to it.
struct Coordinate {
  std::string dimension;
  hdf5::Dataset dataset;
};

void make_dimension_scale(const Coordinate& coordinate) {
  hdf5::check(H5DSset_scale(coordinate.dataset.get(), coordinate.dimension.c_str()),
              "making " + coordinate.dimension + " a dimension scale");
}

hdf5::Dataset write_string_dataset(hid_t group, const std::string& name, const std::vector<std::string>& values,
                                   const hdf5::Datatype& string_type) {
  std::vector<const char*> texts;
  texts.reserve(values.size());
  for (const std::string& value : values) texts.push_back(value.c_str());
  hdf5::Dataset dataset =
      create_dataset(group, name, string_type.get(), {values.size()}, untimed_creation_properties(H5P_DATASET_CREATE));
  hdf5::check(H5Dwrite(dataset.get(), string_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()),
              "writing dataset " + name);
  return dataset;
}

Coordinate write_string_coordinate(hid_t group, const std::string& dimension, const std::vector<std::string>& values,
                                   const hdf5::Datatype& string_type) {
  Coordinate coordinate{dimension, write_string_dataset(group, dimension, values, string_type)};
  make_dimension_scale(coordinate);
  return coordinate;
}

// An int64 coordinate [0, count) -> value_of(index), written in blocks so a coordinate of
// a million replicates needs no million-element buffer.
template <class ValueOf>
Coordinate write_int64_coordinate(hid_t group, const std::string& dimension, std::size_t count, ValueOf value_of) {
  Coordinate coordinate{dimension, create_dataset(group, dimension, H5T_STD_I64LE, {count},
                                                  untimed_creation_properties(H5P_DATASET_CREATE))};
  const hdf5::Dataspace file_space(H5Dget_space(coordinate.dataset.get()), "getting a dataspace");
  constexpr std::size_t kBlock = 4096;
  std::vector<std::int64_t> block;
  for (std::size_t start = 0; start < count; start += kBlock) {
    block.clear();
    for (std::size_t index = start; index < std::min(count, start + kBlock); ++index) block.push_back(value_of(index));
    const hsize_t offset = start, length = block.size();
    hdf5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &offset, nullptr, &length, nullptr),
                "selecting part of coordinate " + dimension);
    const hdf5::Dataspace memory_space = simple_space({length});
    hdf5::check(H5Dwrite(coordinate.dataset.get(), H5T_NATIVE_INT64, memory_space.get(), file_space.get(), H5P_DEFAULT,
                         block.data()),
                "writing coordinate " + dimension);
  }
  make_dimension_scale(coordinate);
  return coordinate;
}

// Attaches coordinates[i] to axis i, and labels the axis, so readers see named dims.
void attach_coordinates(const hdf5::Dataset& dataset, const std::vector<const Coordinate*>& coordinates) {
  for (unsigned axis = 0; axis < coordinates.size(); ++axis) {
    const Coordinate& coordinate = *coordinates[axis];
    hdf5::check(H5DSattach_scale(dataset.get(), coordinate.dataset.get(), axis),
                "attaching coordinate " + coordinate.dimension);
    hdf5::check(H5DSset_label(dataset.get(), axis, coordinate.dimension.c_str()),
                "labelling dimension " + coordinate.dimension);
  }
}

// Creation properties of a per-run metric dataset: chunked, NaN where no run was written.
hdf5::PropertyList run_metric_properties(const std::vector<hsize_t>& chunk, bool compress) {
  hdf5::PropertyList properties = untimed_creation_properties(H5P_DATASET_CREATE);
  hdf5::check(H5Pset_chunk(properties.get(), static_cast<int>(chunk.size()), chunk.data()), "setting the chunk shape");
  if (compress) {
    // Shuffling bytes first lets deflate find the repetition in doubles' exponent bytes.
    hdf5::check(H5Pset_shuffle(properties.get()), "enabling the shuffle filter");
    hdf5::check(H5Pset_deflate(properties.get(), kDeflateLevel), "enabling deflate compression");
  }
  const double missing = std::numeric_limits<double>::quiet_NaN();
  hdf5::check(H5Pset_fill_value(properties.get(), H5T_NATIVE_DOUBLE, &missing), "setting the fill value to NaN");
  return properties;
}

hdf5::PropertyList chunk_cache_properties(std::size_t chunk_bytes, std::size_t chunks_in_use) {
  const std::size_t wanted = std::clamp(chunk_bytes * chunks_in_use, kMinCacheBytes, kMaxCacheBytes);
  hdf5::PropertyList properties(H5Pcreate(H5P_DATASET_ACCESS), "creating dataset access properties");
  // w0 = 1: evict fully written chunks first; they will not be touched again.
  hdf5::check(H5Pset_chunk_cache(properties.get(), kCacheSlots, std::max(wanted, chunk_bytes), 1.0),
              "sizing the chunk cache");
  return properties;
}

hsize_t replicates_per_series_chunk(std::size_t replicates, std::size_t periods) {
  const std::size_t fitting = std::max<std::size_t>(1, kTargetChunkBytes / (periods * sizeof(double)));
  return std::min<hsize_t>({replicates, kSeriesChunkReplicates, fitting});
}

// Business days elapsed at the end of period p (days are 0-based, so period p covers days
// [p * period_days, end)); the last period may be cut short by the horizon.
std::int64_t period_end_day(std::size_t period, std::int64_t period_days, std::int64_t horizon_days) {
  const std::int64_t end = (static_cast<std::int64_t>(period) + 1) * period_days;
  return horizon_days > 0 ? std::min(end, horizon_days) : end;
}

// Selects replicates [first, first + count) of one variant, and all periods if `periods`
// is not 0, in a [variant, replicate(, period)] file dataspace.
void select_runs(const hdf5::Dataspace& space, std::size_t variant, std::size_t first, std::size_t count,
                 std::size_t periods) {
  std::vector<hsize_t> offset{variant, first}, counts{1, count};
  if (periods > 0) {
    offset.push_back(0);
    counts.push_back(periods);
  }
  hdf5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset.data(), nullptr, counts.data(), nullptr),
              "selecting runs");
}

// Runs [first_replicate, first_replicate + size) of one variant, held in memory until all
// have arrived and then written with one HDF5 call per dataset. A single-run write costs
// ~20 us per dataset in HDF5, which at 30 metrics would rival a short simulation run.
// The block is one series chunk wide, so each chunk is compressed once, whole.
struct RunBlock {
  std::size_t first_replicate = 0;
  std::size_t size = 0;
  std::size_t received = 0;
  std::vector<double> summary;      // [metric][replicate in block]
  std::vector<double> series;       // [metric][replicate in block][period]
  std::vector<std::string> errors;  // [replicate in block]

  RunBlock(std::size_t first, std::size_t count, std::size_t summary_metrics, std::size_t series_values_per_run)
      : first_replicate(first),
        size(count),
        summary(summary_metrics * count, std::numeric_limits<double>::quiet_NaN()),
        series(series_values_per_run * count, std::numeric_limits<double>::quiet_NaN()),
        errors(count) {}
};

constexpr const char* kUnwrittenRunError = "not written: the writer never received this run's results";

}  // namespace

// ---------------------------------------------------------------- the writer

// Everything the writer owns. The building steps are members because State is private
// to ResultsFile.
struct ResultsFile::State {
  // Declared first so it is destroyed last, after every HDF5 handle below is closed.
  TemporaryFileGuard temporary;
  fs::path final_path;
  bool overwrite = false;
  std::vector<std::string> variant_names;
  std::size_t replicates = 0;
  std::size_t periods = 0;
  hdf5::Datatype string_type;
  hdf5::File file;
  std::vector<hdf5::Dataset> summary;  // per summary metric, [variant, replicate]
  std::vector<hdf5::Dataset> series;   // per series metric, [variant, replicate, period]
  hdf5::Dataset run_errors;            // [variant, replicate]
  // File dataspaces whose selection moves to the block being written.
  hdf5::Dataspace run_space;
  hdf5::Dataspace series_space;
  // One byte per run, to refuse duplicates and name the gaps at commit().
  std::vector<std::uint8_t> written;
  // Blocks with runs still missing, by variant * blocks_per_variant + block, so they are
  // flushed in a fixed order at commit(). In the usual variant-by-variant or
  // replicate-by-replicate order at most one block per variant is open.
  std::size_t block_replicates = 1;
  std::map<std::size_t, RunBlock> open_blocks;
  std::set<std::string> group_names = kFixedGroups;
  // Set by commit() and by any failure after validation: a file that missed a write must
  // not be committed as if complete.
  bool closed = false;

  State(fs::path final, const ResultsLayout& layout, bool replace)
      : temporary(temporary_path_for(final)),
        final_path(std::move(final)),
        overwrite(replace),
        variant_names(layout.variant_names),
        replicates(layout.replicates),
        periods(layout.periods),
        written(layout.variant_names.size() * layout.replicates, 0),
        block_replicates(replicates_per_series_chunk(layout.replicates, layout.periods)) {}

  [[nodiscard]] std::size_t variants() const noexcept { return variant_names.size(); }
  [[nodiscard]] std::size_t blocks_per_variant() const noexcept {
    return (replicates + block_replicates - 1) / block_replicates;
  }
  [[nodiscard]] std::size_t block_key(std::size_t variant, std::size_t replicate) const noexcept {
    return variant * blocks_per_variant() + replicate / block_replicates;
  }
  [[nodiscard]] std::string describe_run(std::size_t variant, std::size_t replicate) const {
    return "run (variant " + std::to_string(variant) + ", replicate " + std::to_string(replicate) + ")";
  }
  [[nodiscard]] Coordinate write_variant_coordinate(hid_t group) const {
    Coordinate variant = write_string_coordinate(group, kVariantDimension, variant_names, string_type);
    write_string_attribute(variant.dataset.get(), "long_name", "scenario variant (0 is the base scenario)",
                           string_type);
    return variant;
  }
  [[nodiscard]] Coordinate write_replicate_coordinate(hid_t group) const {
    Coordinate replicate = write_int64_coordinate(group, kReplicateDimension, replicates,
                                                  [](std::size_t index) { return static_cast<std::int64_t>(index); });
    write_string_attribute(replicate.dataset.get(), "long_name",
                           "replicate number (replicate r of every variant shares its random streams)", string_type);
    return replicate;
  }
  [[nodiscard]] std::size_t run_index(std::size_t variant, std::size_t replicate) const noexcept {
    return variant * replicates + replicate;
  }

  void create_file();
  void write_provenance(const ResultsLayout& layout, const Provenance& provenance);
  void write_variants(const ResultsLayout& layout);
  void create_summary(const std::vector<MetricSpec>& metrics);
  void create_timeseries(const ResultsLayout& layout, std::int64_t horizon_days);
  void create_runs();
  void prepare_run_selections();

  void check_run(std::size_t variant, std::size_t replicate, const RunOutput& run) const;
  RunBlock& block_of(std::size_t variant, std::size_t replicate);
  void buffer_run(std::size_t variant, std::size_t replicate, const RunOutput& run);
  void flush_block(std::size_t variant, const RunBlock& block);
  void record_unwritten_runs();
  void flush_open_blocks();
  void flush_block_if_complete(std::size_t variant, std::size_t replicate);
  void close_and_publish();

  void check_table(const std::string& group, const std::vector<std::string>& column_names,
                   const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                   const std::vector<std::vector<double>>& values) const;
  void write_table_group(const std::string& group, const std::vector<std::string>& column_names,
                         const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                         const std::vector<std::vector<double>>& values);

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

void ResultsFile::State::create_file() {
  const hdf5::PropertyList creation = untimed_creation_properties(H5P_FILE_CREATE);
  hdf5::PropertyList access(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties");
  // SEMI: closing the file fails while objects are open, so a successful close really
  // means the data reached the operating system before we fsync and rename.
  hdf5::check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), "setting the file close degree");
  // Lock the file where the filesystem can, but do not fail where it cannot (some cluster
  // filesystems): the temporary name is private to this writer anyway.
  hdf5::check(H5Pset_file_locking(access.get(), true, true), "setting best-effort file locking");
  // TRUNC: a leftover temporary of a crashed process with the same PID is fair game.
  file = hdf5::File(H5Fcreate(temporary.path().c_str(), H5F_ACC_TRUNC, creation.get(), access.get()),
                    "creating " + quoted(temporary.path()));
  string_type = hdf5::make_utf8_string_type();
}

void ResultsFile::State::write_provenance(const ResultsLayout& layout, const Provenance& provenance) {
  const hid_t root = file.get();
  write_number_attribute(root, "output_format_version", H5T_STD_I64LE, H5T_NATIVE_INT64, kOutputFormatVersion);
  write_string_attribute(root, "alignsim_version", provenance.version, string_type);
  write_string_attribute(root, "git_revision", provenance.git_revision, string_type);
  write_string_attribute(root, "scenario_name", provenance.scenario_name, string_type);
  write_number_attribute(root, "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, provenance.seed);
  write_number_attribute(root, "horizon_days", H5T_STD_I64LE, H5T_NATIVE_INT64, provenance.horizon_days);
  write_number_attribute(root, "period_days", H5T_STD_I64LE, H5T_NATIVE_INT64, layout.period_days);
  write_number_attribute(root, "replicates", H5T_STD_I64LE, H5T_NATIVE_INT64,
                         static_cast<std::int64_t>(layout.replicates));
  write_string_attribute(root, "scenario_yaml", provenance.scenario_yaml, string_type);
}

void ResultsFile::State::write_variants(const ResultsLayout& layout) {
  const hdf5::Group group = create_group(file.get(), "variants");
  const Coordinate variant = write_variant_coordinate(group.get());
  const std::pair<const char*, const std::vector<std::string>*> columns[] = {
      {"name", &layout.variant_names},
      {"description", &layout.variant_descriptions},
      {"overrides_yaml", &layout.variant_overrides_yaml}};
  for (const auto& [name, values] : columns) {
    const hdf5::Dataset column = write_string_dataset(group.get(), name, *values, string_type);
    attach_coordinates(column, {&variant});
  }
}

void ResultsFile::State::create_summary(const std::vector<MetricSpec>& metrics) {
  const hdf5::Group group = create_group(file.get(), "summary");
  const Coordinate variant = write_variant_coordinate(group.get());
  const Coordinate replicate = write_replicate_coordinate(group.get());
  const hsize_t chunk_replicates = std::min<hsize_t>(replicates, kSummaryChunkReplicates);
  const hdf5::PropertyList creation = run_metric_properties({1, chunk_replicates}, false);
  const hdf5::PropertyList access = chunk_cache_properties(chunk_replicates * sizeof(double), variants());
  for (const MetricSpec& metric : metrics) {
    hdf5::Dataset dataset =
        create_dataset(group.get(), metric.name, H5T_IEEE_F64LE, {variants(), replicates}, creation, access.get());
    write_metric_attributes(dataset.get(), metric, string_type);
    attach_coordinates(dataset, {&variant, &replicate});
    summary.push_back(std::move(dataset));
  }
}

void ResultsFile::State::create_timeseries(const ResultsLayout& layout, std::int64_t horizon_days) {
  const hdf5::Group group = create_group(file.get(), "timeseries");
  const Coordinate variant = write_variant_coordinate(group.get());
  const Coordinate replicate = write_replicate_coordinate(group.get());
  const Coordinate period = write_int64_coordinate(group.get(), kPeriodDimension, periods, [&](std::size_t index) {
    return period_end_day(index, layout.period_days, horizon_days);
  });
  write_string_attribute(period.dataset.get(), "units", "business days", string_type);
  write_string_attribute(period.dataset.get(), "long_name", "business days elapsed at the end of the period",
                         string_type);
  const hsize_t chunk_replicates = replicates_per_series_chunk(replicates, periods);
  const hdf5::PropertyList creation = run_metric_properties({1, chunk_replicates, periods}, true);
  const hdf5::PropertyList access = chunk_cache_properties(chunk_replicates * periods * sizeof(double), 1);
  for (const MetricSpec& metric : layout.metrics.series) {
    hdf5::Dataset dataset = create_dataset(group.get(), metric.name, H5T_IEEE_F64LE, {variants(), replicates, periods},
                                           creation, access.get());
    write_metric_attributes(dataset.get(), metric, string_type);
    attach_coordinates(dataset, {&variant, &replicate, &period});
    series.push_back(std::move(dataset));
  }
}

void ResultsFile::State::create_runs() {
  const hdf5::Group group = create_group(file.get(), "runs");
  const Coordinate variant = write_variant_coordinate(group.get());
  const Coordinate replicate = write_replicate_coordinate(group.get());
  hdf5::PropertyList creation = untimed_creation_properties(H5P_DATASET_CREATE);
  const hsize_t chunk[] = {1, std::min<hsize_t>(replicates, kSummaryChunkReplicates)};
  hdf5::check(H5Pset_chunk(creation.get(), 2, chunk), "setting the chunk shape");
  run_errors = create_dataset(group.get(), "error", string_type.get(), {variants(), replicates}, creation);
  write_string_attribute(run_errors.get(), "long_name", "why the run failed; empty when it succeeded", string_type);
  attach_coordinates(run_errors, {&variant, &replicate});
}

void ResultsFile::State::prepare_run_selections() {
  run_space = simple_space({variants(), replicates});
  series_space = simple_space({variants(), replicates, periods});
}

void ResultsFile::State::check_run(std::size_t variant, std::size_t replicate, const RunOutput& run) const {
  if (variant >= variants() || replicate >= replicates) {
    throw OutputError(describe_run(variant, replicate) + " is outside the layout (" + std::to_string(variants()) +
                      " variants, " + std::to_string(replicates) + " replicates)");
  }
  if (written[run_index(variant, replicate)] != 0) {
    throw OutputError(describe_run(variant, replicate) + " was already written");
  }
  const bool failed_without_values = !run.error.empty() && run.summary.empty() && run.series.empty();
  if (failed_without_values) return;
  if (run.summary.size() != summary.size() || run.series.size() != series.size() * periods) {
    throw OutputError(describe_run(variant, replicate) + " has " + std::to_string(run.summary.size()) +
                      " summary and " + std::to_string(run.series.size()) + " series values; the layout needs " +
                      std::to_string(summary.size()) + " and " + std::to_string(series.size() * periods));
  }
}

RunBlock& ResultsFile::State::block_of(std::size_t variant, std::size_t replicate) {
  const std::size_t first = replicate / block_replicates * block_replicates;
  const auto position =
      open_blocks.try_emplace(block_key(variant, replicate), first, std::min(block_replicates, replicates - first),
                              summary.size(), series.size() * periods);
  return position.first->second;
}

void ResultsFile::State::buffer_run(std::size_t variant, std::size_t replicate, const RunOutput& run) {
  RunBlock& block = block_of(variant, replicate);
  const std::size_t slot = replicate - block.first_replicate;
  for (std::size_t metric = 0; metric < run.summary.size(); ++metric) {
    block.summary[metric * block.size + slot] = run.summary[metric];
  }
  for (std::size_t metric = 0; metric < series.size() && !run.series.empty(); ++metric) {
    std::copy_n(run.series.begin() + static_cast<std::ptrdiff_t>(metric * periods), periods,
                block.series.begin() + static_cast<std::ptrdiff_t>((metric * block.size + slot) * periods));
  }
  block.errors[slot] = run.error;
  ++block.received;
}

void ResultsFile::State::flush_block(std::size_t variant, const RunBlock& block) {
  const std::string what = "writing variant " + std::to_string(variant) + ", replicates " +
                           std::to_string(block.first_replicate) + " to " +
                           std::to_string(block.first_replicate + block.size - 1);
  select_runs(run_space, variant, block.first_replicate, block.size, 0);
  const hdf5::Dataspace row = simple_space({block.size});
  for (std::size_t metric = 0; metric < summary.size(); ++metric) {
    hdf5::check(H5Dwrite(summary[metric].get(), H5T_NATIVE_DOUBLE, row.get(), run_space.get(), H5P_DEFAULT,
                         &block.summary[metric * block.size]),
                what);
  }
  std::vector<const char*> errors;
  for (const std::string& error : block.errors) errors.push_back(error.c_str());
  hdf5::check(H5Dwrite(run_errors.get(), string_type.get(), row.get(), run_space.get(), H5P_DEFAULT, errors.data()),
              what);
  select_runs(series_space, variant, block.first_replicate, block.size, periods);
  const hdf5::Dataspace rows = simple_space({block.size, periods});
  for (std::size_t metric = 0; metric < series.size(); ++metric) {
    hdf5::check(H5Dwrite(series[metric].get(), H5T_NATIVE_DOUBLE, rows.get(), series_space.get(), H5P_DEFAULT,
                         &block.series[metric * block.size * periods]),
                what);
  }
}

void ResultsFile::State::flush_block_if_complete(std::size_t variant, std::size_t replicate) {
  const auto position = open_blocks.find(block_key(variant, replicate));
  if (position->second.received < position->second.size) return;
  flush_block(variant, position->second);
  open_blocks.erase(position);
}

void ResultsFile::State::record_unwritten_runs() {
  for (std::size_t variant = 0; variant < variants(); ++variant) {
    for (std::size_t replicate = 0; replicate < replicates; ++replicate) {
      if (written[run_index(variant, replicate)] != 0) continue;
      RunBlock& block = block_of(variant, replicate);
      block.errors[replicate - block.first_replicate] = kUnwrittenRunError;
    }
  }
}

void ResultsFile::State::flush_open_blocks() {
  for (const auto& [key, block] : open_blocks) flush_block(key / blocks_per_variant(), block);
  open_blocks.clear();
}

void ResultsFile::State::close_and_publish() {
  flush_open_blocks();
  hdf5::check(H5Fflush(file.get(), H5F_SCOPE_LOCAL), "flushing the file");
  for (hdf5::Dataset& dataset : summary) dataset.close("closing a summary dataset");
  for (hdf5::Dataset& dataset : series) dataset.close("closing a series dataset");
  run_errors.close("closing /runs/error");
  file.close("closing the file");
  fsync_path(temporary.path(), false);
  publish(temporary.path(), final_path, overwrite);
  temporary.release();
  fsync_path(directory_of(final_path), true);
}

void ResultsFile::State::check_table(const std::string& group, const std::vector<std::string>& column_names,
                                     const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                                     const std::vector<std::vector<double>>& values) const {
  if (!is_valid_link_name(group)) throw OutputError("table group '" + group + "' is not a valid HDF5 name");
  if (group_names.count(group) != 0) throw OutputError("group '" + group + "' was already written");
  if (column_names.empty()) throw OutputError("table " + group + " has no columns");
  require_unique_link_names({column_dimension_name}, "column dimension of table " + group, {kVariantDimension});
  require_unique_link_names(names_of(metrics), "metric of table " + group, {kVariantDimension, column_dimension_name});
  if (values.size() != metrics.size()) {
    throw OutputError("table " + group + " has " + std::to_string(metrics.size()) + " metrics but " +
                      std::to_string(values.size()) + " value arrays");
  }
  const std::size_t cells = variants() * column_names.size();
  for (std::size_t metric = 0; metric < metrics.size(); ++metric) {
    if (values[metric].size() != cells) {
      throw OutputError("table " + group + ", metric " + metrics[metric].name + ": " +
                        std::to_string(values[metric].size()) +
                        " values, expected variants x columns = " + std::to_string(cells));
    }
  }
}

void ResultsFile::State::write_table_group(const std::string& group, const std::vector<std::string>& column_names,
                                           const std::string& column_dimension_name,
                                           const std::vector<MetricSpec>& metrics,
                                           const std::vector<std::vector<double>>& values) {
  const hdf5::Group table = create_group(file.get(), group);
  const Coordinate variant = write_variant_coordinate(table.get());
  const Coordinate column = write_string_coordinate(table.get(), column_dimension_name, column_names, string_type);
  const hdf5::PropertyList creation = untimed_creation_properties(H5P_DATASET_CREATE);
  for (std::size_t metric = 0; metric < metrics.size(); ++metric) {
    const hdf5::Dataset dataset =
        create_dataset(table.get(), metrics[metric].name, H5T_IEEE_F64LE, {variants(), column_names.size()}, creation);
    hdf5::check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values[metric].data()),
                "writing " + group + "/" + metrics[metric].name);
    write_metric_attributes(dataset.get(), metrics[metric], string_type);
    attach_coordinates(dataset, {&variant, &column});
  }
  group_names.insert(group);
}

ResultsFile::State& ResultsFile::State::accepting(const std::unique_ptr<State>& state, const char* operation) {
  if (!state) throw OutputError(std::string(operation) + "() called on a moved-from ResultsFile");
  if (state->closed) {
    throw OutputError("results file " + quoted(state->final_path) + ": " + operation +
                      "() called after commit() or after a failed write");
  }
  return *state;
}

ResultsFile::ResultsFile(fs::path final_path, const ResultsLayout& layout, const Provenance& provenance,
                         bool overwrite) {
  const fs::path path_for_errors = final_path;
  naming_file(path_for_errors, [&] {
    validate_layout(layout);
    check_destination(final_path, overwrite);
    hdf5::disable_automatic_error_printing();
    // From here on an exception destroys state_, which closes and deletes the temporary.
    state_ = std::make_unique<State>(std::move(final_path), layout, overwrite);
    state_->create_file();
    state_->write_provenance(layout, provenance);
    state_->write_variants(layout);
    state_->create_summary(layout.metrics.summary);
    state_->create_timeseries(layout, provenance.horizon_days);
    state_->create_runs();
    state_->prepare_run_selections();
  });
}

ResultsFile::~ResultsFile() = default;
ResultsFile::ResultsFile(ResultsFile&&) noexcept = default;
ResultsFile& ResultsFile::operator=(ResultsFile&&) noexcept = default;

void ResultsFile::write_run(std::size_t variant, std::size_t replicate, const RunOutput& run) {
  State& state = State::accepting(state_, "write_run");
  naming_file(state.final_path, [&] {
    state.check_run(variant, replicate, run);
    state.closing_on_failure([&] {
      state.buffer_run(variant, replicate, run);
      state.written[state.run_index(variant, replicate)] = 1;
      state.flush_block_if_complete(variant, replicate);
    });
  });
}

void ResultsFile::write_table(const std::string& group, const std::vector<std::string>& column_names,
                              const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                              const std::vector<std::vector<double>>& values) {
  State& state = State::accepting(state_, "write_table");
  naming_file(state.final_path, [&] {
    state.check_table(group, column_names, column_dimension_name, metrics, values);
    state.closing_on_failure(
        [&] { state.write_table_group(group, column_names, column_dimension_name, metrics, values); });
  });
}

void ResultsFile::commit() {
  State& state = State::accepting(state_, "commit");
  state.closed = true;  // even a failed commit leaves nothing worth writing to
  naming_file(state.final_path, [&] {
    state.record_unwritten_runs();
    state.close_and_publish();
  });
}

const fs::path& ResultsFile::final_path() const noexcept { return state_->final_path; }
const fs::path& ResultsFile::temporary_path() const noexcept { return state_->temporary.path(); }

}  // namespace alignsim::sim
