#include "tests/fuzz/fuzz_scratch.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace alignsim::fuzz {

const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("alignsim-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return dir;
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("fuzz harness cannot write " + path.string());
}

}  // namespace alignsim::fuzz
