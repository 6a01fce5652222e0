#pragma once
// What one run produces, described generically so the runner, statistics and the
// results writer need not know the model.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace alignsim::sim {

// Which way a metric should move for the business: what the report colours as better.
enum class Better { neither, higher, lower };

struct MetricSpec {
  std::string name;     // dataset name, snake_case
  std::string unit;     // e.g. "leads", "hours", "USD", "1" for ratios
  std::string meaning;  // one line, written as the HDF5 long_name attribute
  // The range every value lies in (e.g. 0 and 1 for a share). Confidence intervals of
  // the mean are clipped to it: a t interval of a share can reach below 0 with few
  // replicates, and the true mean cannot.
  double lowest = -std::numeric_limits<double>::infinity();
  double highest = std::numeric_limits<double>::infinity();
  // How the metric is presented. They travel in the results file (attributes of each
  // dataset, docs/output-format.md), so the terminal tables and the report read them
  // from there and never name a model's metric.
  std::string label{};        // what an executive calls it; empty: the name
  int key_outcome_rank = 0;   // > 0: a row of the key-outcome tables, in this order
  int headline_rank = 0;      // > 0: a column of the "at a glance" table, in this order
  Better better = Better::neither;
  // Which of the report's generic charts draw the metric (0: none), in rising order:
  // chart_rank, a panel of the effects and sweep charts (summary) or a fan chart
  // (series); funnel_rank, a bar group of the funnel chart (counts are stages, shares
  // the conversion steps); runs_chart_rank, a panel of the individual-runs chart (series).
  int chart_rank = 0;
  int funnel_rank = 0;
  int runs_chart_rank = 0;

  [[nodiscard]] const std::string& shown_name() const noexcept { return label.empty() ? name : label; }
};

[[nodiscard]] inline const char* better_name(Better better) noexcept {
  switch (better) {
    case Better::higher: return "higher";
    case Better::lower: return "lower";
    case Better::neither: break;
  }
  return "neither";
}

struct OutputLayout {
  std::vector<MetricSpec> summary;  // one value per run
  std::vector<MetricSpec> series;   // one value per run and reporting period
};

// Reporting periods of a run: ceil(horizon_days / period_days), at least 1.
[[nodiscard]] inline std::size_t reporting_periods(std::int64_t horizon_days, std::int64_t period_days) noexcept {
  if (horizon_days < 1 || period_days < 1) return 1;
  return static_cast<std::size_t>((horizon_days + period_days - 1) / period_days);
}

// One run's results. summary[m]; series[m * periods + p]. Non-finite values are NaN
// by convention (e.g. a median with no responses).
struct RunOutput {
  std::vector<double> summary;
  std::vector<double> series;
  std::string error;  // non-empty when the run failed; values are then NaN
};

}  // namespace alignsim::sim
