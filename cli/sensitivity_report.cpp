#include "cli/sensitivity_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace alignsim::cli {
namespace {

using experiment::SensitivityTable;

std::string cell(double value) {
  if (std::isnan(value)) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

void print_table(std::FILE* out, const sim::Design& design, const SensitivityTable& t) {
  std::vector<std::size_t> order(t.values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto importance = [&](std::size_t f) {
    const double v = std::fabs(t.values[f][t.rank_by]);
    return std::isnan(v) ? -1.0 : v;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return importance(a) > importance(b); });
  std::fprintf(out, "\nSensitivity of %s (%s), ranked by %s\n\n  %-4s %-36s", t.output.name.c_str(),
               sim::design_kind_name(design.spec().kind).c_str(), t.columns[t.rank_by].c_str(), "rank", "factor");
  for (const std::string& c : t.columns) std::fprintf(out, " %13s", c.c_str());
  std::fputc('\n', out);
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    std::fprintf(out, "  %-4zu %-36s", rank + 1, design.spec().factors[order[rank]].key.c_str());
    for (double v : t.values[order[rank]]) std::fprintf(out, " %13s", cell(v).c_str());
    std::fputc('\n', out);
  }
}

}  // namespace

void print_sensitivity(std::FILE* out, const sim::Design& design, const std::vector<SensitivityTable>& tables) {
  for (const SensitivityTable& t : tables) print_table(out, design, t);
}

}  // namespace alignsim::cli
