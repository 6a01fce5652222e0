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

// A table of values per agent (or per other row) of one run, written as the group
// /agents/NAME with one dataset per column (docs/output-format.md). Rows are e.g. the
// reps ever hired in a run, whose number depends on the scenario: the model reports how
// many each prepared run needs (PreparedRun::agent_table_rows), the file holds the
// largest over the experiment and rows a run lacks are NaN. With fixed row labels the
// labels are the rows (a string coordinate).
struct AgentTableSpec {
  std::string name;       // group under /agents, snake_case
  std::string dimension;  // the row dimension, e.g. "rep"
  std::string meaning;    // one line: what a row is (long_name of the row coordinate)
  std::vector<std::string> row_labels{};  // empty: rows numbered 0 .. rows-1
  bool per_period = false;  // values per row and reporting period; else one per row per run
  std::vector<MetricSpec> columns;
};

struct OutputLayout {
  std::vector<MetricSpec> summary;  // one value per run
  std::vector<MetricSpec> series;   // one value per run and reporting period
  std::vector<AgentTableSpec> agent_tables{};  // values per row (and period) of a run
};

// Values one run gives table `table` with `rows` rows: columns x rows (x periods).
[[nodiscard]] inline std::size_t agent_table_values(const AgentTableSpec& table, std::size_t rows,
                                                    std::size_t periods) noexcept {
  return table.columns.size() * rows * (table.per_period ? periods : 1);
}

// Reporting periods of a run: ceil(horizon_days / period_days), at least 1.
[[nodiscard]] inline std::size_t reporting_periods(std::int64_t horizon_days, std::int64_t period_days) noexcept {
  if (horizon_days < 1 || period_days < 1) return 1;
  return static_cast<std::size_t>((horizon_days + period_days - 1) / period_days);
}

// One run's results. summary[m]; series[m * periods + p]; agents holds the agent
// tables one after another, each [column][row][period] (period only if per_period), so
// table t, column c, row r, period p is at offset_t + (c * rows_t + r) * periods_t + p.
// A model fills its own rows; the experiment pads each table to the file's rows with
// NaN before the run goes anywhere else. Non-finite values are NaN by convention (e.g. a
// median with no responses).
struct RunOutput {
  std::vector<double> summary;
  std::vector<double> series;
  std::string error;  // non-empty when the run failed; values are then NaN
  // After error, so {summary, series, error} still initialises a run without agent tables.
  std::vector<double> agents{};  // empty when the layout has no agent tables, or the run failed
};

}  // namespace alignsim::sim
