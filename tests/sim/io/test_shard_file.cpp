// Shard files: round trip, checksums, and a failed read leaving the reader usable.
#include "sim/io/shard_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>

#include "sim/io/shard_checksum.hpp"

#include <fstream>
#include "tests/sim/io/hdf5_read_back.hpp"

namespace alignsim::sim {
namespace {

using namespace io_testing;  // NOLINT(google-build-using-namespace): the read-back helpers

// Shard 1 of 2 over 3 entries x 2 replicates: runs 1, 3, 5.
ShardHeader small_header() {
  ShardHeader h;
  h.identity = "scenario: x\nshard: 1/2\n";
  h.version = "0.1.0";
  h.git_revision = "abc";
  h.scenario_name = "x";
  h.scenario_yaml = "name: x\n";
  h.index = 1;
  h.count = 2;
  h.entries = 3;
  h.replicates = 2;
  h.summary_size = 2;
  h.series_size = 3;
  return h;
}

RunOutput run_output(std::size_t run) {
  const double v = static_cast<double>(run);
  return {{v, v + 0.5}, {v + 0.1, v + 0.2, v + 0.3}, run == 3 ? "guard" : ""};
}

class ShardFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("alignsim_shard_" + std::to_string(::getpid()) + ".h5");
    fs::remove(path_);
    ShardWriter writer(path_, small_header(), false);
    for (const std::size_t run : {1u, 3u, 5u}) writer.write(run, run_output(run));
    writer.commit();
  }
  void TearDown() override { fs::remove(path_); }
  // Overwrites summary value [row, column] in place.
  void damage_summary(std::size_t row, std::size_t column, double value) const {
    const hdf5::File file(H5Fopen(path_.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "opening");
    const hdf5::Dataset summary(H5Dopen2(file.get(), "summary", H5P_DEFAULT), "opening /summary");
    const hdf5::Dataspace space(H5Dget_space(summary.get()), "space");
    const hsize_t offset[2] = {row, column}, count[2] = {1, 1};
    H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset, nullptr, count, nullptr);
    const hdf5::Dataspace one(H5Screate_simple(1, count, nullptr), "memory");
    hdf5::check(H5Dwrite(summary.get(), H5T_NATIVE_DOUBLE, one.get(), space.get(), H5P_DEFAULT, &value), "writing");
  }

  fs::path path_;
};

TEST_F(ShardFileTest, RunsRoundTripAndVerify) {
  ShardReader reader(path_);
  EXPECT_EQ(reader.run_table_problem(), "");
  EXPECT_NO_THROW(reader.verify());
  const RunOutput third = reader.read(3);
  EXPECT_EQ(third.summary, (std::vector<double>{3.0, 3.5}));
  EXPECT_EQ(third.series, (std::vector<double>{3.1, 3.2, 3.3}));
  EXPECT_EQ(third.error, "guard");
  EXPECT_EQ(read_number_attribute<std::int64_t>(open_for_reading(path_).get(), "shard_format_version",
                                                H5T_NATIVE_INT64),
            2);
}

TEST_F(ShardFileTest, ChangedByteRefusedBeforeHdf5ParsesTheFile) {
  damage_summary(1, 0, 42.0);  // through HDF5, which leaves the file without its trailer
  expect_output_error([&] { ShardReader reader(path_); }, {path_.string(), "not an alignsim shard file"});
  seal_with_trailer(path_);
  std::fstream file(path_, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(100);
  file.put('\x7f');  // a byte of the superblock or header: HDF5 never sees it
  file.close();
  expect_output_error([&] { ShardReader reader(path_); },
                      {path_.string(), "damaged: its bytes do not match the checksum at its end; rerun this shard"});
}

TEST_F(ShardFileTest, ChangedValueFailsItsBlockChecksumAndLeavesNoHalfLoadedBlock) {
  damage_summary(1, 0, 42.0);
  seal_with_trailer(path_);  // as if HDF5 itself had decoded the value wrongly
  ShardReader reader(path_);
  expect_output_error([&] { reader.verify(); }, {path_.string(), "damaged: rows 0 to 2 do not match their checksum"});
  // Reading fails the same way every time, instead of serving a block it never finished.
  for (int attempt = 0; attempt < 2; ++attempt) {
    expect_output_error([&] { static_cast<void>(reader.read(5)); }, {"do not match their checksum"});
  }
}

TEST(ShardChecksum, EveryFieldCounts) {
  ShardRows rows{0, 2, {1, 3}, {1.0, 2.0}, {}, {"", "x"}};
  const std::uint64_t sum = shard_rows_checksum(rows);
  ShardRows other = rows;
  other.summary[1] = std::nextafter(2.0, 3.0);  // one bit of one value
  EXPECT_NE(shard_rows_checksum(other), sum);
  other = rows;
  other.errors = {"x", ""};
  EXPECT_NE(shard_rows_checksum(other), sum);
  other = rows;
  other.runs[0] = 2;
  EXPECT_NE(shard_rows_checksum(other), sum);
  const ShardHeader header = small_header();
  ShardHeader changed = header;
  changed.scenario_yaml = "name: y\n";
  EXPECT_NE(shard_header_checksum(changed, 3), shard_header_checksum(header, 3));
  EXPECT_NE(shard_header_checksum(header, 2), shard_header_checksum(header, 3));
}

}  // namespace
}  // namespace alignsim::sim
