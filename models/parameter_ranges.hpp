#pragma once
// The one home of the model's plausible ranges (issue 13 item 1): for every numeric
// parameter whose default is a modelling assumption, the values the evidence leaves
// plausible, how a design spreads over them, and why. History matching samples these
// ranges and rules out what published patterns contradict (docs/patterns.md); the
// ranges themselves are deliberately wide and say where a figure comes from.
//
// A range is attached to its catalog entry when the catalog is built
// (parameter_catalog.cpp), so `alignsim params` and docs/parameters.md show it next to
// the default and the source.
#include <vector>

#include "sim/scenario/parameter.hpp"

namespace alignsim::model {

// Sets `plausible` on the entries the table names. Throws std::logic_error if the table
// names a key the catalog lacks, or a range that is empty, outside the allowed values,
// without the default, or log-uniform over non-positive values.
void attach_plausible_ranges(std::vector<sim::ParameterSpec>& specs);

}  // namespace alignsim::model
