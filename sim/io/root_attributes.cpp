#include "sim/io/root_attributes.hpp"

#include "sim/io/hdf5_handle.hpp"

namespace alignsim::sim {

std::optional<std::string> read_root_string(const std::filesystem::path& file, const std::string& name) {
  hdf5::disable_automatic_error_printing();
  const hdf5::File handle(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening " + file.string());
  const htri_t exists = hdf5::check(H5Aexists(handle.get(), name.c_str()), "looking for attribute " + name);
  if (exists == 0) return std::nullopt;
  return read_string_attribute(handle.get(), name);
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  const hdf5::Attribute attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name);
  const hdf5::Datatype type = hdf5::make_utf8_string_type();
  char* text = nullptr;
  hdf5::check(H5Aread(attribute.get(), type.get(), &text), "reading attribute " + name);
  std::string value = text != nullptr ? text : "";
  H5free_memory(text);
  return value;
}

}  // namespace alignsim::sim
