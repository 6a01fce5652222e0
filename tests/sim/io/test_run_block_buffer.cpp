// The run block buffer alone, without HDF5: which blocks reach the sink, when, in what
// order and with what contents.
#include "sim/io/run_block_buffer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace alignsim::sim {
namespace {

constexpr int kLevel = 4;

// What the sink saw of one block.
struct SeenBlock {
  std::size_t first_variant, variants, first_replicate, size;
  std::vector<double> summary, series;
  std::vector<std::string> errors;
  std::vector<std::vector<unsigned char>> chunks;

  [[nodiscard]] auto place() const { return std::tuple(first_variant, variants, first_replicate, size); }
};

struct Recorder {
  std::vector<SeenBlock> blocks;
  RunBlockBuffer::BlockSink sink() {
    return [this](const RunBlock& b, const std::vector<CompressedChunk>& chunks) {
      SeenBlock seen{b.first_variant, b.variants, b.first_replicate, b.size, b.summary, b.series, b.errors, {}};
      for (const CompressedChunk& c : chunks) seen.chunks.push_back(c.bytes);
      blocks.push_back(std::move(seen));
    };
  }
};

// 2 summary metrics, 1 series metric of 3 periods; values encode (variant, replicate).
const RunGrid kGrid{3, 5, 2, 1, 3};

RunOutput run_of(std::size_t variant, std::size_t replicate) {
  const double base = 100.0 * static_cast<double>(variant) + static_cast<double>(replicate);
  return {{base, base + 0.5}, {base + 0.1, base + 0.2, base + 0.3}, ""};
}

std::vector<SeenBlock> feed(const BlockShape& shape, const std::vector<std::pair<std::size_t, std::size_t>>& order) {
  Recorder recorder;
  RunBlockBuffer buffer(kGrid, shape, kLevel, recorder.sink());
  for (const auto& [variant, replicate] : order) buffer.add(variant, replicate, run_of(variant, replicate));
  buffer.mark_unwritten("not written");
  buffer.flush();
  return recorder.blocks;
}

std::vector<std::pair<std::size_t, std::size_t>> all_runs() {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t v = 0; v < kGrid.entries; ++v) {
    for (std::size_t r = 0; r < kGrid.replicates; ++r) runs.emplace_back(v, r);
  }
  return runs;
}

TEST(RunBlockBuffer, ShapeIsVariantMajorWhenItFitsAndByPointForDesigns) {
  const BlockShape variants = block_shape_for(kGrid, false);
  EXPECT_EQ(variants.variants, 1u);
  EXPECT_EQ(variants.replicates, 5u);  // all 5 replicates fit one chunk (at most 64)
  EXPECT_FALSE(variants.by_point);
  const BlockShape design = block_shape_for(kGrid, true);
  EXPECT_EQ(design.variants, 3u);  // 512 KiB holds far more than 3 points
  EXPECT_EQ(design.replicates, 1u);
  EXPECT_TRUE(design.by_point);
  EXPECT_EQ(design.chunk_variants(), 3u);
  EXPECT_EQ(replicates_per_series_chunk(1000, 1), 64u);
  EXPECT_EQ(replicates_per_series_chunk(1000, 1u << 15), 4u);  // 1 MiB / (32768 periods x 8 bytes)
}

TEST(RunBlockBuffer, CompleteBlockReachesTheSinkOnlyWhenTheNextCompletes) {
  Recorder recorder;
  RunBlockBuffer buffer(kGrid, {1, 5, false}, kLevel, recorder.sink());
  for (std::size_t r = 0; r < 5; ++r) buffer.add(0, r, run_of(0, r));
  EXPECT_TRUE(recorder.blocks.empty());  // block 0 is compressing in the background
  for (std::size_t r = 0; r < 4; ++r) buffer.add(1, r, run_of(1, r));
  EXPECT_TRUE(recorder.blocks.empty());
  buffer.add(1, 4, run_of(1, 4));
  ASSERT_EQ(recorder.blocks.size(), 1u);
  EXPECT_EQ(recorder.blocks[0].place(), std::tuple(0u, 1u, 0u, 5u));
  buffer.flush();
  ASSERT_EQ(recorder.blocks.size(), 2u);
  EXPECT_EQ(recorder.blocks[1].first_variant, 1u);
}

TEST(RunBlockBuffer, BlockHoldsValuesByMetricThenSlotAndCompressedSeries) {
  const std::vector<SeenBlock> blocks = feed({1, 5, false}, all_runs());
  ASSERT_EQ(blocks.size(), 3u);
  const SeenBlock& second = blocks[1];  // variant 1
  // summary[metric * runs + slot]
  EXPECT_EQ(second.summary[0 * 5 + 2], 102.0);
  EXPECT_EQ(second.summary[1 * 5 + 4], 104.5);
  // series[(metric * runs + slot) * periods + period]
  EXPECT_DOUBLE_EQ(second.series[3 * 3 + 2], 103.3);
  ASSERT_EQ(second.chunks.size(), 1u);  // one chunk per series metric
  EXPECT_EQ(second.chunks[0], shuffle_and_deflate(second.series, kLevel).bytes);
  EXPECT_EQ(second.errors, std::vector<std::string>(5, ""));
}

TEST(RunBlockBuffer, AnyArrivalOrderGivesTheSameBlocks) {
  const std::vector<SeenBlock> in_order = feed({1, 5, false}, all_runs());
  std::vector<std::pair<std::size_t, std::size_t>> reversed = all_runs();
  std::reverse(reversed.begin(), reversed.end());
  const std::vector<SeenBlock> backwards = feed({1, 5, false}, reversed);
  ASSERT_EQ(backwards.size(), in_order.size());
  // Blocks complete in the reverse order, but each holds the same values and bytes.
  for (std::size_t i = 0; i < in_order.size(); ++i) {
    const SeenBlock& a = in_order[i];
    const SeenBlock& b = backwards[in_order.size() - 1 - i];
    EXPECT_EQ(a.place(), b.place());
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.chunks, b.chunks);
  }
}

TEST(RunBlockBuffer, OpenBlocksFlushInBlockOrderWhateverTheArrivalOrder) {
  // One run short of completing each variant's block, arriving variant 2, 0, 1.
  Recorder recorder;
  RunBlockBuffer buffer(kGrid, {1, 5, false}, kLevel, recorder.sink());
  for (const std::size_t v : {2u, 0u, 1u}) {
    for (std::size_t r = 0; r < 4; ++r) buffer.add(v, r, run_of(v, r));
  }
  buffer.flush();
  ASSERT_EQ(recorder.blocks.size(), 3u);
  for (std::size_t v = 0; v < 3; ++v) EXPECT_EQ(recorder.blocks[v].first_variant, v);
  EXPECT_TRUE(std::isnan(recorder.blocks[0].summary[4]));  // replicate 4 never arrived
}

TEST(RunBlockBuffer, UnwrittenRunsGetTheReasonAndStayNaN) {
  Recorder recorder;
  RunBlockBuffer buffer(kGrid, {3, 1, true}, kLevel, recorder.sink());  // by point: 3 points x 1 replicate
  buffer.add(1, 0, run_of(1, 0));
  buffer.add(0, 2, RunOutput{{}, {}, "numerical guard"});
  EXPECT_TRUE(buffer.is_written(1, 0));
  EXPECT_FALSE(buffer.is_written(1, 1));
  buffer.mark_unwritten("never ran");
  buffer.flush();
  ASSERT_EQ(recorder.blocks.size(), 5u);  // one block per replicate
  const SeenBlock& first = recorder.blocks[0];
  EXPECT_EQ(first.place(), std::tuple(0u, 3u, 0u, 1u));
  EXPECT_EQ(first.errors, (std::vector<std::string>{"never ran", "", "never ran"}));
  EXPECT_EQ(first.summary[1], 100.0);
  EXPECT_TRUE(std::isnan(first.summary[0]));
  EXPECT_EQ(recorder.blocks[2].errors[0], "numerical guard");
  EXPECT_TRUE(std::isnan(recorder.blocks[2].series[0]));
  for (std::size_t v = 0; v < 3; ++v) {
    for (std::size_t r = 0; r < 5; ++r) EXPECT_TRUE(buffer.is_written(v, r));
  }
}

TEST(RunBlockBuffer, PartialEdgeBlocksAreCutToTheGrid) {
  // 2 replicates per block over 5 replicates: blocks of 2, 2 and 1.
  const std::vector<SeenBlock> blocks = feed({1, 2, false}, all_runs());
  ASSERT_EQ(blocks.size(), 9u);
  EXPECT_EQ(blocks[2].place(), std::tuple(0u, 1u, 4u, 1u));
  EXPECT_EQ(blocks[2].summary, (std::vector<double>{4.0, 4.5}));
}

}  // namespace
}  // namespace alignsim::sim
