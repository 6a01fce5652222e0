#pragma once
// Runs collected into blocks before they reach a file. A single-run HDF5 write costs
// ~20 us per dataset, which at 30 metrics would rival a short simulation run, so the
// results writer buffers runs into tiles of variants (or design points) x replicates,
// exactly one series chunk wide: each chunk is then compressed once, whole, as
// background work (sim/io/chunk_compression.hpp), and written with one call per dataset.
//
// No HDF5 here: a completed block goes to a sink, so the buffering and its fixed flush
// order can be tested alone (tests/sim/io/test_run_block_buffer.cpp).
//
// Thread safety: none; one writer thread calls every member. The background compression
// may run on another thread, but only reads a block the buffer no longer changes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/io/chunk_compression.hpp"
#include "sim/run_output.hpp"

namespace alignsim::sim {

// The runs a buffer receives: entries of the first axis (variants or design points) x
// replicates, each with `summary_metrics` values and `series_metrics` x `periods` values.
struct RunGrid {
  std::size_t entries = 0;
  std::size_t replicates = 0;
  std::size_t summary_metrics = 0;
  std::size_t series_metrics = 0;
  std::size_t periods = 0;
  // Values per run of each agent-table column, all tables' columns in order (rows, or
  // rows x periods); a run's RunOutput::agents is these one after another.
  std::vector<std::size_t> agent_column_widths{};

  [[nodiscard]] std::size_t agents_size() const noexcept;
};

// How runs are grouped into blocks (and chunks): `variants` x `replicates` per block.
struct BlockShape {
  std::size_t variants = 1;
  std::size_t replicates = 1;
  bool by_point = false;  // one replicate of many points (designs, many variants)

  // Entries of the first axis per chunk: a by-point chunk spans the block's points.
  [[nodiscard]] std::size_t chunk_variants() const noexcept { return by_point ? variants : 1; }
};

// Replicates per series chunk: up to 64, all periods, at most ~1 MiB.
[[nodiscard]] std::size_t replicates_per_series_chunk(std::size_t replicates, std::size_t periods);

// Variant-major blocks (one variant, up to 64 replicates) while all variants together
// fit a 16 MiB budget; beyond that, and always for a design, one replicate of as many
// points as fit 512 KiB (see the definition for the measurement).
[[nodiscard]] BlockShape block_shape_for(const RunGrid& grid, bool design);

// A tile of `variants` entries x `size` replicates, NaN where no value arrived.
struct RunBlock {
  std::size_t first_variant = 0;
  std::size_t variants = 1;
  std::size_t first_replicate = 0;
  std::size_t size = 0;
  std::size_t received = 0;
  std::vector<double> summary;      // [metric][variant in block][replicate in block]
  std::vector<double> series;       // [metric][variant in block][replicate in block][period]
  // Agent-table column k at agent_offset(k) * runs(): [variant in block][replicate in
  // block][row][period], so each column of the block is one contiguous chunk.
  std::vector<double> agents;
  std::vector<std::string> errors;  // [variant in block][replicate in block]

  RunBlock(std::size_t variant, std::size_t variant_count, std::size_t first, std::size_t count,
           std::size_t summary_metrics, std::size_t series_values_per_run, std::size_t agent_values_per_run = 0);

  [[nodiscard]] std::size_t runs() const noexcept { return variants * size; }
  [[nodiscard]] std::size_t slot(std::size_t variant, std::size_t replicate) const noexcept {
    return (variant - first_variant) * size + (replicate - first_replicate);
  }
};

class RunBlockBuffer {
 public:
  // Receives each complete block with one compressed series chunk per series metric.
  using BlockSink = std::function<void(const RunBlock& block, const std::vector<CompressedChunk>& series_chunks)>;

  // Series chunks are deflated at `deflate_level` (the writer's, hdf5::kDeflateLevel).
  RunBlockBuffer(const RunGrid& grid, const BlockShape& shape, int deflate_level, BlockSink sink);
  RunBlockBuffer(const RunBlockBuffer&) = delete;
  RunBlockBuffer& operator=(const RunBlockBuffer&) = delete;

  [[nodiscard]] const BlockShape& shape() const noexcept { return shape_; }
  [[nodiscard]] bool is_written(std::size_t variant, std::size_t replicate) const noexcept;

  // Buffers one run (in the grid, not yet written; the caller checks). `run` has every
  // value, or is a failed run with none. A block that completes starts compressing, and
  // the block completed before it goes to the sink: its compression has had a whole
  // block's worth of runs to finish, and the sink still sees blocks in completion order,
  // so the file bytes do not depend on how fast the background work ran.
  void add(std::size_t variant, std::size_t replicate, const RunOutput& run);

  // Gives every run not written `reason` as its error, block by block, so marking a huge
  // unrun remainder (adaptive replication stopping early) holds one block at a time.
  void mark_unwritten(const std::string& reason);

  // Sends every open block (in block order, whatever the arrival order) and the pending
  // one to the sink.
  void flush();

  // CPU seconds the background compression took so far, for benchmarks.
  [[nodiscard]] double compression_cpu_seconds() const noexcept { return compression_cpu_seconds_; }

 private:
  // A complete block whose series are being compressed. Members in this order: the
  // compression is waited for (destroyed) before the block it reads.
  struct PendingBlock {
    RunBlock block;
    std::unique_ptr<BackgroundChunkCompression> compression;
  };

  [[nodiscard]] std::size_t run_index(std::size_t variant, std::size_t replicate) const noexcept {
    return variant * grid_.replicates + replicate;
  }
  [[nodiscard]] std::size_t block_key(std::size_t variant, std::size_t replicate) const noexcept;
  RunBlock& block_of(std::size_t variant, std::size_t replicate);
  void flush_block_if_complete(std::size_t variant, std::size_t replicate);
  void flush_block(RunBlock&& block);
  void send_pending_block();

  RunGrid grid_;
  BlockShape shape_;
  int deflate_level_;
  BlockSink sink_;
  std::vector<std::uint8_t> written_;  // one byte per run
  // Blocks with runs still missing, by variant * blocks_per_variant + block, so flush()
  // sends them in a fixed order. In the usual variant-by-variant or replicate-by-replicate
  // order at most one block per variant is open.
  std::map<std::size_t, RunBlock> open_blocks_;
  std::optional<PendingBlock> pending_;
  double compression_cpu_seconds_ = 0.0;
};

}  // namespace alignsim::sim
