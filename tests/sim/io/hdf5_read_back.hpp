#pragma once
// Test support for the HDF5 writers: reading a file back through the C API, and
// expecting an OutputError. Header-only, shared by the tests in tests/sim/io/.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/io/hdf5_handle.hpp"

namespace alignsim::sim::io_testing {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- reading back through the C API

inline hdf5::File open_for_reading(const fs::path& path) {
  return {H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening " + path.string()};
}

inline hdf5::Dataset open_dataset(const hdf5::File& file, const std::string& path) {
  return {H5Dopen2(file.get(), path.c_str(), H5P_DEFAULT), "opening " + path};
}

inline std::vector<hsize_t> shape_of(const hdf5::Dataset& dataset) {
  const hdf5::Dataspace space(H5Dget_space(dataset.get()), "getting a dataspace");
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.get())));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

inline std::size_t element_count(const std::vector<hsize_t>& dims) {
  std::size_t count = 1;
  for (const hsize_t dim : dims) count *= dim;
  return count;
}

inline std::vector<double> read_doubles(const hdf5::File& file, const std::string& path) {
  const hdf5::Dataset dataset = open_dataset(file, path);
  std::vector<double> values(element_count(shape_of(dataset)));
  hdf5::check(H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "reading");
  return values;
}

inline std::vector<std::int64_t> read_int64s(const hdf5::File& file, const std::string& path) {
  const hdf5::Dataset dataset = open_dataset(file, path);
  std::vector<std::int64_t> values(element_count(shape_of(dataset)));
  hdf5::check(H5Dread(dataset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "reading");
  return values;
}

inline std::vector<std::string> read_strings(const hdf5::File& file, const std::string& path) {
  const hdf5::Dataset dataset = open_dataset(file, path);
  const hdf5::Datatype type = hdf5::make_utf8_string_type();
  const hdf5::Dataspace space(H5Dget_space(dataset.get()), "getting a dataspace");
  std::vector<char*> texts(element_count(shape_of(dataset)), nullptr);
  hdf5::check(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()), "reading strings");
  std::vector<std::string> values;
  for (const char* text : texts) values.emplace_back(text ? text : "<null>");
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, texts.data());
  return values;
}

inline std::string read_string_attribute(hid_t object, const std::string& name) {
  const hdf5::Attribute attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name);
  const hdf5::Datatype type = hdf5::make_utf8_string_type();
  char* text = nullptr;
  hdf5::check(H5Aread(attribute.get(), type.get(), &text), "reading attribute " + name);
  std::string value = text;
  H5free_memory(text);
  return value;
}

template <class Number>
Number read_number_attribute(hid_t object, const std::string& name, hid_t memory_type) {
  const hdf5::Attribute attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name);
  Number value{};
  hdf5::check(H5Aread(attribute.get(), memory_type, &value), "reading attribute " + name);
  return value;
}

inline std::string file_bytes(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

// Expects `action` to throw OutputError whose message contains every one of `parts`.
template <class Action>
void expect_output_error(Action action, const std::vector<std::string>& parts) {
  try {
    action();
    ADD_FAILURE() << "expected OutputError";
  } catch (const OutputError& error) {
    for (const std::string& part : parts)
      EXPECT_NE(std::string(error.what()).find(part), std::string::npos) << error.what();
  }
}

// A fixture owning a fresh HDF5 file in the temporary directory, written through file_
// and read back with reopen().
class ScratchHdf5File : public ::testing::Test {
 protected:
  void SetUp() override {
    hdf5::disable_automatic_error_printing();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("alignsim_" + std::string(info->name()) + "_" + std::to_string(::getpid()) + ".h5");
    file_ = hdf5::File(H5Fcreate(path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "creating " + path_.string());
  }
  void TearDown() override { fs::remove(path_); }
  hdf5::File reopen() {
    file_.close("closing " + path_.string());
    return open_for_reading(path_);
  }

  fs::path path_;
  hdf5::File file_;
  hdf5::Datatype string_type_ = hdf5::make_utf8_string_type();
};

}  // namespace alignsim::sim::io_testing
