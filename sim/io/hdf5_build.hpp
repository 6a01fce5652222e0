#pragma once
// Building blocks shared by the HDF5 writers (results files, shard files): properties
// without timestamps, attributes, datasets, coordinates (dimension scales) and the one
// deflate level. One copy, so two writers cannot drift apart in how they store things.
//
// Thread safety: none (HDF5); call from the one thread that uses HDF5.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace alignsim::sim::hdf5 {

// zlib level of every deflate-compressed dataset, whether HDF5 compresses (shard files)
// or chunk_compression does it off the writer thread (results time series).
inline constexpr unsigned kDeflateLevel = 4;

// Creation properties without modification/creation times, which would make two files
// with the same content differ. Works for files, groups and datasets alike.
[[nodiscard]] PropertyList untimed_creation_properties(hid_t property_class);

// Untimed dataset creation properties, chunked as `chunk`; with `compress`, shuffle then
// deflate at kDeflateLevel. With `nan_fill`, chunks never written read as NaN.
[[nodiscard]] PropertyList chunked_properties(const std::vector<hsize_t>& chunk, bool compress, bool nan_fill);

// Dataset access properties without a chunk cache, for datasets written a block at a
// time in order (see the definition for the measurement).
[[nodiscard]] PropertyList uncached_chunks();

[[nodiscard]] Group create_group(hid_t parent, const std::string& name);
[[nodiscard]] Dataspace simple_space(const std::vector<hsize_t>& dimensions);
[[nodiscard]] Dataset create_dataset(hid_t group, const std::string& name, hid_t file_type,
                                     const std::vector<hsize_t>& dimensions, const PropertyList& creation,
                                     hid_t access = H5P_DEFAULT);

// A scalar string attribute of type `string_type` (make_utf8_string_type()).
void write_string_attribute(hid_t object, const std::string& name, const std::string& value,
                            const Datatype& string_type);

// A scalar attribute of `file_type`, from the one `memory_type` value at `value`.
void write_scalar_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type,
                            const void* value);

// A scalar number attribute stored as `file_type` from a `memory_type` value.
template <class Number>
void write_number_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type, Number value) {
  write_scalar_attribute(object, name, file_type, memory_type, &value);
}

inline void write_int64_attribute(hid_t object, const std::string& name, std::int64_t value) {
  write_number_attribute(object, name, H5T_STD_I64LE, H5T_NATIVE_INT64, value);
}

// The scalar attribute `name` read as `memory_type` into `value`.
void read_scalar_attribute(hid_t object, const std::string& name, hid_t memory_type, void* value);
// An int64 attribute that must not be negative (a count or an index).
[[nodiscard]] std::size_t read_size_attribute(hid_t object, const std::string& name);

// Throws OutputError unless `dataset` is shaped [rows] (columns 0) or [rows, columns].
void require_shape(const Dataset& dataset, const char* name, std::size_t rows, std::size_t columns);

// A 1-D string dataset holding `values`.
Dataset write_string_dataset(hid_t group, const std::string& name, const std::vector<std::string>& values,
                             const Datatype& string_type);

// A coordinate: a 1-D dataset made an HDF5 dimension scale whose dataset name, scale
// NAME and label all equal the dimension name. h5netcdf and netCDF-C take a variable's
// dimension names from the names of the scales attached to it.
struct Coordinate {
  std::string dimension;
  Dataset dataset;
};

[[nodiscard]] Coordinate write_string_coordinate(hid_t group, const std::string& dimension,
                                                 const std::vector<std::string>& values, const Datatype& string_type);

// An int64 coordinate [0, count) -> value_of(index), written in blocks so a coordinate of
// a million replicates needs no million-element buffer.
[[nodiscard]] Coordinate write_int64_coordinate(hid_t group, const std::string& dimension, std::size_t count,
                                                const std::function<std::int64_t(std::size_t)>& value_of);

// Attaches coordinates[i] to axis i, and labels the axis, so readers see named dims.
void attach_coordinates(const Dataset& dataset, const std::vector<const Coordinate*>& coordinates);

// ---------------------------------------------------------------- link names

[[nodiscard]] bool is_valid_link_name(const std::string& name);

// Every name must be usable as an HDF5 link, appear once, and not collide with `taken`
// (the coordinate names of the group the names go into). Throws OutputError naming `what`.
void require_unique_link_names(const std::vector<std::string>& names, const std::string& what,
                               const std::set<std::string>& taken);

}  // namespace alignsim::sim::hdf5
