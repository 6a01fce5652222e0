#include "sim/io/chunk_compression.hpp"

#include <zlib.h>

#include <time.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

namespace alignsim::sim {

// The stored bytes are little-endian doubles (H5T_IEEE_F64LE); H5Dwrite_chunk does no
// type conversion, so the in-memory bytes must already be in that order.
static_assert(std::endian::native == std::endian::little, "chunk compression assumes little-endian doubles");

void shuffle_doubles(std::span<const double> values, std::span<unsigned char> shuffled) {
  constexpr std::size_t kElementBytes = sizeof(double);
  const std::size_t count = values.size();
  if (shuffled.size() != count * kElementBytes) throw std::invalid_argument("shuffle_doubles: output size mismatch");
  const auto* bytes = reinterpret_cast<const unsigned char*>(values.data());
  for (std::size_t byte = 0; byte < kElementBytes; ++byte) {
    unsigned char* plane = shuffled.data() + byte * count;
    for (std::size_t element = 0; element < count; ++element) plane[element] = bytes[element * kElementBytes + byte];
  }
}

CompressedChunk shuffle_and_deflate(std::span<const double> values, int deflate_level) {
  const std::size_t raw_bytes = values.size() * sizeof(double);
  std::vector<unsigned char> shuffled(raw_bytes);
  shuffle_doubles(values, shuffled);
  CompressedChunk chunk;
  uLongf compressed_bytes = compressBound(static_cast<uLong>(raw_bytes));
  chunk.bytes.resize(compressed_bytes);
  const int status = compress2(chunk.bytes.data(), &compressed_bytes, shuffled.data(), static_cast<uLong>(raw_bytes),
                               deflate_level);
  if (status != Z_OK) throw std::runtime_error("zlib compress2 failed with status " + std::to_string(status));
  chunk.bytes.resize(compressed_bytes);
  return chunk;
}

namespace {

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

}  // namespace

BackgroundChunkCompression::BackgroundChunkCompression(std::span<const double> values, std::size_t chunk_count,
                                                       std::size_t chunk_values, int deflate_level)
    : chunks_(chunk_count) {
  const bool whole_chunks = chunk_count == 0 ? values.empty() : values.size() % chunk_count == 0;
  if (!whole_chunks || (chunk_count > 0 && values.size() / chunk_count > chunk_values)) {
    throw std::invalid_argument("BackgroundChunkCompression: values do not split into chunks of at most chunk_values");
  }
  job_ = std::make_shared<ClaimableJob>(
      [this, values, chunk_count, chunk_values, deflate_level] { compress_all(values, chunk_count, chunk_values, deflate_level); });
  background_work().post(job_);
}

BackgroundChunkCompression::~BackgroundChunkCompression() { job_->cancel(); }

void BackgroundChunkCompression::compress_all(std::span<const double> values, std::size_t chunk_count,
                                              std::size_t chunk_values, int deflate_level) {
  const double start = thread_cpu_seconds();
  const std::size_t used = chunk_count == 0 ? 0 : values.size() / chunk_count;
  std::vector<double> padded;
  for (std::size_t chunk = 0; chunk < chunk_count; ++chunk) {
    std::span<const double> part = values.subspan(chunk * used, used);
    if (used < chunk_values) {
      padded.assign(part.begin(), part.end());
      padded.resize(chunk_values, std::numeric_limits<double>::quiet_NaN());
      part = padded;
    }
    chunks_[chunk] = shuffle_and_deflate(part, deflate_level);
  }
  cpu_seconds_ = thread_cpu_seconds() - start;
}

std::vector<CompressedChunk> BackgroundChunkCompression::wait() {
  job_->finish();
  return std::move(chunks_);
}

}  // namespace alignsim::sim
