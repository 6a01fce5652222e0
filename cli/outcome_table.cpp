#include "cli/outcome_table.hpp"

#include <algorithm>

namespace alignsim::cli {
namespace {

using experiment::headline_change;
using experiment::interval_text;
using experiment::percent_change;

bool has_headline(const std::vector<std::string>& variant_names, const std::vector<KeyOutcome>& key_outcomes) {
  return variant_names.size() > 1 &&
         std::any_of(key_outcomes.begin(), key_outcomes.end(), [](const KeyOutcome& k) { return k.headline_column > 0; });
}

void print_row(std::FILE* out, const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::fprintf(out, "%s%-*s", i == 0 ? "" : "  ", static_cast<int>(widths[i]), cells[i].c_str());
  }
  std::fputc('\n', out);
}

void print_grid(std::FILE* out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) print_row(out, row, widths);
}

void print_variant_means(std::FILE* out, const std::vector<std::string>& variant_names,
                         const std::vector<sim::MetricSpec>& metrics, const std::vector<KeyOutcome>& key_outcomes,
                         const experiment::VariantStatistics& statistics) {
  std::fprintf(out, "\nKey outcomes per variant: mean over replicates (95%% confidence interval)\n\n");
  for (std::size_t v = 0; v < variant_names.size(); ++v) {
    std::vector<std::vector<std::string>> rows{{variant_names[v], "mean (95% CI)"}};
    for (const auto& k : key_outcomes) {
      const auto ci = statistics.mean(v, k.metric);
      rows.push_back({"  " + k.label, interval_text(ci.estimate, ci.low, ci.high, metrics[k.metric].unit, false)});
    }
    print_grid(out, rows);
    std::fputc('\n', out);
  }
}

void print_paired_effects(std::FILE* out, const std::vector<std::string>& variant_names,
                          const std::vector<sim::MetricSpec>& metrics, const std::vector<KeyOutcome>& key_outcomes,
                          const experiment::VariantStatistics& statistics) {
  if (variant_names.size() < 2) return;
  std::fprintf(out, "What-if effects: paired difference to base over common random numbers (95%% CI)\n\n");
  for (std::size_t v = 1; v < variant_names.size(); ++v) {
    std::vector<std::vector<std::string>> rows{{variant_names[v] + " vs base", "difference", "relative change"}};
    for (const auto& k : key_outcomes) {
      const auto& pd = statistics.paired(v, k.metric);
      const auto diff = pd.difference_interval();
      rows.push_back({"  " + k.label, interval_text(diff.estimate, diff.low, diff.high, metrics[k.metric].unit, true),
                      metrics[k.metric].unit == "1" ? "" : percent_change(pd.relative_interval())});
    }
    print_grid(out, rows);
    std::fputc('\n', out);
  }
}

}  // namespace

void print_outcome_table(std::FILE* out, const std::vector<std::string>& variant_names,
                         const std::vector<sim::MetricSpec>& metrics, const experiment::VariantStatistics& statistics,
                         bool brief) {
  const std::vector<KeyOutcome> key_outcomes = key_outcomes_of(metrics);
  const bool glance = has_headline(variant_names, key_outcomes);
  if (!(brief && glance)) {
    print_variant_means(out, variant_names, metrics, key_outcomes, statistics);
    print_paired_effects(out, variant_names, metrics, key_outcomes, statistics);
  }
  if (glance) print_headline_table(out, variant_names, metrics, key_outcomes, statistics);
}

void print_headline_table(std::FILE* out, const std::vector<std::string>& variant_names,
                          const std::vector<sim::MetricSpec>& metrics, const std::vector<KeyOutcome>& key_outcomes,
                          const experiment::VariantStatistics& statistics) {
  std::vector<const KeyOutcome*> columns;
  for (const auto& k : key_outcomes) {
    if (k.headline_column > 0) columns.push_back(&k);
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const KeyOutcome* a, const KeyOutcome* b) { return a->headline_column < b->headline_column; });
  std::size_t pairs = 0;
  std::vector<std::vector<std::string>> rows{{"what-if"}};
  for (const KeyOutcome* k : columns) rows.front().push_back(k->label);
  rows.push_back({variant_names.front() + " (level)"});  // what the changes are relative to
  for (const KeyOutcome* k : columns) {
    rows.back().push_back(format_value(statistics.mean(0, k->metric).estimate, metrics[k->metric].unit));
  }
  for (std::size_t v = 1; v < variant_names.size(); ++v) {
    rows.push_back({variant_names[v]});
    for (const KeyOutcome* k : columns) {
      const auto& pd = statistics.paired(v, k->metric);
      pairs = std::max(pairs, pd.count());
      rows.back().push_back(headline_change(pd, metrics[k->metric].unit));
    }
  }
  std::fprintf(out, "At a glance: change from base, 95%% CI (paired over %zu replicates with common random numbers)\n\n",
               pairs);
  print_grid(out, rows);
  std::fputc('\n', out);
}

}  // namespace alignsim::cli
