#include "tests/fuzz/fuzz_inputs.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "experiment/experiment.hpp"
#include "sim/errors.hpp"
#include "tests/fuzz/fuzz_scratch.hpp"

namespace alignsim::fuzz {
namespace {

namespace fs = std::filesystem;

void load(const experiment::ScenarioRequest& options) {
  try {
    (void)experiment::load_experiment(options);
  } catch (const ScenarioError&) {
    // Rejected with a message: the expected outcome for most hostile input.
  }
}

// Writes `bytes` as the scenario file `file` and loads it.
void load_scenario_file(const fs::path& file, std::string_view bytes) {
  write_file(file, bytes);
  experiment::ScenarioRequest options;
  options.file = file.string();
  load(options);
}

}  // namespace

void load_scenario_bytes(std::string_view bytes) { load_scenario_file(scratch_dir() / "s.yaml", bytes); }

void load_extends_bytes(std::string_view bytes) {
  const std::size_t split = bytes.find(extends_separator);
  const std::string_view child = bytes.substr(0, split);
  const std::string_view parent =
      split == std::string_view::npos ? std::string_view() : bytes.substr(split + extends_separator.size());
  write_file(scratch_dir() / "parent.yaml", parent);
  load_scenario_file(scratch_dir() / "child.yaml", child);
}

void load_set_bytes(std::string_view bytes) {
  experiment::ScenarioRequest options;
  for (std::size_t start = 0; start <= bytes.size() && options.sets.size() < 32;) {
    const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
    options.sets.emplace_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  load(options);
}

}  // namespace alignsim::fuzz
