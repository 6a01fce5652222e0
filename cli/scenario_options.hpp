#pragma once
// Options shared by every command that reads a scenario: the file, --set, and the
// shortcuts --replicates and --seed (which are --set run.replicates / run.seed).
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace alignsim::cli {

struct ScenarioOptions {
  std::optional<std::string> file;
  std::vector<std::string> sets;
  std::optional<std::int64_t> replicates;
  std::optional<std::int64_t> seed;
};

void add_scenario_options(boost::program_options::options_description& description, ScenarioOptions& options);

// Copies --replicates and --seed from the parsed map (call after notify()).
void read_scenario_shortcuts(const boost::program_options::variables_map& vm, ScenarioOptions& options);

// Throws alignsim::ScenarioError on bad input.
[[nodiscard]] sim::ScenarioSpec load_scenario_from(const ScenarioOptions& options);

}  // namespace alignsim::cli
