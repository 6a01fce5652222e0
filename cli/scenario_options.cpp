#include "cli/scenario_options.hpp"

#include "cli/command_line.hpp"
#include "cli/thread_option.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

void add_scenario_options(po::options_description& description, experiment::ScenarioRequest& options) {
  description.add_options()
      ("set", po::value(&options.sets)->composing(), "override a parameter: --set key.path=value (repeatable)")
      ("replicates", po::value<std::int64_t>(), "replicates per variant (same as --set run.replicates=N)")
      ("seed", po::value<std::int64_t>(), "root seed (same as --set run.seed=S)");
}

void read_scenario_shortcuts(const po::variables_map& vm, const std::vector<std::string>& order,
                             experiment::ScenarioRequest& options) {
  // vm holds every --set in order (composing); interleave the shortcuts where they stood.
  std::vector<std::string> sets;
  std::size_t next_set = 0;
  for (const std::string& name : order) {
    if (name == "set" && next_set < options.sets.size()) sets.push_back(options.sets[next_set++]);
    if (name == "replicates") sets.push_back("run.replicates=" + std::to_string(vm["replicates"].as<std::int64_t>()));
    if (name == "seed") sets.push_back("run.seed=" + std::to_string(vm["seed"].as<std::int64_t>()));
  }
  sets.insert(sets.end(), options.sets.begin() + static_cast<std::ptrdiff_t>(next_set), options.sets.end());
  options.sets = std::move(sets);
}

std::optional<po::variables_map> parse_scenario_command(const Arguments& args, po::options_description& description,
                                                        experiment::ScenarioRequest& options) {
  add_thread_option(description);
  add_scenario_options(description, options);
  std::vector<std::string> order;
  auto parsed = parse_command_line(args, description, "scenario", po::value<std::string>(), 1, &order);
  if (!parsed) return std::nullopt;
  if (parsed->count("scenario") != 0) options.file = (*parsed)["scenario"].as<std::string>();
  read_scenario_shortcuts(*parsed, order, options);
  return parsed;
}

}  // namespace alignsim::cli
