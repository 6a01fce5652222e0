// The HDF5 layer: handles and error stacks (hdf5_handle), and the building blocks both
// writers share (hdf5_build).
#include "sim/io/hdf5_build.hpp"

#include <gtest/gtest.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <thread>

#include "tests/sim/io/hdf5_read_back.hpp"

namespace alignsim::sim {
namespace {

using namespace io_testing;  // NOLINT(google-build-using-namespace): the read-back helpers

using Hdf5BuildTest = ScratchHdf5File;

TEST_F(Hdf5BuildTest, AttributesRoundTrip) {
  hdf5::write_string_attribute(file_.get(), "name", "small", string_type_);
  hdf5::write_int64_attribute(file_.get(), "count", -7);
  hdf5::write_number_attribute(file_.get(), "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, (std::uint64_t{1} << 63) + 5);
  const hdf5::File file = reopen();
  EXPECT_EQ(read_string_attribute(file.get(), "name"), "small");
  EXPECT_EQ(read_number_attribute<std::int64_t>(file.get(), "count", H5T_NATIVE_INT64), -7);
  EXPECT_EQ(read_number_attribute<std::uint64_t>(file.get(), "seed", H5T_NATIVE_UINT64), (std::uint64_t{1} << 63) + 5);
}

TEST_F(Hdf5BuildTest, CoordinatesAreDimensionScalesAttachedAndLabelled) {
  {
    const hdf5::Coordinate names = hdf5::write_string_coordinate(file_.get(), "variant", {"base", "x"}, string_type_);
    const hdf5::Coordinate days = hdf5::write_int64_coordinate(
        file_.get(), "period", 5000, [](std::size_t i) { return static_cast<std::int64_t>(i) * 3; });
    const hdf5::Dataset values = hdf5::create_dataset(file_.get(), "values", H5T_IEEE_F64LE, {2, 5000},
                                                      hdf5::untimed_creation_properties(H5P_DATASET_CREATE));
    hdf5::attach_coordinates(values, {&names, &days});
  }
  const hdf5::File file = reopen();
  const hdf5::Dataset values = open_dataset(file, "/values");
  const char* names[] = {"/variant", "/period"};
  for (unsigned axis = 0; axis < 2; ++axis) {
    const hdf5::Dataset scale = open_dataset(file, names[axis]);
    EXPECT_GT(H5DSis_scale(scale.get()), 0) << names[axis];
    EXPECT_GT(H5DSis_attached(values.get(), scale.get(), axis), 0) << names[axis];
    std::array<char, 32> label{};
    H5DSget_label(values.get(), axis, label.data(), label.size());
    EXPECT_EQ(std::string(names[axis] + 1), label.data());
  }
  const std::vector<std::int64_t> period = read_int64s(file, "/period");  // written in blocks of 4096
  ASSERT_EQ(period.size(), 5000u);
  EXPECT_EQ(period[4097], 4097 * 3);
  EXPECT_EQ(read_strings(file, "/variant"), (std::vector<std::string>{"base", "x"}));
}

TEST_F(Hdf5BuildTest, ChunkedPropertiesDeflateAtTheOneLevelAndFillWithNaN) {
  const hdf5::PropertyList compressed = hdf5::chunked_properties({2, 8}, true, true);
  ASSERT_EQ(H5Pget_nfilters(compressed.get()), 2);
  unsigned flags = 0;
  std::array<unsigned, 8> parameters{};
  std::size_t count = parameters.size();
  EXPECT_EQ(H5Pget_filter2(compressed.get(), 0, &flags, &count, parameters.data(), 0, nullptr, nullptr),
            H5Z_FILTER_SHUFFLE);
  count = parameters.size();
  EXPECT_EQ(H5Pget_filter2(compressed.get(), 1, &flags, &count, parameters.data(), 0, nullptr, nullptr),
            H5Z_FILTER_DEFLATE);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(parameters[0], hdf5::kDeflateLevel);
  double fill = 0.0;
  ASSERT_GE(H5Pget_fill_value(compressed.get(), H5T_NATIVE_DOUBLE, &fill), 0);
  EXPECT_TRUE(std::isnan(fill));
  const hdf5::PropertyList plain = hdf5::chunked_properties({4}, false, false);
  EXPECT_EQ(H5Pget_nfilters(plain.get()), 0);
  hsize_t chunk[1] = {0};
  EXPECT_EQ(H5Pget_chunk(plain.get(), 1, chunk), 1);
  EXPECT_EQ(chunk[0], 4u);
}

TEST(Hdf5LinkNames, InvalidAndDuplicateNamesRefused) {
  EXPECT_TRUE(hdf5::is_valid_link_name("leads"));
  for (const char* bad : {"", ".", "..", "a/b"}) EXPECT_FALSE(hdf5::is_valid_link_name(bad)) << bad;
  expect_output_error([] { hdf5::require_unique_link_names({"a", "a"}, "metric", {}); },
                      {"metric 'a' is used twice or collides with a coordinate name"});
  expect_output_error([] { hdf5::require_unique_link_names({"variant"}, "metric", {"variant"}); },
                      {"metric 'variant' is used twice"});
}


TEST(Hdf5Handle, FailureSaysTheCauseFirstThenWhereHdf5Was) {
  hdf5::disable_automatic_error_printing();
  try {
    hdf5::File file(H5Fopen("/nonexistent_dir/x.h5", H5F_ACC_RDONLY, H5P_DEFAULT), "opening x.h5");
    ADD_FAILURE() << "expected OutputError";
  } catch (const OutputError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("No such file or directory (HDF5 failed while opening x.h5: H5Fopen(): unable to open file", 0),
              0u)
        << message;
    EXPECT_NE(message.find("H5FD__sec2_open(): unable to open file [File accessibility"), std::string::npos) << message;
    EXPECT_EQ(message.find("errno"), std::string::npos) << message;  // the driver's argument dump is dropped
    EXPECT_LT(message.size(), 300u) << message;
  }
}

// Whether HDF5 would print its error stack on this thread.
bool prints_errors_here() {
  H5E_auto2_t print = nullptr;
  void* data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &print, &data);
  return print != nullptr;
}

TEST(Hdf5Handle, AutomaticErrorPrintingIsOffInEveryThreadThatEntersHdf5) {
  hdf5::disable_automatic_error_printing();
  EXPECT_FALSE(prints_errors_here());
  bool before = false, after = true;
  std::thread other([&] {
    before = prints_errors_here();
    hdf5::disable_automatic_error_printing();
    after = prints_errors_here();
  });
  other.join();
#ifdef H5_HAVE_THREADSAFE
  // A thread-safe HDF5 keeps one error stack per thread: the setting of this thread did
  // not reach the other one, which is why every entry point switches it off again.
  EXPECT_TRUE(before);
#endif
  EXPECT_FALSE(after);
}

TEST(Hdf5Handle, MovedHandleClosesOnce) {
  hdf5::Dataspace first(H5Screate(H5S_SCALAR), "creating a dataspace");
  const hid_t id = first.get();
  hdf5::Dataspace second = std::move(first);
  EXPECT_FALSE(first.valid());  // NOLINT(bugprone-use-after-move): checking the moved-from state
  EXPECT_EQ(second.get(), id);
  EXPECT_GT(H5Iis_valid(id), 0);
  second.close("closing a dataspace");
  EXPECT_LE(H5Iis_valid(id), 0);
}

}  // namespace
}  // namespace alignsim::sim
