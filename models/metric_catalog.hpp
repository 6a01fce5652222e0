#pragma once
// The sales-marketing model's metrics, defined once: name, unit, meaning and how each
// is presented (the executive's label, its place in the key-outcome and "at a glance"
// tables, which way is better). The enums index the tables of metric_catalog.cpp, whose
// order static_asserts check, so an enum and its table cannot disagree.
#include <cstddef>

#include "sim/run_output.hpp"

namespace alignsim::model {

// Indices into OutputLayout::summary.
enum class Summary : std::size_t {
  inquiries, mqls, mqls_worked, mqls_ignored, share_mqls_ignored,
  response_within_1h_share, response_1_to_24h_share, response_over_24h_share, response_never_share,
  mean_response_hours, median_response_hours, p90_response_hours,
  qualified, wins, losses, win_rate, bookings_usd, key_account_wins, customers_end, open_pipeline_end,
  mean_rep_trust_end, inquiry_to_mql, mql_to_worked, worked_to_qualified, qualified_to_won, inquiry_to_customer,
  own_leads, hoarded_leads, sales_sourced_wins, selling_time_share, prospecting_time_share, lead_followup_time_share,
  scoring_noise_end, content_relevance_end, marketing_spend_usd, marketing_budget_share_of_revenue, reps_end,
  churned, retention, framework_adoption_end, feedback_reports, mean_sales_cycle_days,
  count
};

// Indices into OutputLayout::series.
enum class Series : std::size_t {
  inquiries, mqls, mqls_worked, mqls_ignored, share_mqls_ignored, mean_response_hours,
  qualified, wins, bookings_usd, customers, open_pipeline, mean_rep_trust,
  own_leads, churned, scoring_noise, content_relevance, marketing_spend_usd, reps, framework_adoption,
  prospecting_time_share, selling_time_share,
  count
};

// Indices into OutputLayout::agent_tables, and the columns and rows of each.
enum class AgentTable : std::size_t { reps, funnel_by_response, marketers, count };
// /agents/reps: one row per rep ever hired in the run (row = rep id), one value per run.
enum class RepColumn : std::size_t {
  experience_years, capacity_multiplier, active_at_end, leads_received, leads_worked, leads_ignored,
  median_response_hours, qualified, won, bookings_usd, own_prospecting_share, trust_at_end,
  count
};
// /agents/funnel_by_response: MQLs by the hours to their first response (worked or a
// courtesy reply), the buckets of the summary's response shares split at 2 h.
enum class ResponseBucket : std::size_t { within_1h, one_to_2h, two_to_24h, over_24h, never, count };
enum class FunnelColumn : std::size_t { leads, worked, qualified, count };

// /agents/marketers: one row per marketer (mechanisms/marketers.hpp), values per reporting period.
enum class MarketerColumn : std::size_t {
  scoring_bar, mqls, worked, bookings_usd, pay_usd, field_time_share, content_relevance, mean_rep_trust,
  budget_share, spend_usd,
  count
};

// The bucket of a first response after `hours` (h < 1, 1 <= h < 2, 2 <= h <= 24, h > 24).
[[nodiscard]] ResponseBucket response_bucket(double hours) noexcept;

// Thread-safe: built once on first use, immutable afterwards.
[[nodiscard]] const sim::OutputLayout& model_output_layout();

}  // namespace alignsim::model
