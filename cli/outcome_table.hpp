#pragma once
// The terminal report of `alignsim run`: key outcomes per variant as mean with 95% CI,
// and each what-if's paired difference to the base.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/variant_statistics.hpp"
#include "sim/metrics.hpp"

namespace alignsim::cli {

struct KeyOutcome {
  std::size_t metric;  // index into the summary metrics
  std::string label;   // what an executive calls it
};

// Human formatting by unit: "1" (a share) as a percentage, "USD" as $1.2M, others with
// thousands separators and three significant digits.
[[nodiscard]] std::string format_value(double value, const std::string& unit);
// A difference: signed; shares in percentage points.
[[nodiscard]] std::string format_difference(double value, const std::string& unit);

void print_outcome_table(std::FILE* out, const std::vector<std::string>& variant_names,
                         const std::vector<sim::MetricSpec>& metrics, const std::vector<KeyOutcome>& key_outcomes,
                         const VariantStatistics& statistics);

}  // namespace alignsim::cli
