#include "sim/io/hdf5_build.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <limits>

#include "sim/errors.hpp"

namespace alignsim::sim::hdf5 {

PropertyList untimed_creation_properties(hid_t property_class) {
  PropertyList properties(H5Pcreate(property_class), "creating a property list");
  check(H5Pset_obj_track_times(properties.get(), false), "turning off object timestamps");
  return properties;
}

PropertyList chunked_properties(const std::vector<hsize_t>& chunk, bool compress, bool nan_fill) {
  PropertyList properties = untimed_creation_properties(H5P_DATASET_CREATE);
  check(H5Pset_chunk(properties.get(), static_cast<int>(chunk.size()), chunk.data()), "setting the chunk shape");
  if (compress) {
    // Shuffling bytes first lets deflate find the repetition in doubles' exponent bytes.
    check(H5Pset_shuffle(properties.get()), "enabling the shuffle filter");
    check(H5Pset_deflate(properties.get(), kDeflateLevel), "enabling deflate compression");
  }
  if (nan_fill) {
    const double missing = std::numeric_limits<double>::quiet_NaN();
    check(H5Pset_fill_value(properties.get(), H5T_NATIVE_DOUBLE, &missing), "setting the fill value to NaN");
  }
  return properties;
}

// No chunk cache, for datasets written a block at a time in run order (by-point blocks,
// streamed tables). Measured on a 20,000-run sweep: a one-chunk cache made HDF5 evict and
// re-read the partly written chunk at every block, and its bookkeeping grew with the
// number of chunks (44.8 MB peak, 33 s); writing straight through gives 34 MB and 11 s,
// with identical contents.
PropertyList uncached_chunks() {
  PropertyList properties(H5Pcreate(H5P_DATASET_ACCESS), "creating dataset access properties");
  check(H5Pset_chunk_cache(properties.get(), 0, 0, 1.0), "disabling the chunk cache");
  return properties;
}

Group create_group(hid_t parent, const std::string& name) {
  const PropertyList properties = untimed_creation_properties(H5P_GROUP_CREATE);
  return {H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, properties.get(), H5P_DEFAULT), "creating group /" + name};
}

Dataspace simple_space(const std::vector<hsize_t>& dimensions) {
  return {H5Screate_simple(static_cast<int>(dimensions.size()), dimensions.data(), nullptr), "creating a dataspace"};
}

Dataset create_dataset(hid_t group, const std::string& name, hid_t file_type, const std::vector<hsize_t>& dimensions,
                       const PropertyList& creation, hid_t access) {
  const Dataspace space = simple_space(dimensions);
  return {H5Dcreate2(group, name.c_str(), file_type, space.get(), H5P_DEFAULT, creation.get(), access),
          "creating dataset " + name};
}

void write_scalar_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type,
                            const void* value) {
  const Dataspace scalar(H5Screate(H5S_SCALAR), "creating a scalar dataspace");
  const Attribute attribute(H5Acreate2(object, name.c_str(), file_type, scalar.get(), H5P_DEFAULT, H5P_DEFAULT),
                            "creating attribute " + name);
  check(H5Awrite(attribute.get(), memory_type, value), "writing attribute " + name);
}

void write_string_attribute(hid_t object, const std::string& name, const std::string& value,
                            const Datatype& string_type) {
  const char* text = value.c_str();
  write_scalar_attribute(object, name, string_type.get(), string_type.get(), &text);
}

void read_scalar_attribute(hid_t object, const std::string& name, hid_t memory_type, void* value) {
  const Attribute attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name);
  check(H5Aread(attribute.get(), memory_type, value), "reading attribute " + name);
}

std::size_t read_size_attribute(hid_t object, const std::string& name) {
  std::int64_t value = 0;
  read_scalar_attribute(object, name, H5T_NATIVE_INT64, &value);
  if (value < 0) throw OutputError("attribute " + name + " is negative");
  return static_cast<std::size_t>(value);
}

void require_shape(const Dataset& dataset, const char* name, std::size_t rows, std::size_t columns) {
  const Dataspace space(H5Dget_space(dataset.get()), std::string("getting the shape of /") + name);
  hsize_t dims[2] = {0, 0};
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank != (columns > 0 ? 2 : 1) || H5Sget_simple_extent_dims(space.get(), dims, nullptr) < 0 || dims[0] != rows ||
      (columns > 0 && dims[1] != columns)) {
    throw OutputError(std::string("/") + name + " is not shaped as the header says (" + std::to_string(rows) +
                      " rows" + (columns > 0 ? " x " + std::to_string(columns) : std::string()) + ")");
  }
}

Dataset write_string_dataset(hid_t group, const std::string& name, const std::vector<std::string>& values,
                             const Datatype& string_type) {
  std::vector<const char*> texts;
  texts.reserve(values.size());
  for (const std::string& value : values) texts.push_back(value.c_str());
  Dataset dataset =
      create_dataset(group, name, string_type.get(), {values.size()}, untimed_creation_properties(H5P_DATASET_CREATE));
  check(H5Dwrite(dataset.get(), string_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()),
        "writing dataset " + name);
  return dataset;
}

namespace {

void make_dimension_scale(const Coordinate& coordinate) {
  check(H5DSset_scale(coordinate.dataset.get(), coordinate.dimension.c_str()),
        "making " + coordinate.dimension + " a dimension scale");
}

}  // namespace

Coordinate write_string_coordinate(hid_t group, const std::string& dimension, const std::vector<std::string>& values,
                                   const Datatype& string_type) {
  Coordinate coordinate{dimension, write_string_dataset(group, dimension, values, string_type)};
  make_dimension_scale(coordinate);
  return coordinate;
}

Coordinate write_int64_coordinate(hid_t group, const std::string& dimension, std::size_t count,
                                  const std::function<std::int64_t(std::size_t)>& value_of) {
  Coordinate coordinate{dimension, create_dataset(group, dimension, H5T_STD_I64LE, {count},
                                                  untimed_creation_properties(H5P_DATASET_CREATE))};
  const Dataspace file_space(H5Dget_space(coordinate.dataset.get()), "getting a dataspace");
  constexpr std::size_t kBlock = 4096;
  std::vector<std::int64_t> block;
  for (std::size_t start = 0; start < count; start += kBlock) {
    block.clear();
    for (std::size_t index = start; index < std::min(count, start + kBlock); ++index) block.push_back(value_of(index));
    const hsize_t offset = start, length = block.size();
    check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &offset, nullptr, &length, nullptr),
          "selecting part of coordinate " + dimension);
    const Dataspace memory_space = simple_space({length});
    check(H5Dwrite(coordinate.dataset.get(), H5T_NATIVE_INT64, memory_space.get(), file_space.get(), H5P_DEFAULT,
                   block.data()),
          "writing coordinate " + dimension);
  }
  make_dimension_scale(coordinate);
  return coordinate;
}

void attach_coordinates(const Dataset& dataset, const std::vector<const Coordinate*>& coordinates) {
  for (unsigned axis = 0; axis < coordinates.size(); ++axis) {
    const Coordinate& coordinate = *coordinates[axis];
    check(H5DSattach_scale(dataset.get(), coordinate.dataset.get(), axis),
          "attaching coordinate " + coordinate.dimension);
    check(H5DSset_label(dataset.get(), axis, coordinate.dimension.c_str()),
          "labelling dimension " + coordinate.dimension);
  }
}

// ---------------------------------------------------------------- link names

bool is_valid_link_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

void require_unique_link_names(const std::vector<std::string>& names, const std::string& what,
                               const std::set<std::string>& taken) {
  std::set<std::string> seen = taken;
  for (const std::string& name : names) {
    if (!is_valid_link_name(name)) {
      throw OutputError(what + " '" + name + "' is not a valid HDF5 name (empty, '.', '..' or contains '/')");
    }
    if (!seen.insert(name).second) {
      throw OutputError(what + " '" + name + "' is used twice or collides with a coordinate name");
    }
  }
}

}  // namespace alignsim::sim::hdf5
