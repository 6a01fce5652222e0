#include "cli/sensitivity_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "sim/design/sensitivity.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::cli {
namespace {

// One output's table: values[factor][column], ranked by the column `rank_by` (absolute).
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> values;
  std::size_t rank_by = 0;
};

Table sobol_table(const sim::Design& design, const std::vector<double>& y, std::uint64_t seed) {
  const sim::SobolIndices s = sim::sobol_indices(y, design.factor_count(), design.spec().bootstrap, seed);
  Table t{{"S1", "S1_ci95_low", "S1_ci95_high", "ST", "ST_ci95_low", "ST_ci95_high"}, {}, 3};
  for (std::size_t f = 0; f < design.factor_count(); ++f) {
    const auto& a = s.first_order[f];
    const auto& b = s.total[f];
    t.values.push_back({a.estimate, a.low, a.high, b.estimate, b.low, b.high});
  }
  return t;
}

Table morris_table(const sim::Design& design, const std::vector<double>& y) {
  const std::size_t k = design.factor_count();
  sim::MorrisAccumulator accumulator(k);
  for (std::size_t t = 0; t < design.spec().samples; ++t) {
    for (std::size_t s = 1; s <= k; ++s) {
      const std::size_t point = t * (k + 1) + s;
      const sim::MorrisStep step = design.morris_step(t, s);
      accumulator.add(step.factor, (y[point] - y[point - 1]) / step.delta);
    }
  }
  Table table{{"mu", "mu_star", "sigma", "n"}, {}, 1};
  for (const sim::MorrisMeasure& m : accumulator.measures()) {
    table.values.push_back({m.mu, m.mu_star, m.sigma, static_cast<double>(m.n)});
  }
  return table;
}

Table spearman_table(const sim::Design& design, const std::vector<double>& y) {
  std::vector<std::vector<double>> x(design.factor_count());
  for (std::size_t p = 0; p < design.size(); ++p) {
    const std::vector<double> values = design.point(p);
    for (std::size_t f = 0; f < values.size(); ++f) x[f].push_back(values[f]);
  }
  Table t{{"spearman_rho"}, {}, 0};
  for (const auto& column : x) t.values.push_back({sim::spearman_correlation(column, y)});
  return t;
}

Table table_for(const sim::Design& design, const std::vector<double>& y, std::uint64_t seed) {
  switch (design.spec().kind) {
    case sim::DesignKind::saltelli: return sobol_table(design, y, seed);
    case sim::DesignKind::morris: return morris_table(design, y);
    default: return spearman_table(design, y);
  }
}

std::string cell(double value) {
  if (std::isnan(value)) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

void print_table(std::FILE* out, const sim::Design& design, const sim::MetricSpec& output, const Table& t) {
  std::vector<std::size_t> order(t.values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto importance = [&](std::size_t f) {
    const double v = std::fabs(t.values[f][t.rank_by]);
    return std::isnan(v) ? -1.0 : v;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return importance(a) > importance(b); });
  std::fprintf(out, "\nSensitivity of %s (%s), ranked by %s\n\n  %-4s %-36s", output.name.c_str(),
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

void report_sensitivity(std::FILE* out, sim::ResultsFile& results, const sim::Design& design,
                        const std::vector<sim::MetricSpec>& outputs, const std::vector<std::vector<double>>& means,
                        std::uint64_t seed) {
  std::vector<std::string> factors;
  for (const sim::Factor& f : design.spec().factors) factors.push_back(f.key);
  std::vector<std::string> columns;
  std::vector<std::vector<double>> values;
  std::vector<sim::MetricSpec> metrics;
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    const Table t = table_for(design, means[o], seed);
    print_table(out, design, outputs[o], t);
    columns = t.columns;
    std::vector<double> flat;
    for (const auto& row : t.values) flat.insert(flat.end(), row.begin(), row.end());
    values.push_back(std::move(flat));
    metrics.push_back({outputs[o].name, "1", "sensitivity of " + outputs[o].name + " to each factor"});
  }
  results.write_matrix("sensitivity", "factor", factors, "statistic", columns, metrics, values);
}

}  // namespace alignsim::cli
