#include "sim/io/results_file.hpp"

#include "sim/durability/atomic_file.hpp"
#include "sim/io/chunk_compression.hpp"
#include "sim/errors.hpp"
#include "sim/io/hdf5_handle.hpp"

#include <fcntl.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

namespace alignsim::sim {
namespace fs = std::filesystem;
namespace {

// Output format version, bumped whenever a path, type or meaning changes.
constexpr std::int64_t kOutputFormatVersion = 2;

// Chunking: a summary chunk is one variant's row of up to 4096 replicates (32 KiB); a
// series chunk holds up to 64 replicates of one variant, all periods, at most ~1 MiB.
// Runs are buffered in blocks exactly one series chunk wide, so every series chunk is
// compressed once, whole, as background work (sim/chunk_compression.hpp) and written
// with H5Dwrite_chunk.
constexpr hsize_t kSummaryChunkReplicates = 4096;
constexpr hsize_t kSeriesChunkReplicates = 64;
constexpr std::size_t kTargetChunkBytes = std::size_t{1} << 20;
// Chunk cache per summary dataset, within these bounds: a summary chunk (4096 replicates)
// fills over several blocks, so the cache keeps one partly written chunk per variant
// rather than reading it back for every block.
constexpr std::size_t kMinCacheBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxCacheBytes = std::size_t{16} << 20;
constexpr std::size_t kCacheSlots = 12421;  // prime, as HDF5 recommends for its hash
constexpr unsigned kDeflateLevel = 4;
// Buffering budgets. Variant-major blocks (one variant, up to 64 replicates) are kept
// while all variants together need at most kVariantBlocksBudget; beyond that, and always
// for designs, a block is one replicate of as many points as fit in kPointBlockBudget.
// Runs arrive replicate-major, so such a block completes before the next one starts and
// memory stays at about two blocks (one filling, one being compressed) whatever the
// number of points. 512 KiB: with 1 MiB the second block pushed a 20,000-run sweep's
// peak to +16% over a 200-run one; with 512 KiB it is +7%.
constexpr std::size_t kVariantBlocksBudget = std::size_t{16} << 20;
constexpr std::size_t kPointBlockBudget = std::size_t{1} << 19;

constexpr const char* kVariantDimension = "variant";
constexpr const char* kReplicateDimension = "replicate";
constexpr const char* kPeriodDimension = "period";
constexpr const char* kPointDimension = "point";
const std::set<std::string> kFixedGroups = {"variants", "summary", "timeseries", "runs", "design"};

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

void validate_design(const ResultsLayout& layout) {
  if (!layout.variant_names.empty() || !layout.variant_descriptions.empty() || !layout.variant_overrides_yaml.empty()) {
    throw OutputError("a design layout has points, not variants");
  }
  if (layout.factors.empty() || !layout.design_point) throw OutputError("a design layout needs factors and design_point");
  std::vector<std::string> names;
  for (const DesignFactorColumn& f : layout.factors) names.push_back(f.name);
  require_unique_link_names(names, "design factor", {kPointDimension});
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
  require_unique_link_names(layout.variant_names, "variant name", {});
  if (layout.replicates == 0) throw OutputError("the layout has 0 replicates (need at least 1)");
  if (layout.periods == 0) throw OutputError("the layout has 0 periods (need at least 1)");
  if (layout.period_days < 1) {
    throw OutputError("period_days is " + std::to_string(layout.period_days) + " (need at least 1)");
  }
  require_unique_link_names(names_of(layout.metrics.summary), "summary metric",
                            {kVariantDimension, kPointDimension, kReplicateDimension});
  require_unique_link_names(names_of(layout.metrics.series), "series metric",
                            {kVariantDimension, kPointDimension, kReplicateDimension, kPeriodDimension});
}

// ---------------------------------------------------------------- filesystem

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

// Units and meaning (CF), then how the model presents the metric, so the terminal and
// the Python report need no list of a model's metric names (docs/output-format.md).
void write_metric_attributes(hid_t dataset, const MetricSpec& metric, const hdf5::Datatype& string_type) {
  write_string_attribute(dataset, "units", metric.unit, string_type);
  write_string_attribute(dataset, "long_name", metric.meaning, string_type);
  write_string_attribute(dataset, "label", metric.shown_name(), string_type);
  write_string_attribute(dataset, "better", better_name(metric.better), string_type);
  for (const auto& [name, rank] : {std::pair{"key_outcome_rank", metric.key_outcome_rank},
                                   std::pair{"headline_rank", metric.headline_rank}, std::pair{"chart_rank", metric.chart_rank}, std::pair{"funnel_rank", metric.funnel_rank},
                                   std::pair{"runs_chart_rank", metric.runs_chart_rank}}) {
    write_number_attribute(dataset, name, H5T_STD_I64LE, H5T_NATIVE_INT64, static_cast<std::int64_t>(rank));
  }
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

// No chunk cache, for datasets written a block at a time in run order (by-point blocks,
// streamed tables). Measured on a 20,000-run sweep: a one-chunk cache made HDF5 evict and
// re-read the partly written chunk at every block, and its bookkeeping grew with the
// number of chunks (44.8 MB peak, 33 s); writing straight through gives 34 MB and 11 s,
// with identical contents.
hdf5::PropertyList uncached_chunks() {
  hdf5::PropertyList properties(H5Pcreate(H5P_DATASET_ACCESS), "creating dataset access properties");
  hdf5::check(H5Pset_chunk_cache(properties.get(), 0, 0, 1.0), "disabling the chunk cache");
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

// Selects variants [variant, variant + variants) x replicates [first, first + count), and
// all periods if `periods` is not 0, in a [variant, replicate(, period)] file dataspace.
void select_runs(const hdf5::Dataspace& space, std::size_t variant, std::size_t variants, std::size_t first,
                 std::size_t count, std::size_t periods) {
  std::vector<hsize_t> offset{variant, first}, counts{variants, count};
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
// A block is a tile of `variants` variants (or points) x `size` replicates.
struct RunBlock {
  std::size_t first_variant = 0;
  std::size_t variants = 1;
  std::size_t first_replicate = 0;
  std::size_t size = 0;
  std::size_t received = 0;
  std::vector<double> summary;      // [metric][variant in block][replicate in block]
  std::vector<double> series;       // [metric][variant in block][replicate in block][period]
  std::vector<std::string> errors;  // [variant in block][replicate in block]

  RunBlock(std::size_t variant, std::size_t variant_count, std::size_t first, std::size_t count,
           std::size_t summary_metrics, std::size_t series_values_per_run)
      : first_variant(variant),
        variants(variant_count),
        first_replicate(first),
        size(count),
        summary(summary_metrics * variant_count * count, std::numeric_limits<double>::quiet_NaN()),
        series(series_values_per_run * variant_count * count, std::numeric_limits<double>::quiet_NaN()),
        errors(variant_count * count) {}

  [[nodiscard]] std::size_t runs() const noexcept { return variants * size; }
  [[nodiscard]] std::size_t slot(std::size_t variant, std::size_t replicate) const noexcept {
    return (variant - first_variant) * size + (replicate - first_replicate);
  }
};

// A complete block whose time series are being compressed as background work. It is
// written to HDF5 when the next block completes (or at the end of the runs), so HDF5
// calls still come in the same order as the blocks and the file bytes do not depend on
// how fast the work ran. Members in this order: the compression is waited for (destroyed)
// before the block it reads.
struct PendingBlock {
  RunBlock block;
  std::unique_ptr<BackgroundChunkCompression> compression;
};

// How runs are grouped into blocks (and chunks): `variants` x `replicates` per block.
struct BlockShape {
  std::size_t variants = 1;
  std::size_t replicates = 1;
  bool by_point = false;  // one replicate of many points (designs, many variants)
};

BlockShape block_shape_for(const ResultsLayout& layout, std::size_t first_axis) {
  const std::size_t run_bytes =
      (layout.metrics.summary.size() + layout.metrics.series.size() * layout.periods) * sizeof(double) + 32;
  const std::size_t replicates = replicates_per_series_chunk(layout.replicates, layout.periods);
  if (layout.points == 0 && first_axis * replicates * run_bytes <= kVariantBlocksBudget) return {1, replicates, false};
  return {std::clamp<std::size_t>(kPointBlockBudget / run_bytes, 1, first_axis), 1, true};
}

}  // namespace

// ---------------------------------------------------------------- the writer

// Everything the writer owns. The building steps are members because State is private
// to ResultsFile.
struct ResultsFile::State {
  // Declared first so it is destroyed last, after every HDF5 handle below is closed.
  TemporaryFileGuard temporary;
  fs::path final_path;
  bool overwrite = false;
  std::vector<std::string> variant_names;  // empty for a design
  std::size_t points = 0;                  // design points (0 unless a design)
  std::size_t replicates = 0;
  std::size_t periods = 0;
  hdf5::Datatype string_type;
  hdf5::File file;
  std::vector<hdf5::Dataset> summary;  // per summary metric, [variant, replicate]
  std::vector<hdf5::Dataset> series;   // per series metric, [variant, replicate, period]
  hdf5::Dataset run_errors;            // [variant, replicate]
  // The file dataspace of [variant, replicate] datasets; its selection moves to the block
  // being written.
  hdf5::Dataspace run_space;
  // One byte per run, to refuse duplicates and name the gaps at commit().
  std::vector<std::uint8_t> written;
  // Blocks with runs still missing, by variant * blocks_per_variant + block, so they are
  // flushed in a fixed order at commit(). In the usual variant-by-variant or
  // replicate-by-replicate order at most one block per variant is open.
  BlockShape shape;
  std::map<std::size_t, RunBlock> open_blocks;
  std::optional<PendingBlock> pending;
  double compression_cpu_seconds = 0.0;  // spent by the background compression, for benchmarks
  bool runs_finished = false;  // finish_runs() done: reads allowed, run writes refused
  std::map<std::string, std::vector<hdf5::Dataset>> streamed_tables;  // create_table() groups
  std::set<std::string> group_names = kFixedGroups;
  // Set by commit() and by any failure after validation: a file that missed a write must
  // not be committed as if complete.
  bool closed = false;

  State(fs::path final, const ResultsLayout& layout, bool replace)
      : temporary(temporary_path_for(final)),
        final_path(std::move(final)),
        overwrite(replace),
        variant_names(layout.variant_names),
        points(layout.points),
        replicates(layout.replicates),
        periods(layout.periods),
        written((layout.points > 0 ? layout.points : layout.variant_names.size()) * layout.replicates, 0),
        shape(block_shape_for(layout, layout.points > 0 ? layout.points : layout.variant_names.size())) {}

  // Entries of the first axis: variants, or design points.
  [[nodiscard]] std::size_t variants() const noexcept { return points > 0 ? points : variant_names.size(); }
  [[nodiscard]] const char* axis_name() const noexcept { return points > 0 ? kPointDimension : kVariantDimension; }
  [[nodiscard]] std::size_t blocks_per_variant() const noexcept {
    return (replicates + shape.replicates - 1) / shape.replicates;
  }
  [[nodiscard]] std::size_t block_key(std::size_t variant, std::size_t replicate) const noexcept {
    return variant / shape.variants * blocks_per_variant() + replicate / shape.replicates;
  }
  [[nodiscard]] std::string describe_run(std::size_t variant, std::size_t replicate) const {
    return "run (variant " + std::to_string(variant) + ", replicate " + std::to_string(replicate) + ")";
  }
  // The first axis: variant names, or design point numbers.
  [[nodiscard]] Coordinate write_variant_coordinate(hid_t group) const {
    if (points > 0) {
      Coordinate point = write_int64_coordinate(group, kPointDimension, points,
                                                [](std::size_t index) { return static_cast<std::int64_t>(index); });
      write_string_attribute(point.dataset.get(), "long_name", "design point (factor values in /design)", string_type);
      return point;
    }
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
  void write_design(const ResultsLayout& layout);
  [[nodiscard]] hsize_t chunk_variants() const noexcept { return shape.by_point ? shape.variants : 1; }
  [[nodiscard]] hsize_t summary_chunk_replicates() const noexcept {
    return shape.by_point ? 1 : std::min<hsize_t>(replicates, kSummaryChunkReplicates);
  }
  void create_summary(const std::vector<MetricSpec>& metrics);
  void create_timeseries(const ResultsLayout& layout, std::int64_t horizon_days);
  void create_runs();
  void prepare_run_selections();

  void check_run(std::size_t variant, std::size_t replicate, const RunOutput& run) const;
  RunBlock& block_of(std::size_t variant, std::size_t replicate);
  void buffer_run(std::size_t variant, std::size_t replicate, const RunOutput& run);
  [[nodiscard]] std::size_t series_chunk_values() const noexcept { return chunk_variants() * shape.replicates * periods; }
  void flush_block(RunBlock&& block);
  void write_pending_block();
  void write_block(const RunBlock& block, const std::vector<CompressedChunk>& series_chunks);
  void finish_runs(const std::string& reason);
  std::vector<double> read_summary(std::size_t metric, std::size_t first, std::size_t count);
  void create_table(const std::string& group, const std::vector<std::string>& column_names,
                    const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics);
  void write_table_rows(const std::string& group, std::size_t first_row, const std::vector<std::vector<double>>& values);
  void record_unwritten_runs(const std::string& reason);
  void flush_open_blocks();
  void flush_block_if_complete(std::size_t variant, std::size_t replicate);
  void close_and_publish();

  void check_table_layout(const std::string& group, const std::vector<std::string>& column_names,
                          const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics) const;
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
  // Bound HDF5's metadata cache (its default may grow to 32 MiB as chunk indexes grow),
  // so a long sweep's memory does not grow with the number of chunks written.
  H5AC_cache_config_t cache{};
  cache.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  hdf5::check(H5Pget_mdc_config(access.get(), &cache), "reading the metadata cache settings");
  cache.set_initial_size = true;
  cache.initial_size = std::size_t{1} << 20;
  cache.max_size = std::size_t{2} << 20;
  cache.min_size = std::size_t{1} << 20;
  hdf5::check(H5Pset_mdc_config(access.get(), &cache), "bounding the metadata cache");
  // Lock the file where the filesystem can, but do not fail where it cannot (some cluster
  // filesystems): the temporary name is private to this writer anyway.
  hdf5::check(H5Pset_file_locking(access.get(), true, true), "setting best-effort file locking");
  // HDF5 1.10 file format: chunked datasets are indexed by fixed or extensible arrays
  // whose pages go through the bounded metadata cache. The 1.8 format's version-1 B-trees
  // kept every node in memory: a 20,000-run sweep peaked at 31.6 MB against 25.1 MB for
  // 200 runs; with 1.10 indexes 24.9 against 23.4 MB. Readers need HDF5 1.10 or later.
  // Pinned (not "latest") so a newer library still writes the same format.
  hdf5::check(H5Pset_libver_bounds(access.get(), H5F_LIBVER_V110, H5F_LIBVER_V110),
              "choosing the HDF5 1.10 file format");
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
  if (points == 0) return;
  write_string_attribute(root, "design", layout.design_kind, string_type);
  write_number_attribute(root, "points", H5T_STD_I64LE, H5T_NATIVE_INT64, static_cast<std::int64_t>(points));
}

// /design: one float64 dataset per factor over `point`, written in blocks of points so a
// design of any size needs one block of memory.
void ResultsFile::State::write_design(const ResultsLayout& layout) {
  const hdf5::Group group = create_group(file.get(), "design");
  const Coordinate point = write_variant_coordinate(group.get());
  std::vector<hdf5::Dataset> columns;
  for (const DesignFactorColumn& factor : layout.factors) {
    hdf5::Dataset dataset = create_dataset(group.get(), factor.name, H5T_IEEE_F64LE, {points},
                                           untimed_creation_properties(H5P_DATASET_CREATE));
    write_string_attribute(dataset.get(), "units", factor.unit, string_type);
    write_string_attribute(dataset.get(), "long_name", factor.meaning, string_type);
    if (!factor.choices.empty()) {
      std::string words;
      for (const std::string& c : factor.choices) words += (words.empty() ? "" : " ") + c;
      // CF's convention for coded categories: value i means the i-th word.
      write_string_attribute(dataset.get(), "flag_meanings", words, string_type);
    }
    attach_coordinates(dataset, {&point});
    columns.push_back(std::move(dataset));
  }
  constexpr std::size_t kBlock = 4096;
  std::vector<std::vector<double>> block(columns.size());
  for (std::size_t start = 0; start < points; start += kBlock) {
    const std::size_t count = std::min(kBlock, points - start);
    for (auto& column : block) column.assign(count, 0.0);
    for (std::size_t p = 0; p < count; ++p) {
      const std::vector<double> values = layout.design_point(start + p);
      if (values.size() != columns.size()) throw OutputError("design_point gave the wrong number of factor values");
      for (std::size_t f = 0; f < columns.size(); ++f) block[f][p] = values[f];
    }
    const hdf5::Dataspace file_space = simple_space({points});
    const hsize_t offset = start, length = count;
    hdf5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &offset, nullptr, &length, nullptr),
                "selecting design points");
    const hdf5::Dataspace memory_space = simple_space({count});
    for (std::size_t f = 0; f < columns.size(); ++f) {
      hdf5::check(H5Dwrite(columns[f].get(), H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(), H5P_DEFAULT,
                           block[f].data()),
                  "writing /design/" + layout.factors[f].name);
    }
  }
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
  const hsize_t chunk_replicates = summary_chunk_replicates();
  const hdf5::PropertyList creation = run_metric_properties({chunk_variants(), chunk_replicates}, false);
  // By-point chunks are written whole, once: the cache need not keep one per variant.
  const std::size_t chunk_bytes = chunk_variants() * chunk_replicates * sizeof(double);
  const hdf5::PropertyList access =
      shape.by_point ? uncached_chunks() : chunk_cache_properties(chunk_bytes, variants());
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
  const hdf5::PropertyList creation = run_metric_properties({chunk_variants(), shape.replicates, periods}, true);
  // Chunks arrive whole and already compressed (H5Dwrite_chunk), so no cache is needed.
  const hdf5::PropertyList access = uncached_chunks();
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
  const hsize_t chunk[] = {chunk_variants(), summary_chunk_replicates()};
  hdf5::check(H5Pset_chunk(creation.get(), 2, chunk), "setting the chunk shape");
  const hdf5::PropertyList access = uncached_chunks();
  run_errors = create_dataset(group.get(), "error", string_type.get(), {variants(), replicates}, creation,
                              shape.by_point ? access.get() : H5P_DEFAULT);
  write_string_attribute(run_errors.get(), "long_name", "why the run failed; empty when it succeeded", string_type);
  attach_coordinates(run_errors, {&variant, &replicate});
}

void ResultsFile::State::prepare_run_selections() {
  run_space = simple_space({variants(), replicates});
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
  const std::size_t first = replicate / shape.replicates * shape.replicates;
  const std::size_t first_variant = variant / shape.variants * shape.variants;
  const auto position = open_blocks.try_emplace(
      block_key(variant, replicate), first_variant, std::min(shape.variants, variants() - first_variant), first,
      std::min(shape.replicates, replicates - first), summary.size(), series.size() * periods);
  return position.first->second;
}

void ResultsFile::State::buffer_run(std::size_t variant, std::size_t replicate, const RunOutput& run) {
  RunBlock& block = block_of(variant, replicate);
  const std::size_t slot = block.slot(variant, replicate);
  for (std::size_t metric = 0; metric < run.summary.size(); ++metric) {
    block.summary[metric * block.runs() + slot] = run.summary[metric];
  }
  for (std::size_t metric = 0; metric < series.size() && !run.series.empty(); ++metric) {
    std::copy_n(run.series.begin() + static_cast<std::ptrdiff_t>(metric * periods), periods,
                block.series.begin() + static_cast<std::ptrdiff_t>((metric * block.runs() + slot) * periods));
  }
  block.errors[slot] = run.error;
  ++block.received;
}

// Starts compressing the block's time series in the background and writes the block
// before it, whose compression has had a whole block's worth of runs to finish.
void ResultsFile::State::flush_block(RunBlock&& block) {
  write_pending_block();
  pending.emplace(PendingBlock{std::move(block), nullptr});
  pending->compression = std::make_unique<BackgroundChunkCompression>(pending->block.series, series.size(),
                                                                      series_chunk_values(), kDeflateLevel);
}

void ResultsFile::State::write_pending_block() {
  if (!pending) return;
  std::vector<CompressedChunk> chunks;
  try {
    chunks = pending->compression->wait();
  } catch (const std::exception& error) {
    throw OutputError(std::string("compressing time series: ") + error.what());
  }
  compression_cpu_seconds += pending->compression->cpu_seconds();
  write_block(pending->block, chunks);
  pending.reset();
}

void ResultsFile::State::write_block(const RunBlock& block, const std::vector<CompressedChunk>& series_chunks) {
  const std::string what = std::string("writing ") + axis_name() + " " + std::to_string(block.first_variant) +
                           (block.variants > 1 ? " to " + std::to_string(block.first_variant + block.variants - 1) : "") +
                           ", replicates " + std::to_string(block.first_replicate) + " to " +
                           std::to_string(block.first_replicate + block.size - 1);
  select_runs(run_space, block.first_variant, block.variants, block.first_replicate, block.size, 0);
  const hdf5::Dataspace row = simple_space({block.variants, block.size});
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
    errors.push_back(shape.by_point && error.empty() ? nullptr : error.c_str());
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
}

void ResultsFile::State::flush_block_if_complete(std::size_t variant, std::size_t replicate) {
  const auto position = open_blocks.find(block_key(variant, replicate));
  if (position->second.received < position->second.runs()) return;
  RunBlock block = std::move(position->second);
  open_blocks.erase(position);
  flush_block(std::move(block));
}

// Block by block, so marking a huge unrun remainder (adaptive replication stopping early)
// holds one block at a time.
void ResultsFile::State::record_unwritten_runs(const std::string& reason) {
  for (std::size_t first_variant = 0; first_variant < variants(); first_variant += shape.variants) {
    for (std::size_t first = 0; first < replicates; first += shape.replicates) {
      const std::size_t last_variant = std::min(variants(), first_variant + shape.variants);
      const std::size_t last = std::min(replicates, first + shape.replicates);
      bool touched = false;
      for (std::size_t variant = first_variant; variant < last_variant; ++variant) {
        for (std::size_t replicate = first; replicate < last; ++replicate) {
          if (written[run_index(variant, replicate)] != 0) continue;
          RunBlock& block = block_of(variant, replicate);
          block.errors[block.slot(variant, replicate)] = reason;
          written[run_index(variant, replicate)] = 1;
          ++block.received;
          touched = true;
        }
      }
      if (touched) flush_block_if_complete(first_variant, first);
    }
  }
}

void ResultsFile::State::flush_open_blocks() {
  for (auto& [key, block] : open_blocks) flush_block(std::move(block));
  open_blocks.clear();
  write_pending_block();
}

void ResultsFile::State::finish_runs(const std::string& reason) {
  if (runs_finished) return;
  record_unwritten_runs(reason);
  flush_open_blocks();
  runs_finished = true;
}

std::vector<double> ResultsFile::State::read_summary(std::size_t metric, std::size_t first, std::size_t count) {
  std::vector<double> values(count * replicates);
  select_runs(run_space, first, count, 0, replicates, 0);
  const hdf5::Dataspace memory = simple_space({count, replicates});
  hdf5::check(H5Dread(summary.at(metric).get(), H5T_NATIVE_DOUBLE, memory.get(), run_space.get(), H5P_DEFAULT,
                      values.data()),
              "reading summary values back");
  return values;
}

void ResultsFile::State::close_and_publish() {
  flush_open_blocks();
  streamed_tables.clear();
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

void ResultsFile::State::check_table_layout(const std::string& group, const std::vector<std::string>& column_names,
                                            const std::string& column_dimension_name,
                                            const std::vector<MetricSpec>& metrics) const {
  if (!is_valid_link_name(group)) throw OutputError("table group '" + group + "' is not a valid HDF5 name");
  if (group_names.count(group) != 0) throw OutputError("group '" + group + "' was already written");
  if (column_names.empty()) throw OutputError("table " + group + " has no columns");
  require_unique_link_names({column_dimension_name}, "column dimension of table " + group, {axis_name()});
  require_unique_link_names(names_of(metrics), "metric of table " + group, {axis_name(), column_dimension_name});
}

void ResultsFile::State::check_table(const std::string& group, const std::vector<std::string>& column_names,
                                     const std::string& column_dimension_name, const std::vector<MetricSpec>& metrics,
                                     const std::vector<std::vector<double>>& values) const {
  check_table_layout(group, column_names, column_dimension_name, metrics);
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

// Chunked by rows so blocks of rows can be written as they are computed.
void ResultsFile::State::create_table(const std::string& group, const std::vector<std::string>& column_names,
                                      const std::string& column_dimension_name,
                                      const std::vector<MetricSpec>& metrics) {
  const hdf5::Group table = create_group(file.get(), group);
  const Coordinate variant = write_variant_coordinate(table.get());
  const Coordinate column = write_string_coordinate(table.get(), column_dimension_name, column_names, string_type);
  const hsize_t chunk_rows = std::min<hsize_t>(variants(), 4096);
  hdf5::PropertyList creation = run_metric_properties({chunk_rows, column_names.size()}, false);
  const hdf5::PropertyList access = uncached_chunks();
  std::vector<hdf5::Dataset> datasets;
  for (const MetricSpec& metric : metrics) {
    hdf5::Dataset dataset = create_dataset(table.get(), metric.name, H5T_IEEE_F64LE,
                                           {variants(), column_names.size()}, creation, access.get());
    write_metric_attributes(dataset.get(), metric, string_type);
    attach_coordinates(dataset, {&variant, &column});
    datasets.push_back(std::move(dataset));
  }
  streamed_tables.emplace(group, std::move(datasets));
  group_names.insert(group);
}

void ResultsFile::State::write_table_rows(const std::string& group, std::size_t first_row,
                                          const std::vector<std::vector<double>>& values) {
  const auto table = streamed_tables.find(group);
  if (table == streamed_tables.end()) throw OutputError("table " + group + " was not created with create_table");
  if (values.size() != table->second.size()) throw OutputError("table " + group + ": wrong number of metrics");
  for (std::size_t m = 0; m < values.size(); ++m) {
    const hdf5::Dataspace space(H5Dget_space(table->second[m].get()), "getting a table dataspace");
    hsize_t dims[2] = {0, 0};
    hdf5::check(H5Sget_simple_extent_dims(space.get(), dims, nullptr), "reading a table shape");
    const std::size_t rows = dims[1] == 0 ? 0 : values[m].size() / dims[1];
    if (rows * dims[1] != values[m].size() || first_row + rows > dims[0]) {
      throw OutputError("table " + group + ": rows outside the table or not a whole number of rows");
    }
    const hsize_t offset[2] = {first_row, 0}, count[2] = {rows, dims[1]};
    hdf5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset, nullptr, count, nullptr), "selecting rows");
    const hdf5::Dataspace memory = simple_space({rows, dims[1]});
    hdf5::check(H5Dwrite(table->second[m].get(), H5T_NATIVE_DOUBLE, memory.get(), space.get(), H5P_DEFAULT,
                         values[m].data()),
                "writing rows of " + group);
  }
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
    state_->prepare_run_selections();
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
    state.check_table_layout(group, column_names, column_dimension_name, metrics);
    state.closing_on_failure([&] { state.create_table(group, column_names, column_dimension_name, metrics); });
  });
}

void ResultsFile::write_table_rows(const std::string& group, std::size_t first_row,
                                   const std::vector<std::vector<double>>& values) {
  State& state = State::accepting(state_, "write_table_rows");
  naming_file(state.final_path, [&] { state.write_table_rows(group, first_row, values); });
}

void ResultsFile::write_matrix(const std::string& group, const std::string& row_dimension_name,
                               const std::vector<std::string>& row_names, const std::string& column_dimension_name,
                               const std::vector<std::string>& column_names, const std::vector<MetricSpec>& metrics,
                               const std::vector<std::vector<double>>& values) {
  State& state = State::accepting(state_, "write_matrix");
  naming_file(state.final_path, [&] {
    if (!is_valid_link_name(group) || state.group_names.count(group) != 0) {
      throw OutputError("group '" + group + "' is not a valid name or was already written");
    }
    require_unique_link_names({row_dimension_name, column_dimension_name}, "dimension of " + group, {});
    require_unique_link_names(names_of(metrics), "metric of " + group, {row_dimension_name, column_dimension_name});
    for (const auto& v : values) {
      if (v.size() != row_names.size() * column_names.size()) throw OutputError("matrix " + group + ": wrong size");
    }
    if (values.size() != metrics.size()) throw OutputError("matrix " + group + ": wrong number of metrics");
    state.closing_on_failure([&] {
      const hdf5::Group matrix = create_group(state.file.get(), group);
      const Coordinate rows = write_string_coordinate(matrix.get(), row_dimension_name, row_names, state.string_type);
      const Coordinate columns =
          write_string_coordinate(matrix.get(), column_dimension_name, column_names, state.string_type);
      const hdf5::PropertyList creation = untimed_creation_properties(H5P_DATASET_CREATE);
      for (std::size_t m = 0; m < metrics.size(); ++m) {
        const hdf5::Dataset dataset = create_dataset(matrix.get(), metrics[m].name, H5T_IEEE_F64LE,
                                                     {row_names.size(), column_names.size()}, creation);
        hdf5::check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values[m].data()),
                    "writing " + group + "/" + metrics[m].name);
        write_metric_attributes(dataset.get(), metrics[m], state.string_type);
        attach_coordinates(dataset, {&rows, &columns});
      }
      state.group_names.insert(group);
    });
  });
}

const fs::path& ResultsFile::final_path() const noexcept { return state_->final_path; }
const fs::path& ResultsFile::temporary_path() const noexcept { return state_->temporary.path(); }
double ResultsFile::background_compression_seconds() const noexcept { return state_->compression_cpu_seconds; }

}  // namespace alignsim::sim
