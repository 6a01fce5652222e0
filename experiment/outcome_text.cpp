#include "experiment/outcome_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace alignsim::experiment {
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

// A difference's text without a leading "+": shares in percentage points.
std::string difference_magnitude(double value, const std::string& unit) {
  return unit == "1" ? with_separators(100 * value, 1) + " pts" : format_value(value, unit);
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

std::vector<KeyOutcome> headline_outcomes_of(const std::vector<sim::MetricSpec>& summary) {
  std::vector<KeyOutcome> columns;
  for (const KeyOutcome& k : key_outcomes_of(summary)) {
    if (k.headline_column > 0) columns.push_back(k);
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const KeyOutcome& a, const KeyOutcome& b) { return a.headline_column < b.headline_column; });
  return columns;
}

std::string format_value(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  if (unit == "1") return with_separators(100 * value, 1) + "%";
  if (unit == "USD") return money(value);
  if (unit == "h") return with_separators(value, decimals_for(std::fabs(value))) + " h";
  return with_separators(value, decimals_for(std::fabs(value)));
}

std::string format_difference(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  return signed_text(value, difference_magnitude(value, unit));
}

std::string format_half_width(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  return "+-" + difference_magnitude(value, unit);
}

std::string interval_text(double estimate, double low, double high, const std::string& unit, bool difference) {
  auto f = [&](double v) { return difference ? format_difference(v, unit) : format_value(v, unit); };
  if (!std::isfinite(low) || !std::isfinite(high)) return f(estimate);
  return f(estimate) + " (" + f(low) + " to " + f(high) + ")";
}

std::string percent_change(const sim::ConfidenceInterval& relative) {
  if (!std::isfinite(relative.estimate)) return "";
  char buffer[96];
  if (std::isfinite(relative.low)) {
    std::snprintf(buffer, sizeof buffer, "%+.1f%% (%+.1f%% to %+.1f%%)", 100 * relative.estimate, 100 * relative.low,
                  100 * relative.high);
  } else {
    std::snprintf(buffer, sizeof buffer, "%+.1f%%", 100 * relative.estimate);
  }
  return buffer;
}

std::string headline_change(const sim::PairedDifference& paired, const std::string& unit) {
  if (unit != "1") {
    const std::string relative = percent_change(paired.relative_interval());
    if (!relative.empty()) return relative;
  }
  const auto diff = paired.difference_interval();
  return interval_text(diff.estimate, diff.low, diff.high, unit, true);
}

std::string round_trip_text(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

}  // namespace alignsim::experiment
