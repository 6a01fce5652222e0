#pragma once
// Prints an experiment's setting cautions (experiment/setting_cautions.hpp) as warnings:
// "alignsim: warning: FILE:LINE:COL: KEY: TEXT[ (variant NAME)]".
#include <cstdio>

#include "experiment/setting_cautions.hpp"

namespace alignsim::cli {

void print_setting_cautions(std::FILE* out, const experiment::Experiment& experiment,
                            const experiment::RunTable& runs);

}  // namespace alignsim::cli
