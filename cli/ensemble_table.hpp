#pragma once
// The report of a run over an ensemble of plausible parameters (issue 13 item 4): for
// each what-if and headline outcome the change from base with two intervals, named for
// what they cover: the Monte-Carlo 95% CI of the mean over all paired replicates, and
// the range over the plausible assumptions (5th to 95th percentile of the members'
// effects), with the one or two assumptions the effect follows most.
#include <cstdio>
#include <string>
#include <vector>

#include "experiment/ensemble_effects.hpp"
#include "experiment/variant_statistics.hpp"

namespace alignsim::cli {

void print_ensemble_table(std::FILE* out, const std::vector<std::string>& variant_names,
                          const std::vector<sim::MetricSpec>& metrics, const experiment::VariantStatistics& statistics,
                          const experiment::EnsembleEffects& effects, const experiment::Ensemble& ensemble);

}  // namespace alignsim::cli
