#include "cli/outcome_table.hpp"

#include <algorithm>
#include <cmath>

namespace alignsim::cli {
namespace {

std::string with_separators(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string digits(buffer);
  const auto dot = digits.find('.');
  std::string integer = digits.substr(0, dot), rest = dot == std::string::npos ? "" : digits.substr(dot);
  for (int i = static_cast<int>(integer.size()) - 3; i > 0; i -= 3) integer.insert(static_cast<std::size_t>(i), ",");
  return (value < 0 ? "-" : "") + integer + rest;
}

// Decimals that keep three significant digits for numbers below 100.
int decimals_for(double magnitude) {
  if (magnitude >= 100 || magnitude == 0) return 0;
  if (magnitude >= 10) return 1;
  if (magnitude >= 1) return 2;
  return 3;
}

std::string money(double value) {
  const double a = std::fabs(value);
  char buffer[64];
  if (a >= 1e9) std::snprintf(buffer, sizeof buffer, "$%.2fB", a / 1e9);
  else if (a >= 1e6) std::snprintf(buffer, sizeof buffer, "$%.2fM", a / 1e6);
  else if (a >= 1e3) std::snprintf(buffer, sizeof buffer, "$%.1fk", a / 1e3);
  else std::snprintf(buffer, sizeof buffer, "$%.0f", a);
  return (value < 0 ? "-" : "") + std::string(buffer);
}

std::string signed_text(double value, const std::string& text) { return (value >= 0 ? "+" : "") + text; }

std::string interval_text(double estimate, double low, double high, const std::string& unit, bool difference) {
  auto f = [&](double v) { return difference ? format_difference(v, unit) : format_value(v, unit); };
  if (!std::isfinite(low) || !std::isfinite(high)) return f(estimate);
  return f(estimate) + " (" + f(low) + " to " + f(high) + ")";
}

std::string percent_change(const sim::ConfidenceInterval& rel) {
  if (!std::isfinite(rel.estimate)) return "";
  char buffer[96];
  if (std::isfinite(rel.low)) {
    std::snprintf(buffer, sizeof buffer, "%+.1f%% (%+.1f%% to %+.1f%%)", 100 * rel.estimate, 100 * rel.low,
                  100 * rel.high);
  } else {
    std::snprintf(buffer, sizeof buffer, "%+.1f%%", 100 * rel.estimate);
  }
  return buffer;
}

bool has_headline(const std::vector<std::string>& variant_names, const std::vector<KeyOutcome>& key_outcomes) {
  return variant_names.size() > 1 &&
         std::any_of(key_outcomes.begin(), key_outcomes.end(), [](const KeyOutcome& k) { return k.headline_column > 0; });
}

// Amounts as a relative change, shares in percentage points (a relative change of a
// share, "-6% of 60%", reads as a level).
std::string headline_change(const sim::PairedDifference& pd, const std::string& unit) {
  if (unit != "1") {
    const std::string relative = percent_change(pd.relative_interval());
    if (!relative.empty()) return relative;
  }
  const auto diff = pd.difference_interval();
  return interval_text(diff.estimate, diff.low, diff.high, unit, true);
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

}  // namespace

std::string format_value(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  if (unit == "1") return with_separators(100 * value, 1) + "%";
  if (unit == "USD") return money(value);
  if (unit == "h") return with_separators(value, decimals_for(std::fabs(value))) + " h";
  return with_separators(value, decimals_for(std::fabs(value)));
}

namespace {

// A difference's text without a leading "+": shares in percentage points.
std::string difference_magnitude(double value, const std::string& unit) {
  return unit == "1" ? with_separators(100 * value, 1) + " pts" : format_value(value, unit);
}

}  // namespace

std::string format_difference(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  return signed_text(value, difference_magnitude(value, unit));
}

std::string format_half_width(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  return "+-" + difference_magnitude(value, unit);
}

namespace {

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

std::vector<KeyOutcome> key_outcomes_of(const std::vector<sim::MetricSpec>& summary) {
  std::vector<KeyOutcome> outcomes;
  for (std::size_t m = 0; m < summary.size(); ++m) {
    if (summary[m].key_outcome_rank > 0) outcomes.push_back({m, summary[m].shown_name(), summary[m].headline_rank});
  }
  std::stable_sort(outcomes.begin(), outcomes.end(), [&](const KeyOutcome& a, const KeyOutcome& b) {
    return summary[a.metric].key_outcome_rank < summary[b.metric].key_outcome_rank;
  });
  if (!outcomes.empty()) return outcomes;
  for (std::size_t m = 0; m < summary.size(); ++m) outcomes.push_back({m, summary[m].shown_name(), summary[m].headline_rank});
  return outcomes;
}

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
