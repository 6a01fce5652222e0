// The layout of a results file: the file itself, its provenance and the groups every
// results file has (/variants or /design, /summary, /timeseries, /runs), created empty
// (NaN-filled) before any run finishes. docs/output-format.md lists every path.
#include <algorithm>
#include <optional>

#include "sim/errors.hpp"
#include "sim/io/results_file_state.hpp"

namespace alignsim::sim {
using namespace hdf5;
using namespace results_detail;
namespace {

// Chunk cache per summary dataset, within these bounds: a summary chunk (4096 replicates)
// fills over several blocks, so the cache keeps one partly written chunk per variant
// rather than reading it back for every block.
constexpr std::size_t kMinCacheBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxCacheBytes = std::size_t{16} << 20;
constexpr std::size_t kCacheSlots = 12421;  // prime, as HDF5 recommends for its hash

PropertyList chunk_cache_properties(std::size_t chunk_bytes, std::size_t chunks_in_use) {
  const std::size_t wanted = std::clamp(chunk_bytes * chunks_in_use, kMinCacheBytes, kMaxCacheBytes);
  PropertyList properties(H5Pcreate(H5P_DATASET_ACCESS), "creating dataset access properties");
  // w0 = 1: evict fully written chunks first; they will not be touched again.
  check(H5Pset_chunk_cache(properties.get(), kCacheSlots, std::max(wanted, chunk_bytes), 1.0),
        "sizing the chunk cache");
  return properties;
}

// Business days elapsed at the end of period p (days are 0-based, so period p covers days
// [p * period_days, end)); the last period may be cut short by the horizon.
std::int64_t period_end_day(std::size_t period, std::int64_t period_days, std::int64_t horizon_days) {
  const std::int64_t end = (static_cast<std::int64_t>(period) + 1) * period_days;
  return horizon_days > 0 ? std::min(end, horizon_days) : end;
}

std::int64_t index_value(std::size_t index) { return static_cast<std::int64_t>(index); }

}  // namespace

Coordinate ResultsFile::State::write_variant_coordinate(hid_t group) const {
  if (points > 0) {
    Coordinate point = write_int64_coordinate(group, kPointDimension, points, index_value);
    write_string_attribute(point.dataset.get(), "long_name", "design point (factor values in /design)", string_type);
    return point;
  }
  Coordinate variant = write_string_coordinate(group, kVariantDimension, variant_names, string_type);
  write_string_attribute(variant.dataset.get(), "long_name", "scenario variant (0 is the base scenario)", string_type);
  return variant;
}

Coordinate ResultsFile::State::write_replicate_coordinate(hid_t group) const {
  Coordinate replicate = write_int64_coordinate(group, kReplicateDimension, replicates, index_value);
  write_string_attribute(replicate.dataset.get(), "long_name",
                         "replicate number (replicate r of every variant shares its random streams)", string_type);
  return replicate;
}

void ResultsFile::State::create_file() {
  const PropertyList creation = untimed_creation_properties(H5P_FILE_CREATE);
  PropertyList access(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties");
  // SEMI: closing the file fails while objects are open, so a successful close really
  // means the data reached the operating system before we fsync and rename.
  check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), "setting the file close degree");
  // Bound HDF5's metadata cache (its default may grow to 32 MiB as chunk indexes grow),
  // so a long sweep's memory does not grow with the number of chunks written.
  H5AC_cache_config_t cache{};
  cache.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  check(H5Pget_mdc_config(access.get(), &cache), "reading the metadata cache settings");
  cache.set_initial_size = true;
  cache.initial_size = std::size_t{1} << 20;
  cache.max_size = std::size_t{2} << 20;
  cache.min_size = std::size_t{1} << 20;
  check(H5Pset_mdc_config(access.get(), &cache), "bounding the metadata cache");
  // Lock the file where the filesystem can, but do not fail where it cannot (some cluster
  // filesystems): the temporary name is private to this writer anyway.
  check(H5Pset_file_locking(access.get(), true, true), "setting best-effort file locking");
  // HDF5 1.10 file format: chunked datasets are indexed by fixed or extensible arrays
  // whose pages go through the bounded metadata cache. The 1.8 format's version-1 B-trees
  // kept every node in memory: a 20,000-run sweep peaked at 31.6 MB against 25.1 MB for
  // 200 runs; with 1.10 indexes 24.9 against 23.4 MB. Readers need HDF5 1.10 or later.
  // Pinned (not "latest") so a newer library still writes the same format.
  check(H5Pset_libver_bounds(access.get(), H5F_LIBVER_V110, H5F_LIBVER_V110),
              "choosing the HDF5 1.10 file format");
  // TRUNC: a leftover temporary of a crashed process with the same PID is fair game.
  file = File(H5Fcreate(temporary.path().c_str(), H5F_ACC_TRUNC, creation.get(), access.get()),
                    "creating " + quoted(temporary.path()));
  string_type = make_utf8_string_type();
}

void ResultsFile::State::write_provenance(const ResultsLayout& layout, const Provenance& provenance) {
  const hid_t root = file.get();
  write_int64_attribute(root, "output_format_version", kOutputFormatVersion);
  write_string_attribute(root, "alignsim_version", provenance.version, string_type);
  write_string_attribute(root, "git_revision", provenance.git_revision, string_type);
  write_string_attribute(root, "scenario_name", provenance.scenario_name, string_type);
  write_number_attribute(root, "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, provenance.seed);
  write_int64_attribute(root, "horizon_days", provenance.horizon_days);
  write_int64_attribute(root, "warmup_days", provenance.warmup_days);
  write_int64_attribute(root, "period_days", layout.period_days);
  write_int64_attribute(root, "replicates", static_cast<std::int64_t>(layout.replicates));
  write_string_attribute(root, "scenario_yaml", provenance.scenario_yaml, string_type);
  if (points == 0) return;
  write_string_attribute(root, "design", layout.design_kind, string_type);
  write_int64_attribute(root, "points", static_cast<std::int64_t>(points));
}

// /design: one float64 dataset per factor over `point`, written in blocks of points so a
// design of any size needs one block of memory.
void ResultsFile::State::write_design(const ResultsLayout& layout) {
  const Group group = create_group(file.get(), "design");
  const Coordinate point = write_variant_coordinate(group.get());
  std::vector<Dataset> columns;
  for (const DesignFactorColumn& factor : layout.factors) {
    Dataset dataset = create_dataset(group.get(), factor.name, H5T_IEEE_F64LE, {points},
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
    const Dataspace file_space = simple_space({points});
    const hsize_t offset = start, length = count;
    check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &offset, nullptr, &length, nullptr),
                "selecting design points");
    const Dataspace memory_space = simple_space({count});
    for (std::size_t f = 0; f < columns.size(); ++f) {
      check(H5Dwrite(columns[f].get(), H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(), H5P_DEFAULT,
                           block[f].data()),
                  "writing /design/" + layout.factors[f].name);
    }
  }
}

void ResultsFile::State::write_variants(const ResultsLayout& layout) {
  const Group group = create_group(file.get(), "variants");
  const Coordinate variant = write_variant_coordinate(group.get());
  const std::pair<const char*, const std::vector<std::string>*> columns[] = {
      {"name", &layout.variant_names},
      {"description", &layout.variant_descriptions},
      {"overrides_yaml", &layout.variant_overrides_yaml}};
  for (const auto& [name, values] : columns) {
    const Dataset column = write_string_dataset(group.get(), name, *values, string_type);
    attach_coordinates(column, {&variant});
  }
}

void ResultsFile::State::create_summary(const std::vector<MetricSpec>& metrics) {
  const Group group = create_group(file.get(), "summary");
  const Coordinate variant = write_variant_coordinate(group.get());
  const Coordinate replicate = write_replicate_coordinate(group.get());
  const hsize_t chunk_replicates = summary_chunk_replicates();
  const PropertyList creation = chunked_properties({chunk_variants(), chunk_replicates}, false, true);
  // By-point chunks are written whole, once: the cache need not keep one per variant.
  const std::size_t chunk_bytes = chunk_variants() * chunk_replicates * sizeof(double);
  const PropertyList access =
      shape().by_point ? uncached_chunks() : chunk_cache_properties(chunk_bytes, variants());
  for (const MetricSpec& metric : metrics) {
    Dataset dataset =
        create_dataset(group.get(), metric.name, H5T_IEEE_F64LE, {variants(), replicates}, creation, access.get());
    write_metric_attributes(dataset.get(), metric, string_type);
    attach_coordinates(dataset, {&variant, &replicate});
    summary.push_back(std::move(dataset));
  }
}

void ResultsFile::State::create_timeseries(const ResultsLayout& layout, std::int64_t horizon_days) {
  const Group group = create_group(file.get(), "timeseries");
  const Coordinate variant = write_variant_coordinate(group.get());
  const Coordinate replicate = write_replicate_coordinate(group.get());
  const Coordinate period = write_period_coordinate(group.get(), layout.period_days, horizon_days);
  const PropertyList creation = chunked_properties({chunk_variants(), shape().replicates, periods}, true, true);
  // Chunks arrive whole and already compressed (H5Dwrite_chunk), so no cache is needed.
  const PropertyList access = uncached_chunks();
  for (const MetricSpec& metric : layout.metrics.series) {
    Dataset dataset = create_dataset(group.get(), metric.name, H5T_IEEE_F64LE, {variants(), replicates, periods},
                                           creation, access.get());
    write_metric_attributes(dataset.get(), metric, string_type);
    attach_coordinates(dataset, {&variant, &replicate, &period});
    series.push_back(std::move(dataset));
  }
}

Coordinate ResultsFile::State::write_period_coordinate(hid_t group, std::int64_t period_days,
                                                     std::int64_t horizon_days) const {
  Coordinate period = write_int64_coordinate(group, kPeriodDimension, periods, [&](std::size_t index) {
    return period_end_day(index, period_days, horizon_days);
  });
  write_string_attribute(period.dataset.get(), "units", "business days", string_type);
  write_string_attribute(period.dataset.get(), "long_name", "business days elapsed at the end of the period",
                         string_type);
  return period;
}

void ResultsFile::State::create_runs() {
  const Group group = create_group(file.get(), "runs");
  const Coordinate variant = write_variant_coordinate(group.get());
  const Coordinate replicate = write_replicate_coordinate(group.get());
  const PropertyList creation = chunked_properties({chunk_variants(), summary_chunk_replicates()}, false, false);
  const PropertyList access = uncached_chunks();
  run_errors = create_dataset(group.get(), "error", string_type.get(), {variants(), replicates}, creation,
                              shape().by_point ? access.get() : H5P_DEFAULT);
  write_string_attribute(run_errors.get(), "long_name", "why the run failed; empty when it succeeded", string_type);
  attach_coordinates(run_errors, {&variant, &replicate});
}

// /agents/NAME: the table's own coordinates (the first axis, replicate, the rows and, per
// period, period) and one dataset per column. Chunks are one block of runs wide, all rows
// (and periods), so every chunk is written once, whole (write_agent_block).
void ResultsFile::State::create_agent_tables(const ResultsLayout& layout, std::int64_t horizon_days) {
  const std::vector<AgentTableSpec>& tables = layout.metrics.agent_tables;
  if (tables.empty()) return;
  const Group parent = create_group(file.get(), "agents");
  const PropertyList access = uncached_chunks();
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const AgentTableSpec& table = tables[t];
    const std::size_t rows = layout.agent_table_rows[t];
    const Group group = create_group(parent.get(), table.name);
    const Coordinate variant = write_variant_coordinate(group.get());
    const Coordinate replicate = write_replicate_coordinate(group.get());
    const Coordinate row =
        table.row_labels.empty()
            ? write_int64_coordinate(group.get(), table.dimension, rows, index_value)
            : write_string_coordinate(group.get(), table.dimension, table.row_labels, string_type);
    write_string_attribute(row.dataset.get(), "long_name", table.meaning, string_type);
    std::vector<hsize_t> extents = {rows};
    std::vector<const Coordinate*> axes = {&variant, &replicate, &row};
    std::optional<Coordinate> period;
    if (table.per_period) {
      period.emplace(write_period_coordinate(group.get(), layout.period_days, horizon_days));
      extents.push_back(periods);
      axes.push_back(&*period);
    }
    std::vector<hsize_t> dimensions = {variants(), replicates}, chunk = {chunk_variants(), shape().replicates};
    dimensions.insert(dimensions.end(), extents.begin(), extents.end());
    chunk.insert(chunk.end(), extents.begin(), extents.end());
    const PropertyList creation = chunked_properties(chunk, true, true);
    for (const MetricSpec& column : table.columns) {
      Dataset dataset = create_dataset(group.get(), column.name, H5T_IEEE_F64LE, dimensions, creation, access.get());
      write_metric_attributes(dataset.get(), column, string_type);
      attach_coordinates(dataset, axes);
      agents.push_back(std::move(dataset));
      agent_column_rows.push_back(extents);
    }
  }
}

}  // namespace alignsim::sim
