#pragma once
// The terminal report of `alignsim run`: key outcomes per variant as mean with 95% CI,
// and each what-if's paired difference to the base.
#include <cstdio>
#include <string>
#include <vector>

#include "experiment/outcome_text.hpp"
#include "experiment/variant_statistics.hpp"
#include "sim/run_output.hpp"

namespace alignsim::cli {

// The formatting lives in experiment/outcome_text.hpp, shared with the live explorer.
using experiment::format_difference;
using experiment::format_half_width;
using experiment::format_value;
using experiment::key_outcomes_of;
using experiment::KeyOutcome;

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
