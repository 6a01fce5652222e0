// Replays every input under tests/fuzz/regressions/<target>/ (what the fuzzers found:
// crashes, hangs, leaks) and tests/fuzz/seeds/<target>/ (hand-made hostile inputs)
// through the same entry points as the libFuzzer targets, built with the normal
// compiler. Each must load or end in a ScenarioError (a journal: be read, or refused
// with an OutputError for its header; a shard file: an OutputError): the entry points
// swallow only that, so another exception fails here, a crash kills the test and a hang
// hits the ctest timeout.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/durability/journal_scan.hpp"
#include "tests/fuzz/fuzz_inputs.hpp"
#include "tests/fuzz/fuzz_shard_input.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* kind : {"regressions", "seeds"}) {
    const fs::path dir = fs::path(ALIGNSIM_SOURCE_DIR) / "tests" / "fuzz" / kind / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());  // a stable order for the log
  return files;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const std::string& target, const std::function<void(std::string_view)>& entry) {
  const std::vector<fs::path> files = inputs_of(target);
  ASSERT_FALSE(files.empty()) << "no inputs for " << target;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    EXPECT_NO_THROW(entry(read_bytes(file)));
  }
}

TEST(FuzzRegressions, ScenarioFileInputsLoadOrGiveAScenarioError) {
  replay("scenario_file", alignsim::fuzz::load_scenario_bytes);
}

TEST(FuzzRegressions, ExtendsInputsLoadOrGiveAScenarioError) {
  replay("extends", alignsim::fuzz::load_extends_bytes);
}

TEST(FuzzRegressions, SetOverrideInputsLoadOrGiveAScenarioError) {
  replay("set_override", alignsim::fuzz::load_set_bytes);
}

TEST(FuzzRegressions, JournalInputsAreReadOrRefusedKeepingTheReadersInvariants) {
  replay("journal", alignsim::fuzz::read_journal_bytes);
}

// The seeds must reach the record path, not just the header check: the valid seed holds
// three finished runs and one failed run, and the flipped-byte seed loses only its second.
TEST(FuzzRegressions, JournalSeedsHoldRecordsTheReaderFinds) {
  const auto records_in = [](const std::string& name) {
    const std::string bytes = read_bytes(fs::path(ALIGNSIM_SOURCE_DIR) / "tests/fuzz/seeds/journal" / name);
    const alignsim::sim::JournalBytes read = [&](std::uint64_t offset, char* buffer, std::size_t size) {
      if (offset > bytes.size() || size > bytes.size() - offset) return false;
      std::copy_n(bytes.data() + offset, size, buffer);
      return true;
    };
    std::uint64_t header = 0;
    static_cast<void>(alignsim::sim::read_journal_identity(read, bytes.size(), name, header));
    std::size_t records = 0;
    const auto scan = alignsim::sim::scan_journal_records(read, header, bytes.size(), {2, 3},
                                                          [&](const auto&) { ++records; });
    return std::make_pair(records, scan.skipped.size());
  };
  EXPECT_EQ(records_in("valid"), std::make_pair(std::size_t{4}, std::size_t{0}));
  EXPECT_EQ(records_in("flipped_byte_middle"), std::make_pair(std::size_t{3}, std::size_t{1}));
  EXPECT_EQ(records_in("corrupt_length_middle"), std::make_pair(std::size_t{3}, std::size_t{1}));
}

TEST(FuzzRegressions, ShardFileInputsReadOrGiveAnOutputError) {
  replay("shard_file", alignsim::fuzz::read_shard_bytes);
}

}  // namespace
