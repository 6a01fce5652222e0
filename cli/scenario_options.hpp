#pragma once
// Options shared by every command that reads a scenario: the file, --set, and the
// shortcuts --replicates and --seed (which are --set run.replicates / run.seed).
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "experiment/experiment.hpp"

namespace alignsim::cli {

void add_scenario_options(boost::program_options::options_description& description,
                          experiment::ScenarioRequest& options);

// Turns --replicates and --seed into the --set overrides they stand for, in their place
// among the --set options (`order`: from parse_command_line), so that of two settings of
// one key the later on the command line wins, as docs/scenarios.md says. Call after notify().
void read_scenario_shortcuts(const boost::program_options::variables_map& vm, const std::vector<std::string>& order,
                             experiment::ScenarioRequest& options);

// The command line of a command that runs one scenario (run, serve, calibrate): adds
// --threads and the scenario options to `description`, parses `args` with at most one
// positional SCENARIO, and fills `options` (the file, --set and the shortcuts in order).
// nullopt after --help, as parse_command_line.
[[nodiscard]] std::optional<boost::program_options::variables_map> parse_scenario_command(
    const Arguments& args, boost::program_options::options_description& description,
    experiment::ScenarioRequest& options);

}  // namespace alignsim::cli
