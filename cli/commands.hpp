#pragma once
// The subcommands of the alignsim executable. Each takes the arguments after its name
// and returns the process exit code (see main.cpp for the meaning of each code).
#include <string>
#include <vector>

namespace alignsim::cli {

using Arguments = std::vector<std::string>;

int run_command(const Arguments& args);
int check_command(const Arguments& args);
int params_command(const Arguments& args);
int merge_command(const Arguments& args);
int serve_command(const Arguments& args);
int patterns_command(const Arguments& args);
int calibrate_command(const Arguments& args);
int validate_command(const Arguments& args);
int ingest_command(const Arguments& args);

// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // output or runtime failure
inline constexpr int kExitBadInput = 2;     // bad scenario, option or value
inline constexpr int kExitRunsFailed = 3;   // results written, but some runs failed

}  // namespace alignsim::cli
