// Replays every input under tests/fuzz/regressions/<target>/ (what the fuzzers found:
// crashes, hangs, leaks) and tests/fuzz/seeds/<target>/ (hand-made hostile inputs)
// through the same entry points as the libFuzzer targets, built with the normal
// compiler. Each must load or end in a ScenarioError (a shard file: an OutputError): the entry points swallow only
// that, so another exception fails here, a crash kills the test and a hang hits the
// ctest timeout.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

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

TEST(FuzzRegressions, ShardFileInputsReadOrGiveAnOutputError) {
  replay("shard_file", alignsim::fuzz::read_shard_bytes);
}

}  // namespace
