// `alignsim check`: validate a scenario and print it fully resolved.
#include <boost/program_options.hpp>
#include <cstdio>

#include "cli/caution_lines.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_options.hpp"
#include "experiment/run_table.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

int check_command(const Arguments& args) {
  experiment::ScenarioRequest options;
  po::options_description description("Usage: alignsim check [SCENARIO.yaml] [options]\n\n"
                                      "Validates the scenario and prints it fully resolved (every parameter, every\n"
                                      "variant). Exit code 0 if valid, 2 with one message FILE:LINE:COL if not.\n\nOptions");
  description.add_options()("help,h", "show this help");
  add_scenario_options(description, options);
  std::vector<std::string> order;
  const auto parsed = parse_command_line(args, description, "scenario", po::value<std::string>(), 1, &order);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  if (vm.count("scenario") != 0) options.file = vm["scenario"].as<std::string>();
  read_scenario_shortcuts(vm, order, options);
  // Validated against the catalog of the model the scenario names (`model:`).
  const experiment::Experiment loaded = experiment::load_experiment(options);
  print_setting_cautions(stderr, loaded, experiment::RunTable(loaded));
  std::fputs(loaded.spec.resolved_yaml.c_str(), stdout);
  return kExitOk;
}

}  // namespace alignsim::cli
