#pragma once
// The shard reader's hostile-input entry point, shared by the libFuzzer target
// fuzz_shard_file and the regression test (like fuzz_inputs.hpp for scenarios). Needs
// only the engine library (alignsim::sim), so the fuzz build stays small.
#include <string_view>

namespace alignsim::fuzz {

// The bytes are a shard file (`alignsim run --shard I/N`), read as `alignsim merge`
// reads one: header, run table, every block's checksum, then every run. Bad input must
// end in alignsim::OutputError, which this swallows; anything else propagates.
void read_shard_bytes(std::string_view bytes);

}  // namespace alignsim::fuzz
