#pragma once
// Recognising a file alignsim wrote, so `--overwrite` replaces an earlier results or
// shard file and nothing else (a scenario, a user's data, a file another program wrote).
//
// Thread safety: none (HDF5); call from the one thread that uses HDF5.
#include <filesystem>
#include <string>

namespace alignsim::sim {

// Empty if `file` is a results file (root attribute output_format_version) or a shard
// file (root attribute kind = "alignsim shard") that alignsim wrote; otherwise why not,
// e.g. "it is not an HDF5 file". Cheap: the 8-byte HDF5 signature is read first, with
// O_NOFOLLOW, and only a regular file carrying it is opened with HDF5. Never throws.
[[nodiscard]] std::string why_not_written_by_alignsim(const std::filesystem::path& file) noexcept;

}  // namespace alignsim::sim
