#pragma once
// The scenario hostile-input entry points (the shard reader's: fuzz_shard_input.hpp) shared by the libFuzzer targets (built with
// -DALIGNSIM_FUZZ=ON, preset `fuzz`) and by the regression test that replays every input
// the fuzzers ever found (tests/fuzz/regressions/, built with the normal compiler).
//
// Each one drives the scenario loader exactly as `alignsim run` does (experiment::load_experiment:
// the document once, its model's catalog, then load_scenario). Bad input must end
// in alignsim::ScenarioError, which the entry points swallow; any other exception
// propagates (libFuzzer reports it as a crash, GoogleTest as a failure), and a crash or
// hang is a crash or hang. Not thread-safe: each process uses one scratch directory.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace alignsim::fuzz {

// The bytes are the scenario file.
void load_scenario_bytes(std::string_view bytes);

// The bytes are two files, split at the first `extends_separator`: child.yaml (loaded)
// and parent.yaml beside it (empty when there is no separator), so the fuzzer can mutate
// both ends of an `extends` link, cycles included.
inline constexpr std::string_view extends_separator = "\n#%%parent%%\n";
void load_extends_bytes(std::string_view bytes);

// The bytes are --set arguments, one per line (at most 32), with no scenario file.
void load_set_bytes(std::string_view bytes);

// The bytes are a whole run journal file, read from memory as `--resume` reads the file
// (sim/durability/journal_scan.hpp), once accepting records of any shape and once only
// records of 2 summary and 3 series values. A bad header ends in OutputError (swallowed);
// the scan itself must never throw, every record it reports must decode, and what it
// reports must tile the file (records, skipped stretches and the tail, in order).
void read_journal_bytes(std::string_view bytes);

}  // namespace alignsim::fuzz
