#pragma once
// Compresses a chunk of doubles exactly as HDF5's shuffle + deflate filter pipeline does,
// so the result can be stored with H5Dwrite_chunk (which bypasses the filters) and read
// back by any HDF5 reader through the dataset's declared filters.
//
// Why: compression is most of the cost of writing time series. Done by HDF5 inside
// H5Dwrite it runs on the single writer thread; done here it can run on any thread while
// the writer goes on (ResultsFile compresses a finished block as background work).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "sim/run/background_work.hpp"

namespace alignsim::sim {

struct CompressedChunk {
  std::vector<unsigned char> bytes;
  // H5Dwrite_chunk's filter mask: bit i set means filter i was skipped. Always 0 here:
  // shuffle and deflate are both applied.
  std::uint32_t filter_mask = 0;
};

// HDF5's shuffle filter for 8-byte elements: byte j of element i moves to j * n + i.
void shuffle_doubles(std::span<const double> values, std::span<unsigned char> shuffled);

// shuffle_doubles then zlib's compress2 at `deflate_level` (1-9): the bytes HDF5 would
// store for this chunk with H5Pset_shuffle + H5Pset_deflate(deflate_level). Throws
// std::runtime_error if zlib fails (only on memory exhaustion).
CompressedChunk shuffle_and_deflate(std::span<const double> values, int deflate_level);

// Compresses consecutive chunks of a buffer as one background job (sim/background_work.hpp):
// a compute thread picks it up between runs, or wait() does it on the calling thread.
// Chunk i is values[i * used_per_chunk, (i + 1) * used_per_chunk) padded with NaN to
// chunk_values, as HDF5 pads a partly filled edge chunk with the fill value. The caller
// keeps `values` alive and unchanged until wait() returns or the object is destroyed.
class BackgroundChunkCompression {
 public:
  BackgroundChunkCompression(std::span<const double> values, std::size_t chunk_count, std::size_t chunk_values,
                             int deflate_level);
  // Cancels the job if no thread took it, or waits for the thread that did.
  ~BackgroundChunkCompression();
  BackgroundChunkCompression(const BackgroundChunkCompression&) = delete;
  BackgroundChunkCompression& operator=(const BackgroundChunkCompression&) = delete;

  // The compressed chunks, in order; compresses them here if no thread has started yet.
  // Rethrows the job's failure. Call once.
  [[nodiscard]] std::vector<CompressedChunk> wait();
  // CPU seconds the job took (thread CPU time), valid after wait(): benchmarks count it
  // as writing time wherever it ran.
  [[nodiscard]] double cpu_seconds() const noexcept { return cpu_seconds_; }

 private:
  void compress_all(std::span<const double> values, std::size_t chunk_count, std::size_t chunk_values,
                    int deflate_level);

  std::vector<CompressedChunk> chunks_;
  double cpu_seconds_ = 0.0;
  std::shared_ptr<ClaimableJob> job_;
};

}  // namespace alignsim::sim
