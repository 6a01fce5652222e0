#pragma once
// `alignsim compare`: paired comparison of scenarios over common random numbers.
#include "cli/commands.hpp"

namespace alignsim::cli {

int compare_command(const Arguments& args);

}  // namespace alignsim::cli
