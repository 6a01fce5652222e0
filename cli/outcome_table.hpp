#pragma once
// The terminal report of `alignsim run`: key outcomes per variant as mean with 95% CI,
// and each what-if's paired difference to the base.
#include <cstdio>
#include <string>
#include <vector>

#include "experiment/variant_statistics.hpp"
#include "sim/run_output.hpp"

namespace alignsim::cli {

struct KeyOutcome {
  std::size_t metric;     // index into the summary metrics
  std::string label;      // what an executive calls it
  int headline_column = 0;  // > 0: a column of the "at a glance" table, in this order
};

// The rows of the key-outcome tables: the metrics the model ranks as key outcomes
// (MetricSpec::key_outcome_rank), in rank order; a model that ranks none shows every
// summary metric.
[[nodiscard]] std::vector<KeyOutcome> key_outcomes_of(const std::vector<sim::MetricSpec>& summary);

// Human formatting by unit: "1" (a share) as a percentage, "USD" as $1.2M, others with
// thousands separators and three significant digits.
[[nodiscard]] std::string format_value(double value, const std::string& unit);
// A difference: signed; shares in percentage points.
[[nodiscard]] std::string format_difference(double value, const std::string& unit);
// A CI half-width of a difference, "+-" then the magnitude as format_difference shows it.
[[nodiscard]] std::string format_half_width(double value, const std::string& unit);

// Every key outcome per variant (mean and 95% CI), each what-if's paired difference to
// the base, then the "at a glance" table. brief: the "at a glance" table alone (when
// there is one: at least one what-if and at least one headline outcome).
void print_outcome_table(std::FILE* out, const std::vector<std::string>& variant_names,
                         const std::vector<sim::MetricSpec>& metrics, const experiment::VariantStatistics& statistics,
                         bool brief = false);

// "At a glance": one row per what-if, one column per headline outcome, each the paired
// change to the base with its 95% CI (relative for amounts, percentage points for
// shares), under a row with the base's mean levels. Rows start at the left margin,
// unlike the tables above.
void print_headline_table(std::FILE* out, const std::vector<std::string>& variant_names,
                          const std::vector<sim::MetricSpec>& metrics, const std::vector<KeyOutcome>& key_outcomes,
                          const experiment::VariantStatistics& statistics);

}  // namespace alignsim::cli
