// `alignsim check`: validate a scenario and print it fully resolved.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/experiment_options.hpp"
#include "cli/scenario_options.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

int check_command(const Arguments& args) {
  ScenarioOptions options;
  po::options_description description("Usage: alignsim check [SCENARIO.yaml] [options]\n\n"
                                      "Validates the scenario and prints it fully resolved (every parameter, every\n"
                                      "variant). Exit code 0 if valid, 2 with one message FILE:LINE:COL if not.\n\nOptions");
  description.add_options()("help,h", "show this help");
  add_scenario_options(description, options);
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::string>());
  po::options_description all;
  all.add(description).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", 1);

  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help") != 0) {
    std::cout << description << "\n";
    return kExitOk;
  }
  po::notify(vm);
  if (vm.count("scenario") != 0) options.file = vm["scenario"].as<std::string>();
  read_scenario_shortcuts(vm, options);
  // Validated against the catalog of the model the scenario names (`model:`).
  const auto loaded = load_experiment(options, {});
  std::fputs(loaded.spec.resolved_yaml.c_str(), stdout);
  return kExitOk;
}

}  // namespace alignsim::cli
