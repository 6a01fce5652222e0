#include "cli/experiment_options.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

void add_experiment_options(po::options_description& description, experiment::ExperimentOptions& options) {
  description.add_options()
      ("design", po::value(&options.sweep.design),
       "run an experiment design: grid, one_at_a_time (oat), latin_hypercube (lhs), sobol, saltelli, morris")
      ("samples", po::value<std::int64_t>(), "design size: points (lhs, sobol), base sample N (saltelli), trajectories (morris)")
      ("points", po::value<std::int64_t>(), "same as --samples")
      ("levels", po::value<std::int64_t>(), "levels per factor (grid, oat) or grid levels (morris, even)")
      ("factor", po::value(&options.sweep.factors)->composing(),
       "a design factor: key=low:high[:uniform|log|integer] or key=a,b,c (repeatable; replaces the file's factors)")
      ("design-csv", po::value(&options.sweep.design_csv),
       "run the design in this CSV file: a header of parameter keys, one row per point (e.g. made by SALib)")
      ("target-ci", po::value(&options.target_ci),
       "METRIC=HALFWIDTH: add replicates in rounds until every 95% CI half-width of METRIC is below HALFWIDTH")
      ("max-replicates", po::value(&options.max_replicates)->default_value(1000), "upper bound for --target-ci")
      ("ensemble", po::value(&options.ensemble),
       "ENSEMBLE.yaml of 'alignsim calibrate': replicate r of every variant runs member r mod M, and each effect "
       "gets its range over the plausible assumptions");
}

void read_experiment_options(const po::variables_map& vm, experiment::ExperimentOptions& options) {
  if (vm.count("samples") != 0) options.sweep.samples = vm["samples"].as<std::int64_t>();
  if (vm.count("points") != 0) options.sweep.samples = vm["points"].as<std::int64_t>();
  if (vm.count("levels") != 0) options.sweep.levels = vm["levels"].as<std::int64_t>();
}

}  // namespace alignsim::cli
