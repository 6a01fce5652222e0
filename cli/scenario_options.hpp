#pragma once
// Options shared by every command that reads a scenario: the file, --set, and the
// shortcuts --replicates and --seed (which are --set run.replicates / run.seed).
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"

namespace alignsim::cli {

void add_scenario_options(boost::program_options::options_description& description,
                          experiment::ScenarioRequest& options);

// Turns --replicates and --seed into the --set overrides they stand for, in their place
// among the --set options (`order`: from parse_command_line), so that of two settings of
// one key the later on the command line wins, as docs/scenarios.md says. Call after notify().
void read_scenario_shortcuts(const boost::program_options::variables_map& vm, const std::vector<std::string>& order,
                             experiment::ScenarioRequest& options);

}  // namespace alignsim::cli
