// libFuzzer target: see tests/fuzz/fuzz_inputs.hpp and docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_shard_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  alignsim::fuzz::read_shard_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
