// `alignsim patterns check PATTERNS.yaml RESULTS.h5 [--cutoff X]`: the table of every
// observed pattern against a results file (docs/patterns.md). The pattern file is read
// and checked whole against the file's metrics and variants before anything is printed,
// so bad input gives one error line and no partial table. Exit 0 whenever the table was
// computed, whatever it shows.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/pattern_table.hpp"
#include "experiment/pattern_check.hpp"
#include "sim/errors.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

int check(const std::string& patterns_path, const std::string& results_path, double cutoff) {
  const sim::ResultsReader results(results_path);
  const experiment::PatternSet patterns =
      experiment::read_pattern_file(patterns_path, experiment::vocabulary_of(results));
  print_pattern_table(patterns, results, cutoff);
  return kExitOk;
}

}  // namespace

int patterns_command(const Arguments& args) {
  double cutoff = experiment::kDefaultImplausibilityCutoff;
  std::vector<std::string> positional;
  po::options_description description(
      "Usage: alignsim patterns check PATTERNS.yaml RESULTS.h5 [options]\n\n"
      "Evaluates each observed pattern of PATTERNS.yaml (docs/patterns.md) against a results file:\n"
      "the simulated statistic with its 95% Monte-Carlo interval and the implausibility\n"
      "I = |simulated - observed| / sqrt(var_obs + discrepancy_sd^2 + var_MC).\n\nOptions");
  description.add_options()("help,h", "show this help")(
      "cutoff", po::value(&cutoff)->default_value(cutoff), "a pattern is inside when I <= this (3 is customary)");
  if (!parse_command_line(args, description, "arguments", po::value(&positional)->composing(), 3)) return kExitOk;
  if (positional.empty() || positional[0] != "check") {
    throw UsageError("expected 'alignsim patterns check PATTERNS.yaml RESULTS.h5'");
  }
  if (positional.size() != 3) throw UsageError("check needs a pattern file and a results file");
  if (!(cutoff > 0) || !std::isfinite(cutoff)) throw UsageError("--cutoff must be a positive number");
  return check(positional[1], positional[2], cutoff);
}

}  // namespace alignsim::cli
