#pragma once
// Options shared by every command that reads a scenario: the file, --set, and the
// shortcuts --replicates and --seed (which are --set run.replicates / run.seed).
#include <boost/program_options.hpp>

#include "experiment/experiment.hpp"

namespace alignsim::cli {

void add_scenario_options(boost::program_options::options_description& description,
                          experiment::ScenarioRequest& options);

// Copies --replicates and --seed from the parsed map (call after notify()).
void read_scenario_shortcuts(const boost::program_options::variables_map& vm, experiment::ScenarioRequest& options);

}  // namespace alignsim::cli
