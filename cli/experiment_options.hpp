#pragma once
// The command-line options of commands that run an experiment: a design (--design,
// --samples, --levels, --factor) and adaptive replication (--target-ci, --max-replicates).
#include <boost/program_options.hpp>

#include "experiment/experiment.hpp"

namespace alignsim::cli {

void add_experiment_options(boost::program_options::options_description& description,
                            experiment::ExperimentOptions& options);
// Copies --samples/--points and --levels (call after notify()).
void read_experiment_options(const boost::program_options::variables_map& vm, experiment::ExperimentOptions& options);

}  // namespace alignsim::cli
