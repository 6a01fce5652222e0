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
#include "experiment/pattern_check.hpp"
#include "sim/errors.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

std::string number(double value) {
  if (std::isnan(value)) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

std::string observed_text(const experiment::Pattern& pattern) {
  if (pattern.band_low) return number(pattern.observed) + " [" + number(*pattern.band_low) + ", " + number(*pattern.band_high) + "]";
  return number(pattern.observed) + " (se " + number(*pattern.standard_error) + ")";
}

std::string simulated_text(const experiment::PatternResult& result) {
  if (result.n < 2) return number(result.simulated);
  return number(result.simulated) + " (" + number(result.mc_low) + " to " + number(result.mc_high) + ")";
}

std::string verdict(const experiment::PatternResult& result) {
  if (std::isnan(result.implausibility)) return "no data";
  return result.inside ? "inside" : "outside";
}

using Row = std::vector<std::string>;

void print_table(const std::vector<Row>& rows) {
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - row[c].size() + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
}

int check(const std::string& patterns_path, const std::string& results_path, double cutoff) {
  const sim::ResultsReader results(results_path);
  const experiment::PatternSet patterns =
      experiment::read_pattern_file(patterns_path, experiment::vocabulary_of(results));
  const std::vector<experiment::PatternResult> checked = experiment::check_patterns(patterns, results, cutoff);
  std::vector<Row> rows{{"pattern", "source", "observed [band]", "simulated (95% MC interval)", "n", "I", "verdict"}};
  std::size_t inside = 0;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const experiment::Pattern& pattern = patterns.patterns[i];
    char implausibility[32];
    std::snprintf(implausibility, sizeof implausibility, "%.3f", checked[i].implausibility);
    rows.push_back({pattern.name, pattern.source_short, observed_text(pattern), simulated_text(checked[i]),
                    std::to_string(checked[i].n), std::isnan(checked[i].implausibility) ? "n/a" : implausibility,
                    verdict(checked[i])});
    inside += checked[i].inside ? 1 : 0;
  }
  print_table(rows);
  std::printf("\n%zu of %zu patterns inside (implausibility I <= %s)\n", inside, checked.size(), number(cutoff).c_str());
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
