#pragma once
// Warnings about valid settings outside the model's calibrated range (the model's
// `cautions`, e.g. models/calibration_cautions.hpp), printed by check, run and compare.
// They never stop a run: the scenario may mean exactly that.
#include <cstdio>

#include "cli/experiment_options.hpp"

namespace alignsim::cli {

// One line per distinct caution over the base and every variant:
// "alignsim: warning: FILE:LINE:COL: KEY: TEXT[ (variant NAME)]".
void print_setting_cautions(std::FILE* out, const LoadedScenario& loaded);

}  // namespace alignsim::cli
