#include "experiment/sensitivity_tables.hpp"

#include <algorithm>

#include "sim/design/sensitivity.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::experiment {
namespace {

SensitivityTable sobol_table(const sim::Design& design, const std::vector<double>& y, std::uint64_t seed) {
  const sim::SobolIndices s = sim::sobol_indices(y, design.factor_count(), design.spec().bootstrap, seed);
  SensitivityTable t{{}, {"S1", "S1_ci95_low", "S1_ci95_high", "ST", "ST_ci95_low", "ST_ci95_high"}, {}, 3};
  for (std::size_t f = 0; f < design.factor_count(); ++f) {
    const auto& a = s.first_order[f];
    const auto& b = s.total[f];
    t.values.push_back({a.estimate, a.low, a.high, b.estimate, b.low, b.high});
  }
  return t;
}

SensitivityTable morris_table(const sim::Design& design, const std::vector<double>& y) {
  const std::size_t k = design.factor_count();
  sim::MorrisAccumulator accumulator(k);
  for (std::size_t t = 0; t < design.spec().samples; ++t) {
    for (std::size_t s = 1; s <= k; ++s) {
      const std::size_t point = t * (k + 1) + s;
      const sim::MorrisStep step = design.morris_step(t, s);
      accumulator.add(step.factor, (y[point] - y[point - 1]) / step.delta);
    }
  }
  SensitivityTable table{{}, {"mu", "mu_star", "sigma", "n"}, {}, 1};
  for (const sim::MorrisMeasure& m : accumulator.measures()) {
    table.values.push_back({m.mu, m.mu_star, m.sigma, static_cast<double>(m.n)});
  }
  return table;
}

SensitivityTable spearman_table(const sim::Design& design, const std::vector<double>& y) {
  std::vector<std::vector<double>> x(design.factor_count());
  for (std::size_t p = 0; p < design.size(); ++p) {
    const std::vector<double> values = design.point(p);
    for (std::size_t f = 0; f < values.size(); ++f) x[f].push_back(values[f]);
  }
  SensitivityTable t{{}, {"spearman_rho"}, {}, 0};
  for (const auto& column : x) t.values.push_back({sim::spearman_correlation(column, y)});
  return t;
}

SensitivityTable table_for(const sim::Design& design, const std::vector<double>& y, std::uint64_t seed) {
  switch (design.spec().kind) {
    case sim::DesignKind::saltelli: return sobol_table(design, y, seed);
    case sim::DesignKind::morris: return morris_table(design, y);
    default: return spearman_table(design, y);
  }
}

}  // namespace

std::vector<SensitivityTable> sensitivity_tables(const sim::Design& design, const std::vector<sim::MetricSpec>& outputs,
                                                const std::vector<std::vector<double>>& means, std::uint64_t seed) {
  std::vector<SensitivityTable> tables;
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    tables.push_back(table_for(design, means[o], seed));
    tables.back().output = outputs[o];
  }
  return tables;
}

void write_sensitivity(sim::ResultsFile& results, const sim::Design& design,
                       const std::vector<SensitivityTable>& tables) {
  std::vector<std::string> factors;
  for (const sim::Factor& f : design.spec().factors) factors.push_back(f.key);
  std::vector<std::string> columns;
  std::vector<std::vector<double>> values;
  std::vector<sim::MetricSpec> metrics;
  for (const SensitivityTable& t : tables) {
    columns = t.columns;
    std::vector<double> flat;
    for (const auto& row : t.values) flat.insert(flat.end(), row.begin(), row.end());
    values.push_back(std::move(flat));
    metrics.push_back({t.output.name, "1", "sensitivity of " + t.output.name + " to each factor"});
  }
  results.write_matrix("sensitivity", "factor", factors, "statistic", columns, metrics, values);
}

}  // namespace alignsim::experiment
