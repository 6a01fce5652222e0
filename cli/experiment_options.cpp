#include "cli/experiment_options.hpp"

#include <charconv>
#include <cmath>

#include "cli/model_registry.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

void add_experiment_options(po::options_description& description, ExperimentOptions& options) {
  description.add_options()
      ("design", po::value(&options.sweep.design),
       "run an experiment design: grid, one_at_a_time (oat), latin_hypercube (lhs), sobol, saltelli, morris")
      ("samples", po::value<std::int64_t>(), "design size: points (lhs, sobol), base sample N (saltelli), trajectories (morris)")
      ("points", po::value<std::int64_t>(), "same as --samples")
      ("levels", po::value<std::int64_t>(), "levels per factor (grid, oat) or grid levels (morris, even)")
      ("factor", po::value(&options.sweep.factors)->composing(),
       "a design factor: key=low:high[:uniform|log|integer] or key=a,b,c (repeatable; replaces the file's factors)")
      ("target-ci", po::value(&options.target_ci),
       "METRIC=HALFWIDTH: add replicates in rounds until every 95% CI half-width of METRIC is below HALFWIDTH")
      ("max-replicates", po::value(&options.max_replicates)->default_value(1000), "upper bound for --target-ci");
}

void read_experiment_options(const po::variables_map& vm, ExperimentOptions& options) {
  if (vm.count("samples") != 0) options.sweep.samples = vm["samples"].as<std::int64_t>();
  if (vm.count("points") != 0) options.sweep.samples = vm["points"].as<std::int64_t>();
  if (vm.count("levels") != 0) options.sweep.levels = vm["levels"].as<std::int64_t>();
}

LoadedScenario load_experiment(const ScenarioOptions& scenario, const sim::SweepOptions& sweep) {
  sim::LoadRequest request;
  if (scenario.file) request.file = *scenario.file;
  request.set_overrides = scenario.sets;
  if (scenario.replicates) request.set_overrides.push_back("run.replicates=" + std::to_string(*scenario.replicates));
  if (scenario.seed) request.set_overrides.push_back("run.seed=" + std::to_string(*scenario.seed));
  const sim::ModelRegistry& registry = model_registry();
  const std::optional<std::string> named = sim::requested_model(request);
  // An unknown name falls back to the default catalog; load_scenario then reports it.
  const sim::ModelDefinition* model = named ? registry.find(*named) : nullptr;
  if (model == nullptr) model = &registry.default_model();
  sim::LoadContext context{registry.names(), {}, sweep};
  for (const sim::MetricSpec& metric : model->outputs().summary) context.outputs.push_back(metric.name);
  return {sim::load_scenario(request, model->catalog(), context), model};
}

std::optional<TargetCi> parse_target_ci(const ExperimentOptions& options, const sim::OutputLayout& outputs,
                                        std::size_t initial_replicates) {
  if (options.target_ci.empty()) return std::nullopt;
  const auto equals = options.target_ci.find('=');
  const std::string form = "--target-ci METRIC=HALFWIDTH, e.g. bookings_usd=50000";
  if (equals == std::string::npos) throw UsageError("--target-ci '" + options.target_ci + "': missing '=' (" + form + ")");
  const std::string name = options.target_ci.substr(0, equals), number = options.target_ci.substr(equals + 1);
  TargetCi target;
  bool found = false;
  for (std::size_t m = 0; m < outputs.summary.size() && !found; ++m) {
    if (outputs.summary[m].name == name) {
      target.metric = m;
      found = true;
    }
  }
  if (!found) throw UsageError("--target-ci: '" + name + "' is not a summary metric of this model");
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), target.half_width);
  if (error != std::errc() || end != number.data() + number.size() || !(target.half_width > 0) ||
      !std::isfinite(target.half_width)) {
    throw UsageError("--target-ci: '" + number + "' is not a positive number (" + form + ")");
  }
  if (options.max_replicates < 2 || static_cast<std::size_t>(options.max_replicates) < initial_replicates ||
      options.max_replicates > 65536) {
    throw UsageError("--max-replicates " + std::to_string(options.max_replicates) +
                     ": must be at least 2, at least run.replicates (" + std::to_string(initial_replicates) +
                     ") and at most 65536");
  }
  target.max_replicates = static_cast<std::size_t>(options.max_replicates);
  return target;
}

}  // namespace alignsim::cli
