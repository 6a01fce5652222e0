#pragma once
// How outcome numbers are written for people: the one home of the text the terminal
// tables (cli/outcome_table.hpp) and the live explorer (explorer/) show, so a number on
// the workshop page reads exactly as `alignsim run` prints it. The report's port is
// scripts/plot/alignsim_plots/outcome_text.py. Pure functions; thread-safe.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/run_output.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::experiment {

// 17 significant digits: the text reads back to the same double (files meant for other
// tools and for git: ensembles, run banks).
[[nodiscard]] std::string round_trip_text(double value);

struct KeyOutcome {
  std::size_t metric;     // index into the summary metrics
  std::string label;      // what an executive calls it
  int headline_column = 0;  // > 0: a column of the "at a glance" table, in this order
};

// The rows of the key-outcome tables: the metrics the model ranks as key outcomes
// (MetricSpec::key_outcome_rank), in rank order; a model that ranks none shows every
// summary metric.
[[nodiscard]] std::vector<KeyOutcome> key_outcomes_of(const std::vector<sim::MetricSpec>& summary);
// The key outcomes that are headline columns, in headline order.
[[nodiscard]] std::vector<KeyOutcome> headline_outcomes_of(const std::vector<sim::MetricSpec>& summary);

// Human formatting by unit: "1" (a share) as a percentage, "USD" as $1.2M, others with
// thousands separators and three significant digits.
[[nodiscard]] std::string format_value(double value, const std::string& unit);
// A difference: signed; shares in percentage points.
[[nodiscard]] std::string format_difference(double value, const std::string& unit);
// A CI half-width of a difference, "+-" then the magnitude as format_difference shows it.
[[nodiscard]] std::string format_half_width(double value, const std::string& unit);
// "estimate (low to high)", as a level or (difference) as a signed difference; the
// estimate alone when the interval is undefined.
[[nodiscard]] std::string interval_text(double estimate, double low, double high, const std::string& unit,
                                        bool difference);
// "+4.2% (+3.1% to +5.3%)" of a relative interval; "" when it is undefined.
[[nodiscard]] std::string percent_change(const sim::ConfidenceInterval& relative);
// The "at a glance" cell: amounts as a relative change, shares in percentage points (a
// relative change of a share, "-6% of 60%", reads as a level).
[[nodiscard]] std::string headline_change(const sim::PairedDifference& paired, const std::string& unit);

}  // namespace alignsim::experiment
