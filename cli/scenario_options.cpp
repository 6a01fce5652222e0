#include "cli/scenario_options.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

void add_scenario_options(po::options_description& description, experiment::ScenarioRequest& options) {
  description.add_options()
      ("set", po::value(&options.sets)->composing(), "override a parameter: --set key.path=value (repeatable)")
      ("replicates", po::value<std::int64_t>(), "replicates per variant (same as --set run.replicates=N)")
      ("seed", po::value<std::int64_t>(), "root seed (same as --set run.seed=S)");
}

void read_scenario_shortcuts(const po::variables_map& vm, experiment::ScenarioRequest& options) {
  if (vm.count("replicates") != 0) options.replicates = vm["replicates"].as<std::int64_t>();
  if (vm.count("seed") != 0) options.seed = vm["seed"].as<std::int64_t>();
}

}  // namespace alignsim::cli
