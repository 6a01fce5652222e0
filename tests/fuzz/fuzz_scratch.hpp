#pragma once
// Files the fuzz entry points write their input to: one directory per process, so
// parallel fuzzers (-jobs) and ctest -j never share files. Not thread-safe.
#include <filesystem>
#include <string_view>

namespace alignsim::fuzz {

[[nodiscard]] const std::filesystem::path& scratch_dir();
// Writes `bytes` to `path`, replacing it; throws std::runtime_error if it cannot.
void write_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace alignsim::fuzz
