// The alignsim executable: dispatches to a subcommand and turns every error into one
// clear message on stderr and an exit code (never a stack trace):
//   0 success; 1 output or runtime failure; 2 bad input (scenario, option, value);
//   3 results written but some runs failed; 130/143 interrupted by SIGINT/SIGTERM.
#include <boost/program_options/errors.hpp>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>

#include "alignsim/version.hpp"
#include "cli/commands.hpp"
#include "cli/compare_command.hpp"
#include "sim/errors.hpp"

namespace {

using alignsim::cli::Arguments;

constexpr const char* kUsage =
    "Usage: alignsim COMMAND [options]\n\n"
    "Commands:\n"
    "  run [SCENARIO.yaml]    run a scenario's variants and replicates; write HDF5; print outcomes\n"
    "  check [SCENARIO.yaml]  validate a scenario and print it fully resolved\n"
    "  params                 list every model parameter (unit, default, range, source)\n"
    "  compare A.yaml B.yaml  run scenarios with common random numbers; print paired differences\n"
    "  merge SHARD... -o F    combine the shard files of 'run --shard I/N' into one results file\n"
    "  serve SCENARIO.yaml    the live what-if explorer: levers in a browser, paired answers as they refine\n"
    "  patterns check P.yaml R.h5  observed patterns against a results file: implausibility table\n"
    "  calibrate S.yaml --patterns P.yaml  history matching: the parameter vectors the patterns leave plausible\n"
    "  validate S.yaml [--ensemble E.yaml]  every published pattern against the scenario's runs: inside or outside\n"
    "  ingest EXPORT --mapping M.yaml  a company's CRM export to its patterns and scenario (docs/calibration.md)\n\n"
    "Options: --version, --help. 'alignsim COMMAND --help' shows a command's options.\n";

int dispatch(const std::string& command, const Arguments& args) {
  static const std::map<std::string, int (*)(const Arguments&)> commands{
      {"run", alignsim::cli::run_command},
      {"check", alignsim::cli::check_command},
      {"params", alignsim::cli::params_command},
      {"compare", alignsim::cli::compare_command},
      {"merge", alignsim::cli::merge_command},
      {"serve", alignsim::cli::serve_command},
      {"patterns", alignsim::cli::patterns_command},
      {"calibrate", alignsim::cli::calibrate_command},
      {"validate", alignsim::cli::validate_command},
      {"ingest", alignsim::cli::ingest_command}};
  const auto it = commands.find(command);
  if (it == commands.end()) {
    std::fprintf(stderr, "alignsim: unknown command '%s'\n\n%s", command.c_str(), kUsage);
    return alignsim::cli::kExitBadInput;
  }
  return it->second(args);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? alignsim::cli::kExitBadInput : alignsim::cli::kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("alignsim %s (git %s)\n", alignsim::kVersion, alignsim::kGitRevision);
    return alignsim::cli::kExitOk;
  }
  const std::string command = argv[1];
  const Arguments args(argv + 2, argv + argc);
  try {
    return dispatch(command, args);
  } catch (const alignsim::ScenarioError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return alignsim::cli::kExitBadInput;
  } catch (const boost::program_options::error& e) {
    std::fprintf(stderr, "alignsim %s: %s (see 'alignsim %s --help')\n", command.c_str(), e.what(), command.c_str());
    return alignsim::cli::kExitBadInput;
  } catch (const alignsim::UsageError& e) {
    std::fprintf(stderr, "alignsim %s: %s\n", command.c_str(), e.what());
    return alignsim::cli::kExitBadInput;
  } catch (const alignsim::Interrupted& e) {
    std::fprintf(stderr, "alignsim %s: %s\n", command.c_str(), e.what());
    return 128 + e.signal();  // as a shell reports a process the signal ended: 130, 143
  } catch (const alignsim::OutputError& e) {
    std::fprintf(stderr, "alignsim %s: %s\n", command.c_str(), e.what());
    return alignsim::cli::kExitFailure;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "alignsim %s: error: %s\n", command.c_str(), e.what());
    return alignsim::cli::kExitFailure;
  }
}
