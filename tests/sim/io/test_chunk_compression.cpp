// shuffle_and_deflate must produce exactly the bytes HDF5's own filter pipeline stores,
// so chunks written with H5Dwrite_chunk are indistinguishable from H5Dwrite's.
#include "sim/io/chunk_compression.hpp"

#include "sim/io/hdf5_handle.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <vector>

namespace alignsim::sim {
namespace {

namespace fs = std::filesystem;
constexpr int kLevel = 4;

// Series-like values: integers, fractions, repeated values and NaN (never-written runs).
std::vector<double> series_like_values(std::size_t count) {
  std::vector<double> values(count);
  for (std::size_t i = 0; i < count; ++i) {
    values[i] = i % 7 == 0 ? std::numeric_limits<double>::quiet_NaN()
                           : (i % 3 == 0 ? static_cast<double>(i / 5) : 1000.0 / static_cast<double>(i + 3));
  }
  return values;
}

class ChunkCompressionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("chunk_compression_" + std::to_string(::getpid()) + ".h5");
    file_ = hdf5::File(H5Fcreate(path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "creating test file");
  }
  void TearDown() override {
    file_.close("closing test file");
    fs::remove(path_);
  }
  // A [rows, columns] dataset with chunks [chunk_rows, columns], shuffle + deflate, NaN fill.
  hdf5::Dataset create(const char* name, hsize_t rows, hsize_t columns, hsize_t chunk_rows) {
    hdf5::PropertyList creation(H5Pcreate(H5P_DATASET_CREATE), "creation properties");
    const hsize_t chunk[2] = {chunk_rows, columns};
    hdf5::check(H5Pset_chunk(creation.get(), 2, chunk), "chunk");
    hdf5::check(H5Pset_shuffle(creation.get()), "shuffle");
    hdf5::check(H5Pset_deflate(creation.get(), kLevel), "deflate");
    const double missing = std::numeric_limits<double>::quiet_NaN();
    hdf5::check(H5Pset_fill_value(creation.get(), H5T_NATIVE_DOUBLE, &missing), "fill");
    const hsize_t dims[2] = {rows, columns};
    const hdf5::Dataspace space(H5Screate_simple(2, dims, nullptr), "space");
    return hdf5::Dataset(
        H5Dcreate2(file_.get(), name, H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, creation.get(), H5P_DEFAULT), name);
  }
  static std::vector<unsigned char> stored_chunk(const hdf5::Dataset& dataset, hsize_t first_row) {
    const hsize_t offset[2] = {first_row, 0};
    hsize_t size = 0;
    hdf5::check(H5Dget_chunk_storage_size(dataset.get(), offset, &size), "chunk size");
    std::vector<unsigned char> bytes(size);
    std::uint32_t mask = 99;
    hdf5::check(H5Dread_chunk(dataset.get(), H5P_DEFAULT, offset, &mask, bytes.data()), "reading a raw chunk");
    EXPECT_EQ(mask, 0u) << "both filters must have been applied";
    return bytes;
  }
  fs::path path_;
  hdf5::File file_;
};

TEST(ShuffleDoubles, MovesByteJOfElementIToPlaneJ) {
  const std::vector<double> values = {1.0, -2.5, 3.25};
  std::vector<unsigned char> shuffled(values.size() * 8);
  shuffle_doubles(values, shuffled);
  const auto* raw = reinterpret_cast<const unsigned char*>(values.data());
  for (std::size_t element = 0; element < 3; ++element) {
    for (std::size_t byte = 0; byte < 8; ++byte) EXPECT_EQ(shuffled[byte * 3 + element], raw[element * 8 + byte]);
  }
}

TEST_F(ChunkCompressionTest, WholeChunkMatchesHdf5FilterPipelineByteForByte) {
  constexpr hsize_t kRows = 64, kColumns = 26;
  const std::vector<double> values = series_like_values(kRows * kColumns);
  const hdf5::Dataset through_hdf5 = create("through_hdf5", kRows, kColumns, kRows);
  hdf5::check(H5Dwrite(through_hdf5.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "write");
  const hdf5::Dataset direct = create("direct", kRows, kColumns, kRows);
  const CompressedChunk chunk = shuffle_and_deflate(values, kLevel);
  const hsize_t offset[2] = {0, 0};
  hdf5::check(H5Dwrite_chunk(direct.get(), H5P_DEFAULT, chunk.filter_mask, offset, chunk.bytes.size(),
                             chunk.bytes.data()),
              "direct chunk write");
  EXPECT_EQ(stored_chunk(direct, 0), stored_chunk(through_hdf5, 0));
  EXPECT_LT(chunk.bytes.size(), values.size() * sizeof(double)) << "the data should compress";

  std::vector<double> read_back(values.size());
  hdf5::check(H5Dread(direct.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, read_back.data()), "read");
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) {
      EXPECT_TRUE(std::isnan(read_back[i])) << i;
    } else {
      EXPECT_EQ(read_back[i], values[i]) << i;
    }
  }
}

// The last chunk of a dataset whose rows are not a multiple of the chunk's: HDF5 pads it
// with the fill value before filtering; the direct path pads with NaN itself.
TEST_F(ChunkCompressionTest, EdgeChunkPaddedWithNaNMatchesHdf5) {
  constexpr hsize_t kRows = 100, kColumns = 5, kChunkRows = 64;
  const std::vector<double> values = series_like_values(kRows * kColumns);
  const hdf5::Dataset through_hdf5 = create("through_hdf5", kRows, kColumns, kChunkRows);
  hdf5::check(H5Dwrite(through_hdf5.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "write");

  std::vector<double> edge(values.begin() + kChunkRows * kColumns, values.end());
  edge.resize(kChunkRows * kColumns, std::numeric_limits<double>::quiet_NaN());
  const CompressedChunk chunk = shuffle_and_deflate(edge, kLevel);
  EXPECT_EQ(chunk.bytes, stored_chunk(through_hdf5, kChunkRows));
}

TEST(ShuffleAndDeflate, SingleValueAndEmptyChunksAreValid) {
  EXPECT_FALSE(shuffle_and_deflate(std::vector<double>{42.0}, kLevel).bytes.empty());
  EXPECT_FALSE(shuffle_and_deflate(std::vector<double>{}, kLevel).bytes.empty());  // a zlib stream header
}

}  // namespace
}  // namespace alignsim::sim
