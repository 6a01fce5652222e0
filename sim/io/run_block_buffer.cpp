#include "sim/io/run_block_buffer.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <utility>

#include "sim/errors.hpp"

namespace alignsim::sim {
namespace {

// A series chunk holds up to 64 replicates of one variant, all periods, at most ~1 MiB.
constexpr std::size_t kSeriesChunkReplicates = 64;
constexpr std::size_t kTargetChunkBytes = std::size_t{1} << 20;
// Buffering budgets. Variant-major blocks (one variant, up to 64 replicates) are kept
// while all variants together need at most kVariantBlocksBudget; beyond that, and always
// for designs, a block is one replicate of as many points as fit in kPointBlockBudget.
// Runs arrive replicate-major, so such a block completes before the next one starts and
// memory stays at about two blocks (one filling, one being compressed) whatever the
// number of points. 512 KiB: with 1 MiB the second block pushed a 20,000-run sweep's
// peak to +16% over a 200-run one; with 512 KiB it is +7%.
constexpr std::size_t kVariantBlocksBudget = std::size_t{16} << 20;
constexpr std::size_t kPointBlockBudget = std::size_t{1} << 19;

}  // namespace

std::size_t RunGrid::agents_size() const noexcept {
  std::size_t values = 0;
  for (const std::size_t width : agent_column_widths) values += width;
  return values;
}

std::size_t replicates_per_series_chunk(std::size_t replicates, std::size_t periods) {
  const std::size_t fitting = std::max<std::size_t>(1, kTargetChunkBytes / (periods * sizeof(double)));
  return std::min<std::size_t>({replicates, kSeriesChunkReplicates, fitting});
}

BlockShape block_shape_for(const RunGrid& grid, bool design) {
  const std::size_t run_bytes =
      (grid.summary_metrics + grid.series_metrics * grid.periods + grid.agents_size()) * sizeof(double) + 32;
  const std::size_t replicates = replicates_per_series_chunk(grid.replicates, grid.periods);
  if (!design && grid.entries * replicates * run_bytes <= kVariantBlocksBudget) return {1, replicates, false};
  return {std::clamp<std::size_t>(kPointBlockBudget / run_bytes, 1, grid.entries), 1, true};
}

RunBlock::RunBlock(std::size_t variant, std::size_t variant_count, std::size_t first, std::size_t count,
                   std::size_t summary_metrics, std::size_t series_values_per_run, std::size_t agent_values_per_run)
    : first_variant(variant),
      variants(variant_count),
      first_replicate(first),
      size(count),
      summary(summary_metrics * variant_count * count, std::numeric_limits<double>::quiet_NaN()),
      series(series_values_per_run * variant_count * count, std::numeric_limits<double>::quiet_NaN()),
      agents(agent_values_per_run * variant_count * count, std::numeric_limits<double>::quiet_NaN()),
      errors(variant_count * count) {}

RunBlockBuffer::RunBlockBuffer(const RunGrid& grid, const BlockShape& shape, int deflate_level, BlockSink sink)
    : grid_(grid),
      shape_(shape),
      deflate_level_(deflate_level),
      sink_(std::move(sink)),
      written_(grid.entries * grid.replicates, 0) {}

bool RunBlockBuffer::is_written(std::size_t variant, std::size_t replicate) const noexcept {
  return written_[run_index(variant, replicate)] != 0;
}

std::size_t RunBlockBuffer::block_key(std::size_t variant, std::size_t replicate) const noexcept {
  const std::size_t blocks_per_variant = (grid_.replicates + shape_.replicates - 1) / shape_.replicates;
  return variant / shape_.variants * blocks_per_variant + replicate / shape_.replicates;
}

RunBlock& RunBlockBuffer::block_of(std::size_t variant, std::size_t replicate) {
  const std::size_t first = replicate / shape_.replicates * shape_.replicates;
  const std::size_t first_variant = variant / shape_.variants * shape_.variants;
  const auto position = open_blocks_.try_emplace(
      block_key(variant, replicate), first_variant, std::min(shape_.variants, grid_.entries - first_variant), first,
      std::min(shape_.replicates, grid_.replicates - first), grid_.summary_metrics,
      grid_.series_metrics * grid_.periods, grid_.agents_size());
  return position.first->second;
}

void RunBlockBuffer::add(std::size_t variant, std::size_t replicate, const RunOutput& run) {
  RunBlock& block = block_of(variant, replicate);
  const std::size_t slot = block.slot(variant, replicate);
  for (std::size_t metric = 0; metric < run.summary.size(); ++metric) {
    block.summary[metric * block.runs() + slot] = run.summary[metric];
  }
  const std::size_t periods = grid_.periods;
  for (std::size_t metric = 0; metric < grid_.series_metrics && !run.series.empty(); ++metric) {
    std::copy_n(run.series.begin() + static_cast<std::ptrdiff_t>(metric * periods), periods,
                block.series.begin() + static_cast<std::ptrdiff_t>((metric * block.runs() + slot) * periods));
  }
  std::size_t offset = 0;  // of the column in a run's values
  for (std::size_t column = 0; column < grid_.agent_column_widths.size() && !run.agents.empty(); ++column) {
    const std::size_t width = grid_.agent_column_widths[column];
    std::copy_n(run.agents.begin() + static_cast<std::ptrdiff_t>(offset), width,
                block.agents.begin() + static_cast<std::ptrdiff_t>(offset * block.runs() + slot * width));
    offset += width;
  }
  block.errors[slot] = run.error;
  ++block.received;
  written_[run_index(variant, replicate)] = 1;
  flush_block_if_complete(variant, replicate);
}

void RunBlockBuffer::mark_unwritten(const std::string& reason) {
  for (std::size_t first_variant = 0; first_variant < grid_.entries; first_variant += shape_.variants) {
    for (std::size_t first = 0; first < grid_.replicates; first += shape_.replicates) {
      const std::size_t last_variant = std::min(grid_.entries, first_variant + shape_.variants);
      const std::size_t last = std::min(grid_.replicates, first + shape_.replicates);
      bool touched = false;
      for (std::size_t variant = first_variant; variant < last_variant; ++variant) {
        for (std::size_t replicate = first; replicate < last; ++replicate) {
          if (is_written(variant, replicate)) continue;
          RunBlock& block = block_of(variant, replicate);
          block.errors[block.slot(variant, replicate)] = reason;
          written_[run_index(variant, replicate)] = 1;
          ++block.received;
          touched = true;
        }
      }
      if (touched) flush_block_if_complete(first_variant, first);
    }
  }
}

void RunBlockBuffer::flush() {
  for (auto& [key, block] : open_blocks_) flush_block(std::move(block));
  open_blocks_.clear();
  send_pending_block();
}

void RunBlockBuffer::flush_block_if_complete(std::size_t variant, std::size_t replicate) {
  const auto position = open_blocks_.find(block_key(variant, replicate));
  if (position->second.received < position->second.runs()) return;
  RunBlock block = std::move(position->second);
  open_blocks_.erase(position);
  flush_block(std::move(block));
}

// Starts compressing the block's time series in the background and sends the block
// before it.
void RunBlockBuffer::flush_block(RunBlock&& block) {
  send_pending_block();
  pending_.emplace(PendingBlock{std::move(block), nullptr});
  const std::size_t chunk_values = shape_.chunk_variants() * shape_.replicates * grid_.periods;
  pending_->compression = std::make_unique<BackgroundChunkCompression>(pending_->block.series, grid_.series_metrics,
                                                                       chunk_values, deflate_level_);
}

void RunBlockBuffer::send_pending_block() {
  if (!pending_) return;
  std::vector<CompressedChunk> chunks;
  try {
    chunks = pending_->compression->wait();
  } catch (const std::exception& error) {
    throw OutputError(std::string("compressing time series: ") + error.what());
  }
  compression_cpu_seconds_ += pending_->compression->cpu_seconds();
  sink_(pending_->block, chunks);
  pending_.reset();
}

}  // namespace alignsim::sim
