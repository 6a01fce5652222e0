#include "sim/io/shard_file.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/io/hdf5_build.hpp"
#include "sim/io/root_attributes.hpp"
#include "sim/io/shard_checksum.hpp"
#include "sim/run/shard.hpp"

namespace alignsim::sim {
namespace fs = std::filesystem;
namespace {

// 2: header and per-block checksums (/checksum, header_checksum).
constexpr std::int64_t kShardFormatVersion = 2;
constexpr const char* kKind = "alignsim shard";
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

// Rows per block (and per chunk): about 1 MiB of values, at least 1, at most the shard.
std::size_t block_rows(const ShardHeader& header) {
  const std::size_t row_bytes = (header.summary_size + header.series_size + header.agents_size) * sizeof(double) + 8;
  return std::clamp<std::size_t>(kBlockBytes / row_bytes, 1, std::max<std::size_t>(header.rows(), 1));
}

hdf5::Dataset create_rows(hid_t file, const std::string& name, hid_t type, std::size_t rows, std::size_t columns,
                          std::size_t chunk_rows, bool compress) {
  std::vector<hsize_t> dims{rows}, chunk{chunk_rows};
  if (columns > 0) {
    dims.push_back(columns);
    chunk.push_back(columns);
  }
  return hdf5::create_dataset(file, name, type, dims, hdf5::chunked_properties(chunk, compress, false));
}

// Selects rows [first, first + count) (all columns) of a dataset's file space.
hdf5::Dataspace select_rows(const hdf5::Dataset& dataset, std::size_t first, std::size_t count, std::size_t columns) {
  hdf5::Dataspace space(H5Dget_space(dataset.get()), "getting a dataspace");
  const hsize_t offset[2] = {first, 0}, counts[2] = {count, columns};
  hdf5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset, nullptr, counts, nullptr), "selecting rows");
  return space;
}

hdf5::Dataspace memory_rows(std::size_t count, std::size_t columns) {
  const hsize_t dims[2] = {count, columns};
  return {H5Screate_simple(columns > 0 ? 2 : 1, dims, nullptr), "creating a memory dataspace"};
}


}  // namespace

std::size_t ShardHeader::rows() const noexcept { return ShardSpec{index, count}.runs_of(total_runs()); }

// ---------------------------------------------------------------- writer

struct ShardWriter::State {
  TemporaryFileGuard temporary;  // first: destroyed after the HDF5 handles
  fs::path path;
  ShardHeader header;
  bool overwrite;
  std::size_t block_size;
  hdf5::File file;
  hdf5::Dataset runs, summary, series, agents, errors;
  ShardRows block;
  std::vector<std::uint64_t> block_checksums;  // one per block, in order
  std::size_t next_row = 0;
  bool committed = false;

  State(fs::path final_path, const ShardHeader& h, bool replace)
      : temporary(temporary_path_for(final_path)), path(std::move(final_path)), header(h), overwrite(replace),
        block_size(block_rows(h)) {}

  void create() {
    const hdf5::PropertyList creation = hdf5::untimed_creation_properties(H5P_FILE_CREATE);
    file = hdf5::File(H5Fcreate(temporary.path().c_str(), H5F_ACC_TRUNC, creation.get(), H5P_DEFAULT),
                      "creating " + quoted(temporary.path()));
    const hid_t root = file.get();
    const hdf5::Datatype text = hdf5::make_utf8_string_type();
    const auto text_attribute = [&](const char* name, const std::string& value) {
      hdf5::write_string_attribute(root, name, value, text);
    };
    text_attribute("kind", kKind);
    hdf5::write_int64_attribute(root, "shard_format_version", kShardFormatVersion);
    text_attribute("run_identity", header.identity);
    text_attribute("alignsim_version", header.version);
    text_attribute("git_revision", header.git_revision);
    text_attribute("scenario_name", header.scenario_name);
    text_attribute("scenario_yaml", header.scenario_yaml);
    for (const auto& [name, value] : {std::pair<const char*, std::size_t>{"shard_index", header.index},
                                      {"shard_count", header.count}, {"entries", header.entries},
                                      {"replicates", header.replicates}, {"summary_size", header.summary_size},
                                      {"series_size", header.series_size}, {"runs", header.rows()}}) {
      hdf5::write_int64_attribute(root, name, static_cast<std::int64_t>(value));
    }
    // Only when present: shards of models without agent tables stay as they were.
    if (header.agents_size > 0) {
      hdf5::write_int64_attribute(root, "agents_size", static_cast<std::int64_t>(header.agents_size));
    }
    hdf5::write_number_attribute(root, "header_checksum", H5T_STD_U64LE, H5T_NATIVE_UINT64,
                                 shard_header_checksum(header, header.rows()));
    const std::size_t rows = header.rows();
    runs = create_rows(root, "run", H5T_STD_I64LE, rows, 0, block_size, false);
    summary = create_rows(root, "summary", H5T_IEEE_F64LE, rows, header.summary_size, block_size, false);
    if (header.series_size > 0) series = create_rows(root, "series", H5T_IEEE_F64LE, rows, header.series_size, block_size, true);
    if (header.agents_size > 0) agents = create_rows(root, "agents", H5T_IEEE_F64LE, rows, header.agents_size, block_size, true);
    errors = create_rows(root, "error", text.get(), rows, 0, block_size, false);
  }

  void flush() {
    if (block.count == 0) return;
    block_checksums.push_back(shard_rows_checksum(block));
    hdf5::check(H5Dwrite(runs.get(), H5T_NATIVE_INT64, memory_rows(block.count, 0).get(),
                         select_rows(runs, block.first, block.count, 0).get(), H5P_DEFAULT, block.runs.data()),
                "writing run numbers");
    hdf5::check(H5Dwrite(summary.get(), H5T_NATIVE_DOUBLE, memory_rows(block.count, header.summary_size).get(),
                         select_rows(summary, block.first, block.count, header.summary_size).get(), H5P_DEFAULT,
                         block.summary.data()),
                "writing summary values");
    if (series.valid()) {
      hdf5::check(H5Dwrite(series.get(), H5T_NATIVE_DOUBLE, memory_rows(block.count, header.series_size).get(),
                           select_rows(series, block.first, block.count, header.series_size).get(), H5P_DEFAULT,
                           block.series.data()),
                  "writing series values");
    }
    if (agents.valid()) {
      hdf5::check(H5Dwrite(agents.get(), H5T_NATIVE_DOUBLE, memory_rows(block.count, header.agents_size).get(),
                           select_rows(agents, block.first, block.count, header.agents_size).get(), H5P_DEFAULT,
                           block.agents.data()),
                  "writing agent-table values");
    }
    std::vector<const char*> texts;
    for (const std::string& e : block.errors) texts.push_back(e.c_str());
    const hdf5::Datatype text = hdf5::make_utf8_string_type();
    hdf5::check(H5Dwrite(errors.get(), text.get(), memory_rows(block.count, 0).get(),
                         select_rows(errors, block.first, block.count, 0).get(), H5P_DEFAULT, texts.data()),
                "writing run errors");
    block = ShardRows{block.first + block.count, 0, {}, {}, {}, {}};
  }
};

ShardWriter::ShardWriter(fs::path path, const ShardHeader& header, bool overwrite) {
  try {
    check_destination(path, overwrite);
    hdf5::disable_automatic_error_printing();
    state_ = std::make_unique<State>(std::move(path), header, overwrite);
    state_->create();
  } catch (const OutputError& e) {
    throw OutputError("shard file " + quoted(state_ ? state_->path : path) + ": " + e.what());
  }
}

ShardWriter::~ShardWriter() = default;

void ShardWriter::write(std::size_t run, const RunOutput& output) {
  hdf5::disable_automatic_error_printing();  // the runner's writer stage may be on any thread
  State& s = *state_;
  const std::size_t expected = s.header.index + s.next_row * s.header.count;
  if (s.committed || run != expected || s.next_row >= s.header.rows()) {
    throw OutputError("shard file " + quoted(s.path) + ": run " + std::to_string(run) + " out of order (expected " +
                      std::to_string(expected) + ")");
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  ShardRows& b = s.block;
  b.runs.push_back(static_cast<std::int64_t>(run));
  // A failed run may come without values; store NaN like the results file does.
  if (output.summary.size() == s.header.summary_size) b.summary.insert(b.summary.end(), output.summary.begin(), output.summary.end());
  else b.summary.insert(b.summary.end(), s.header.summary_size, nan);
  if (output.series.size() == s.header.series_size) b.series.insert(b.series.end(), output.series.begin(), output.series.end());
  else b.series.insert(b.series.end(), s.header.series_size, nan);
  if (output.agents.size() == s.header.agents_size) b.agents.insert(b.agents.end(), output.agents.begin(), output.agents.end());
  else b.agents.insert(b.agents.end(), s.header.agents_size, nan);
  b.errors.push_back(output.error);
  ++b.count;
  ++s.next_row;
  if (b.count == s.block_size) s.flush();
}

void ShardWriter::commit() {
  hdf5::disable_automatic_error_printing();
  State& s = *state_;
  if (s.next_row != s.header.rows()) {
    throw OutputError("shard file " + quoted(s.path) + ": " + std::to_string(s.next_row) + " of " +
                      std::to_string(s.header.rows()) + " runs written");
  }
  s.committed = true;
  s.flush();
  {  // closed before the file: a file closes for real only when its last object does
    const hdf5::Dataset checksums =
        hdf5::create_dataset(s.file.get(), "checksum", H5T_STD_U64LE, {s.block_checksums.size()},
                             hdf5::untimed_creation_properties(H5P_DATASET_CREATE));
    if (!s.block_checksums.empty()) {
      hdf5::check(H5Dwrite(checksums.get(), H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           s.block_checksums.data()),
                  "writing block checksums");
    }
  }
  s.runs.close("closing a dataset");
  s.summary.close("closing a dataset");
  s.series.close("closing a dataset");
  s.agents.close("closing a dataset");
  s.errors.close("closing a dataset");
  s.file.close("closing the shard file");
  seal_with_trailer(s.temporary.path());
  fsync_path(s.temporary.path(), false);
  publish(s.temporary.path(), s.path, s.overwrite);
  s.temporary.release();
  fsync_path(directory_of(s.path), true);
}

// ---------------------------------------------------------------- reader

struct ShardReader::State {
  fs::path path;
  ShardHeader header;
  hdf5::File file;
  hdf5::Dataset runs, summary, series, agents, errors;
  std::size_t rows = 0;
  std::size_t block_size = 1;
  ShardRows block;  // the block read() last loaded, whole and verified
  std::vector<std::uint64_t> checksums;  // one per block

  [[nodiscard]] std::size_t blocks() const noexcept { return (rows + block_size - 1) / block_size; }

  // Block `b` read and checked against its checksum; nothing of this reader changes, so
  // a failure leaves it as it was. Throws OutputError saying which runs are damaged.
  [[nodiscard]] ShardRows read_block(std::size_t b) const {
    const std::size_t first = b * block_size;
    ShardRows rows_read{first, std::min(block_size, rows - first), {}, {}, {}, {}};
    const std::string where = "rows " + std::to_string(first) + " to " + std::to_string(first + rows_read.count - 1);
    try {
      read_into(rows_read);
    } catch (const OutputError& e) {
      throw OutputError("damaged: " + where + " cannot be read (" + e.what() + ")");
    }
    if (shard_rows_checksum(rows_read) != checksums.at(b)) {
      throw OutputError("damaged: " + where + " do not match their checksum");
    }
    return rows_read;
  }

  void read_into(ShardRows& b) const {
    const std::size_t first = b.first, count = b.count;
    b.runs.resize(count);
    b.summary.resize(count * header.summary_size);
    b.series.resize(count * header.series_size);
    b.agents.resize(count * header.agents_size);
    hdf5::check(H5Dread(runs.get(), H5T_NATIVE_INT64, memory_rows(count, 0).get(),
                        select_rows(runs, first, count, 0).get(), H5P_DEFAULT, b.runs.data()),
                "reading run numbers");
    hdf5::check(H5Dread(summary.get(), H5T_NATIVE_DOUBLE, memory_rows(count, header.summary_size).get(),
                        select_rows(summary, first, count, header.summary_size).get(), H5P_DEFAULT, b.summary.data()),
                "reading summary values");
    if (header.series_size > 0) {
      hdf5::check(H5Dread(series.get(), H5T_NATIVE_DOUBLE, memory_rows(count, header.series_size).get(),
                          select_rows(series, first, count, header.series_size).get(), H5P_DEFAULT, b.series.data()),
                  "reading series values");
    }
    if (header.agents_size > 0) {
      hdf5::check(H5Dread(agents.get(), H5T_NATIVE_DOUBLE, memory_rows(count, header.agents_size).get(),
                          select_rows(agents, first, count, header.agents_size).get(), H5P_DEFAULT, b.agents.data()),
                  "reading agent-table values");
    }
    std::vector<char*> texts(count, nullptr);
    const hdf5::Datatype text = hdf5::make_utf8_string_type();
    const hdf5::Dataspace memory = memory_rows(count, 0);
    const herr_t status = H5Dread(errors.get(), text.get(), memory.get(), select_rows(errors, first, count, 0).get(),
                                  H5P_DEFAULT, texts.data());
    for (char* t : texts) {
      b.errors.emplace_back(t != nullptr ? t : "");
      H5free_memory(t);
    }
    hdf5::check(status, "reading run errors");
  }

  void open_datasets(hid_t root) {
    runs = hdf5::Dataset(H5Dopen2(root, "run", H5P_DEFAULT), "opening /run");
    hdf5::require_shape(runs, "run", rows, 0);
    summary = hdf5::Dataset(H5Dopen2(root, "summary", H5P_DEFAULT), "opening /summary");
    hdf5::require_shape(summary, "summary", rows, header.summary_size);
    if (header.series_size > 0) {
      series = hdf5::Dataset(H5Dopen2(root, "series", H5P_DEFAULT), "opening /series");
      hdf5::require_shape(series, "series", rows, header.series_size);
    }
    if (header.agents_size > 0) {
      agents = hdf5::Dataset(H5Dopen2(root, "agents", H5P_DEFAULT), "opening /agents");
      hdf5::require_shape(agents, "agents", rows, header.agents_size);
    }
    errors = hdf5::Dataset(H5Dopen2(root, "error", H5P_DEFAULT), "opening /error");
    hdf5::require_shape(errors, "error", rows, 0);
    const hdf5::Dataset sums(H5Dopen2(root, "checksum", H5P_DEFAULT), "opening /checksum");
    hdf5::require_shape(sums, "checksum", blocks(), 0);
    checksums.resize(blocks());
    if (!checksums.empty()) {
      hdf5::check(H5Dread(sums.get(), H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, checksums.data()),
                  "reading /checksum");
    }
  }
};

ShardReader::ShardReader(fs::path path) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.path = std::move(path);
  try {
    hdf5::disable_automatic_error_printing();
    // Said plainly, not as HDF5's stack for a failed open.
    std::error_code error;
    const fs::file_status status = fs::status(s.path, error);
    if (!fs::exists(status)) throw OutputError("no such file");
    if (fs::is_directory(status)) throw OutputError("is a directory, not a shard file");
    // Before HDF5 parses a byte: HDF5 1.10 crashes or hangs on some malformed files.
    const std::string damage = trailer_problem(s.path);
    if (damage == "it has no checksum trailer") {
      throw OutputError("not an alignsim shard file of format version " + std::to_string(kShardFormatVersion) +
                        " (written by 'alignsim run --shard I/N' of this build): " + damage);
    }
    if (!damage.empty()) throw OutputError("damaged: " + damage + "; rerun this shard");
    s.file = hdf5::File(H5Fopen(s.path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening the file");
    const hid_t root = s.file.get();
    if (H5Aexists(root, "kind") <= 0 || read_string_attribute(root, "kind") != kKind) {
      throw OutputError("not an alignsim shard file (written by 'alignsim run --shard I/N')");
    }
    const std::size_t version = hdf5::read_size_attribute(root, "shard_format_version");
    if (version != static_cast<std::size_t>(kShardFormatVersion)) {
      throw OutputError("shard format version " + std::to_string(version) + ", but this build reads version " +
                        std::to_string(kShardFormatVersion) + "; rerun the shard with this build");
    }
    ShardHeader& h = s.header;
    h.identity = read_string_attribute(root, "run_identity");
    h.version = read_string_attribute(root, "alignsim_version");
    h.git_revision = read_string_attribute(root, "git_revision");
    h.scenario_name = read_string_attribute(root, "scenario_name");
    h.scenario_yaml = read_string_attribute(root, "scenario_yaml");
    h.index = hdf5::read_size_attribute(root, "shard_index");
    h.count = hdf5::read_size_attribute(root, "shard_count");
    h.entries = hdf5::read_size_attribute(root, "entries");
    h.replicates = hdf5::read_size_attribute(root, "replicates");
    h.summary_size = hdf5::read_size_attribute(root, "summary_size");
    h.series_size = hdf5::read_size_attribute(root, "series_size");
    h.agents_size = H5Aexists(root, "agents_size") > 0 ? hdf5::read_size_attribute(root, "agents_size") : 0;
    s.rows = hdf5::read_size_attribute(root, "runs");
    std::uint64_t stored_checksum = 0;
    hdf5::read_scalar_attribute(root, "header_checksum", H5T_NATIVE_UINT64, &stored_checksum);
    if (shard_header_checksum(h, s.rows) != stored_checksum) {
      throw OutputError("damaged: its header attributes do not match their checksum");
    }
    s.block_size = block_rows(h);
    s.open_datasets(root);
  } catch (const OutputError& e) {
    throw OutputError("shard file " + quoted(s.path) + ": " + e.what());
  }
}

ShardReader::~ShardReader() = default;
ShardReader::ShardReader(ShardReader&&) noexcept = default;
ShardReader& ShardReader::operator=(ShardReader&&) noexcept = default;

const ShardHeader& ShardReader::header() const noexcept { return state_->header; }
const fs::path& ShardReader::path() const noexcept { return state_->path; }
std::size_t ShardReader::stored_rows() const noexcept { return state_->rows; }

std::string ShardReader::run_table_problem() {
  hdf5::disable_automatic_error_printing();
  State& s = *state_;
  if (s.rows != s.header.rows()) {
    return "is incomplete: it holds " + std::to_string(s.rows) + " runs, expected " + std::to_string(s.header.rows());
  }
  std::vector<std::int64_t> runs(s.rows);
  if (s.rows > 0) {
    hdf5::check(H5Dread(s.runs.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, runs.data()),
                "reading run numbers of " + quoted(s.path));
  }
  for (std::size_t row = 0; row < s.rows; ++row) {
    const std::size_t expected = s.header.index + row * s.header.count;
    if (runs[row] != static_cast<std::int64_t>(expected)) {
      return "has a wrong run table: row " + std::to_string(row) + " holds run " + std::to_string(runs[row]) +
             ", expected run " + std::to_string(expected);
    }
  }
  return {};
}

void ShardReader::verify() const {
  hdf5::disable_automatic_error_printing();
  const State& s = *state_;
  try {
    for (std::size_t b = 0; b < s.blocks(); ++b) static_cast<void>(s.read_block(b));
  } catch (const OutputError& e) {
    throw OutputError("shard file " + quoted(s.path) + ": " + e.what() + "; rerun this shard");
  }
}

RunOutput ShardReader::read(std::size_t run) {
  hdf5::disable_automatic_error_printing();  // lookups run on the runner's threads
  State& s = *state_;
  const ShardHeader& h = s.header;
  if (run % h.count != h.index || (run - h.index) / h.count >= s.rows) {
    throw OutputError("shard file " + quoted(s.path) + " does not hold run " + std::to_string(run));
  }
  const std::size_t row = (run - h.index) / h.count;
  if (row < s.block.first || row >= s.block.first + s.block.count) {
    try {
      s.block = s.read_block(row / s.block_size);
    } catch (const OutputError& e) {
      throw OutputError("shard file " + quoted(s.path) + ": " + e.what());
    }
  }
  const std::size_t at = row - s.block.first;
  RunOutput out;
  out.summary.assign(s.block.summary.begin() + static_cast<std::ptrdiff_t>(at * h.summary_size),
                     s.block.summary.begin() + static_cast<std::ptrdiff_t>((at + 1) * h.summary_size));
  out.series.assign(s.block.series.begin() + static_cast<std::ptrdiff_t>(at * h.series_size),
                    s.block.series.begin() + static_cast<std::ptrdiff_t>((at + 1) * h.series_size));
  out.agents.assign(s.block.agents.begin() + static_cast<std::ptrdiff_t>(at * h.agents_size),
                    s.block.agents.begin() + static_cast<std::ptrdiff_t>((at + 1) * h.agents_size));
  out.error = s.block.errors[at];
  return out;
}

}  // namespace alignsim::sim
