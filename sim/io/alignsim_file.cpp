#include "sim/io/alignsim_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/root_attributes.hpp"

namespace alignsim::sim {
namespace {

// HDF5's format signature; alignsim writes no user block, so it is at offset 0.
constexpr char kHdf5Signature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};

bool starts_with_hdf5_signature(const std::filesystem::path& file) {
  // O_NONBLOCK: should the path have become a FIFO, do not wait for a writer.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat status {};
  char head[sizeof kHdf5Signature] = {};
  const bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
  const bool read = regular && ::pread(fd, head, sizeof head, 0) == static_cast<ssize_t>(sizeof head);
  ::close(fd);
  return read && std::memcmp(head, kHdf5Signature, sizeof head) == 0;
}

bool has_alignsim_root_attributes(const std::filesystem::path& file) {
  hdf5::disable_automatic_error_printing();
  const hdf5::File handle(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening " + file.string());
  if (H5Aexists(handle.get(), "output_format_version") > 0) return true;
  // The kinds sim/io/shard_file.cpp and experiment/calibration_file.cpp write.
  if (H5Aexists(handle.get(), "kind") <= 0) return false;
  const std::string kind = read_string_attribute(handle.get(), "kind");
  return kind == "alignsim shard" || kind == "alignsim calibration";
}

}  // namespace

std::string why_not_written_by_alignsim(const std::filesystem::path& file) noexcept {
  try {
    if (!starts_with_hdf5_signature(file)) return "it is not an HDF5 file";
    if (!has_alignsim_root_attributes(file)) return "it is an HDF5 file, but not a results, shard or calibration file of alignsim";
    return "";
  } catch (...) {
    return "it is not a readable HDF5 file";
  }
}

}  // namespace alignsim::sim
