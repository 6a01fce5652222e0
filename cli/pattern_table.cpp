#include "cli/pattern_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace alignsim::cli {
namespace {

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

}  // namespace

std::size_t print_pattern_table(const experiment::PatternSet& patterns, const sim::ResultsReader& results, double cutoff) {
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
  return inside;
}

}  // namespace alignsim::cli
