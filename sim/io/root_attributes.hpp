#pragma once
// Reading the string attributes of an HDF5 file's root group, e.g. the provenance of a
// results or shard file, to check what produced it before using it.
//
// Thread safety: none (HDF5); call from the one thread that uses HDF5.
#include <hdf5.h>

#include <filesystem>
#include <optional>
#include <string>

namespace alignsim::sim {

// The root attribute `name` as text, nullopt if the file lacks it. Throws OutputError
// if the file cannot be opened as HDF5.
[[nodiscard]] std::optional<std::string> read_root_string(const std::filesystem::path& file, const std::string& name);

// The variable-length UTF-8 string attribute `name` of an open HDF5 object. Throws
// OutputError if it is missing or not a string.
[[nodiscard]] std::string read_string_attribute(hid_t object, const std::string& name);

}  // namespace alignsim::sim
