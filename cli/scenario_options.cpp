#include "cli/scenario_options.hpp"

#include "models/parameter_catalog.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

void add_scenario_options(po::options_description& description, ScenarioOptions& options) {
  description.add_options()
      ("set", po::value(&options.sets)->composing(), "override a parameter: --set key.path=value (repeatable)")
      ("replicates", po::value<std::int64_t>(), "replicates per variant (same as --set run.replicates=N)")
      ("seed", po::value<std::int64_t>(), "root seed (same as --set run.seed=S)");
}

void read_scenario_shortcuts(const po::variables_map& vm, ScenarioOptions& options) {
  if (vm.count("replicates") != 0) options.replicates = vm["replicates"].as<std::int64_t>();
  if (vm.count("seed") != 0) options.seed = vm["seed"].as<std::int64_t>();
}

sim::ScenarioSpec load_scenario_from(const ScenarioOptions& options) {
  sim::LoadRequest request;
  if (options.file) request.file = *options.file;
  request.set_overrides = options.sets;
  if (options.replicates) request.set_overrides.push_back("run.replicates=" + std::to_string(*options.replicates));
  if (options.seed) request.set_overrides.push_back("run.seed=" + std::to_string(*options.seed));
  return sim::load_scenario(request, model::model_catalog());
}

}  // namespace alignsim::cli
