#include "models/metric_catalog.hpp"

#include <array>
#include <string>
#include <string_view>

#include "models/mechanisms/mechanism.hpp"

namespace alignsim::model {
namespace {

using sim::Better;

// One row of a metric table. Plain literals, so the table is constexpr and its order
// can be checked at compile time.
template <typename Id>
struct MetricRow {
  Id id;
  const char* name;
  const char* unit;
  const char* meaning;
  const char* label;
  int key_outcome_rank = 0;
  int headline_rank = 0;
  Better better = Better::neither;
  // The mechanism the metric shows (docs/model.md); its tag opens the meaning.
  Mechanism mechanism = Mechanism::none;
};

template <typename Id, std::size_t N>
constexpr bool in_enum_order(const std::array<MetricRow<Id>, N>& rows) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(rows[i].id) != i) return false;
  }
  return N == static_cast<std::size_t>(Id::count);
}

// Every metric of this model is a count, amount, duration, level or share: none is
// negative. Shares and trust levels (0-1) also cannot exceed 1, except marketing spend
// over bookings, which can.
template <typename Id, std::size_t N>
std::vector<sim::MetricSpec> specs_of(const std::array<MetricRow<Id>, N>& rows) {
  std::vector<sim::MetricSpec> specs;
  for (const MetricRow<Id>& row : rows) {
    const std::string tag = mechanism_tag(row.mechanism);
    sim::MetricSpec spec{row.name, row.unit, tag.empty() ? std::string(row.meaning) : tag + ": " + row.meaning};
    spec.lowest = 0.0;
    const bool unit_interval = (spec.unit == "1" || spec.unit == "trust") &&
                               spec.name != "marketing_budget_share_of_revenue";
    if (unit_interval) spec.highest = 1.0;
    spec.label = row.label;
    spec.key_outcome_rank = row.key_outcome_rank;
    spec.headline_rank = row.headline_rank;
    spec.better = row.better;
    specs.push_back(std::move(spec));
  }
  return specs;
}

// Key-outcome ranks order the executive's summary: the funnel, the money, trust, then
// one line per alignment mechanism (prospecting to enablement), so every what-if shows its lever. The four
// headline ranks are the "at a glance" columns.
constexpr std::array<MetricRow<Summary>, static_cast<std::size_t>(Summary::count)> kSummary{{
    {Summary::inquiries, "inquiries", "inquiries", "inquiries made (a prospect that engages again counts again)",
     "inquiries", 0, 0, Better::higher},
    {Summary::mqls, "mqls", "leads", "inquiries that became marketing-qualified leads",
     "MQLs", 1, 0, Better::neither},
    {Summary::mqls_worked, "mqls_worked", "leads", "MQLs a rep decided to work (pursue)",
     "MQLs worked", 0, 0, Better::higher},
    {Summary::mqls_ignored, "mqls_ignored", "leads", "MQLs never pursued (the black hole)",
     "MQLs ignored", 0, 0, Better::lower},
    {Summary::share_mqls_ignored, "share_mqls_ignored", "1", "mqls_ignored / mqls: share of MQLs never pursued",
     "share of MQLs ignored", 2, 3, Better::lower},
    {Summary::response_within_1h_share, "response_within_1h_share", "1", "share of MQLs first answered within 1 hour",
     "answered within 1 h", 0, 0, Better::higher},
    {Summary::response_1_to_24h_share, "response_1_to_24h_share", "1", "share of MQLs first answered after 1 to 24 hours",
     "answered in 1-24 h", 0, 0, Better::neither},
    {Summary::response_over_24h_share, "response_over_24h_share", "1", "share of MQLs first answered after more than 24 hours",
     "answered after 24 h", 0, 0, Better::lower},
    {Summary::response_never_share, "response_never_share", "1", "share of MQLs never answered at all",
     "never answered", 0, 0, Better::lower},
    {Summary::mean_response_hours, "mean_response_hours", "h", "mean hours to first response among answered MQLs",
     "mean response time", 0, 0, Better::lower},
    {Summary::median_response_hours, "median_response_hours", "h", "median hours to first response among answered MQLs",
     "median response time", 3, 4, Better::lower},
    {Summary::p90_response_hours, "p90_response_hours", "h", "90th percentile of hours to first response among answered MQLs",
     "90th percentile response time", 0, 0, Better::lower},
    {Summary::qualified, "qualified", "opportunities", "leads (marketing and own) that qualified as sales opportunities",
     "opportunities", 0, 0, Better::higher},
    {Summary::wins, "wins", "deals", "opportunities won",
     "deals won", 5, 2, Better::higher},
    {Summary::losses, "losses", "deals", "opportunities lost",
     "deals lost", 0, 0, Better::lower},
    {Summary::win_rate, "win_rate", "1", "wins / (wins + losses)",
     "win rate", 4, 0, Better::higher},
    {Summary::bookings_usd, "bookings_usd", "USD", "value of deals won",
     "bookings", 6, 1, Better::higher},
    {Summary::key_account_wins, "key_account_wins", "deals", "deals won with key accounts",
     "key-account deals won", 0, 0, Better::higher},
    {Summary::customers_end, "customers_end", "accounts", "customers at the end of the horizon",
     "customers at the end", 14, 0, Better::higher},
    {Summary::open_pipeline_end, "open_pipeline_end", "opportunities", "opportunities still open at the end of the horizon",
     "open pipeline at the end", 0, 0, Better::higher},
    {Summary::mean_rep_trust_end, "mean_rep_trust_end", "trust", "mean trust of active reps in marketing leads at the end",
     "mean rep trust (0-1)", 7, 0, Better::higher},
    {Summary::inquiry_to_mql, "inquiry_to_mql", "1", "mqls / inquiries",
     "inquiry to MQL", 0, 0, Better::neither},
    {Summary::mql_to_worked, "mql_to_worked", "1", "mqls_worked / mqls",
     "MQL to worked", 0, 0, Better::higher},
    {Summary::worked_to_qualified, "worked_to_qualified", "1", "qualified marketing leads / mqls_worked",
     "worked to opportunity", 0, 0, Better::higher},
    {Summary::qualified_to_won, "qualified_to_won", "1", "wins / qualified",
     "opportunity to win", 0, 0, Better::higher},
    {Summary::inquiry_to_customer, "inquiry_to_customer", "1", "wins of marketing-sourced leads / inquiries",
     "inquiry to customer", 0, 0, Better::higher},
    {Summary::own_leads, "own_leads", "leads", "leads reps found by their own prospecting",
     "own leads found by reps", 0, 0, Better::neither, Mechanism::prospecting},
    {Summary::hoarded_leads, "hoarded_leads", "leads", "own leads hidden from marketing",
     "own leads hidden from marketing", 9, 0, Better::lower, Mechanism::prospecting},
    {Summary::sales_sourced_wins, "sales_sourced_wins", "deals", "wins from reps' own leads",
     "deals won from reps' own leads", 0, 0, Better::neither, Mechanism::prospecting},
    {Summary::selling_time_share, "selling_time_share", "1", "share of rep hours spent selling",
     "rep time selling", 0, 0, Better::higher},
    {Summary::prospecting_time_share, "prospecting_time_share", "1", "share of rep hours spent on own prospecting",
     "rep time on own prospecting", 8, 0, Better::neither, Mechanism::prospecting},
    {Summary::lead_followup_time_share, "lead_followup_time_share", "1", "share of rep hours spent on first contacts of marketing leads",
     "rep time on marketing leads", 0, 0, Better::neither},
    {Summary::scoring_noise_end, "scoring_noise_end", "score", "marketing's lead-scoring noise (sd) at the end",
     "lead-scoring noise (sd)", 10, 0, Better::lower, Mechanism::feedback},
    {Summary::content_relevance_end, "content_relevance_end", "1", "relevance of marketing content at the end",
     "content relevance (0-1)", 11, 0, Better::higher, Mechanism::content},
    {Summary::marketing_spend_usd, "marketing_spend_usd", "USD", "marketing spend over the horizon",
     "marketing spend", 0, 0, Better::neither, Mechanism::budget},
    {Summary::marketing_budget_share_of_revenue, "marketing_budget_share_of_revenue", "1", "marketing_spend_usd / bookings_usd",
     "marketing budget / revenue", 12, 0, Better::neither, Mechanism::budget},
    {Summary::reps_end, "reps_end", "reps", "active reps at the end",
     "reps at the end", 13, 0, Better::neither, Mechanism::budget},
    {Summary::churned, "churned", "accounts", "customers lost over the horizon",
     "customers lost", 0, 0, Better::lower, Mechanism::churn},
    {Summary::retention, "retention", "1", "customers at the end / (customers at the start + wins)",
     "customer retention", 15, 0, Better::higher, Mechanism::churn},
    {Summary::framework_adoption_end, "framework_adoption_end", "1", "share of active reps using the selling framework at the end",
     "reps using the selling framework", 16, 0, Better::higher, Mechanism::enablement},
    {Summary::feedback_reports, "feedback_reports", "reports", "reasons for rejected leads reported to marketing",
     "feedback reports", 0, 0, Better::neither, Mechanism::feedback},
    {Summary::mean_sales_cycle_days, "mean_sales_cycle_days", "business days",
     "mean business days from an opportunity's opening to its decision, over the decisions of the horizon",
     "sales cycle", 0, 0, Better::lower},
}};
static_assert(in_enum_order(kSummary), "kSummary must list every Summary value, in enum order");

constexpr std::array<MetricRow<Series>, static_cast<std::size_t>(Series::count)> kSeries{{
    {Series::inquiries, "inquiries", "inquiries/period", "inquiries in the period",
     "inquiries", 0, 0, Better::higher},
    {Series::mqls, "mqls", "leads/period", "MQLs in the period",
     "MQLs", 0, 0, Better::neither},
    {Series::mqls_worked, "mqls_worked", "leads/period", "MQLs worked in the period (by decision day)",
     "MQLs worked", 0, 0, Better::higher},
    {Series::mqls_ignored, "mqls_ignored", "leads/period", "MQLs never pursued, by decision day",
     "MQLs ignored", 0, 0, Better::lower},
    {Series::share_mqls_ignored, "share_mqls_ignored", "1", "share of the period's MQLs never pursued",
     "share of MQLs ignored", 0, 0, Better::lower},
    {Series::mean_response_hours, "mean_response_hours", "h", "mean hours to first response of MQLs answered in the period",
     "mean response time", 0, 0, Better::lower},
    {Series::qualified, "qualified", "opportunities/period", "opportunities created in the period",
     "opportunities", 0, 0, Better::higher},
    {Series::wins, "wins", "deals/period", "deals won in the period",
     "deals won", 0, 0, Better::higher},
    {Series::bookings_usd, "bookings_usd", "USD/period", "bookings in the period",
     "bookings", 0, 0, Better::higher},
    {Series::customers, "customers", "accounts", "customers at the end of the period",
     "customers", 0, 0, Better::higher},
    {Series::open_pipeline, "open_pipeline", "opportunities", "open opportunities at the end of the period",
     "open pipeline", 0, 0, Better::higher},
    {Series::mean_rep_trust, "mean_rep_trust", "trust", "mean trust of active reps at the end of the period",
     "mean rep trust (0-1)", 0, 0, Better::higher},
    {Series::own_leads, "own_leads", "leads/period", "own leads found in the period",
     "own leads found by reps", 0, 0, Better::neither, Mechanism::prospecting},
    {Series::churned, "churned", "accounts/period", "customers lost in the period",
     "customers lost", 0, 0, Better::lower, Mechanism::churn},
    {Series::scoring_noise, "scoring_noise", "score", "scoring noise (sd) at the end of the period",
     "lead-scoring noise (sd)", 0, 0, Better::lower, Mechanism::feedback},
    {Series::content_relevance, "content_relevance", "1", "content relevance at the end of the period",
     "content relevance (0-1)", 0, 0, Better::higher, Mechanism::content},
    {Series::marketing_spend_usd, "marketing_spend_usd", "USD/period", "marketing spend in the period",
     "marketing spend", 0, 0, Better::neither, Mechanism::budget},
    {Series::reps, "reps", "reps", "active reps at the end of the period",
     "reps", 0, 0, Better::neither, Mechanism::budget},
    {Series::framework_adoption, "framework_adoption", "1", "share of active reps using the framework at the end of the period",
     "reps using the selling framework", 0, 0, Better::higher, Mechanism::enablement},
    {Series::prospecting_time_share, "prospecting_time_share", "1", "share of rep hours on own prospecting in the period",
     "rep time on own prospecting", 0, 0, Better::neither, Mechanism::prospecting},
    {Series::selling_time_share, "selling_time_share", "1", "share of rep hours spent selling in the period",
     "rep time selling", 0, 0, Better::higher},
}};
static_assert(in_enum_order(kSeries), "kSeries must list every Series value, in enum order");

// The report's charts (scripts/plot), each a list of this model's metrics in drawing
// order: the effects panels and sweep charts, the funnel (stage counts, then the
// conversion rate of each step), the fan charts, and the individual-runs chart of the
// hot-stove loop of follow-up and trust (docs/model.md): trust falls, so leads are
// ignored, so trust cannot recover.
constexpr std::array kEffectPanels{Summary::bookings_usd, Summary::wins, Summary::win_rate,
                                   Summary::share_mqls_ignored, Summary::median_response_hours,
                                   Summary::mean_rep_trust_end};
constexpr std::array kFunnel{Summary::inquiries, Summary::mqls, Summary::mqls_worked, Summary::qualified,
                             Summary::wins, Summary::inquiry_to_mql, Summary::mql_to_worked,
                             Summary::worked_to_qualified, Summary::qualified_to_won, Summary::inquiry_to_customer};
constexpr std::array kFanCharts{Series::bookings_usd, Series::wins, Series::customers, Series::share_mqls_ignored,
                                Series::mean_response_hours, Series::mean_rep_trust};
constexpr std::array kRunsChart{Series::mean_rep_trust, Series::share_mqls_ignored};
// The report's agent charts: marketers' choices over time, and the per-rep view.
constexpr std::array kMarketerChart{MarketerColumn::scoring_bar, MarketerColumn::mean_rep_trust};
constexpr std::array kRepChart{RepColumn::median_response_hours, RepColumn::leads_worked, RepColumn::trust_at_end};

// Rank r (1-based) for the metric at position r-1 of `chart`.
template <typename Id, std::size_t N>
void rank_by(const std::array<Id, N>& chart, std::vector<sim::MetricSpec>& specs, int sim::MetricSpec::*rank) {
  for (std::size_t i = 0; i < N; ++i) specs[static_cast<std::size_t>(chart[i])].*rank = static_cast<int>(i + 1);
}

// The agent tables' columns, in the enums' order. Counts of a rep include its own
// prospecting's leads where the summary's do (qualified, won, bookings), so a run's
// column sums equal its summary totals.
constexpr std::array<MetricRow<RepColumn>, static_cast<std::size_t>(RepColumn::count)> kRepColumns{{
    {RepColumn::experience_years, "experience_years", "years",
     "selling experience at the end of the run, or when the rep left", "experience", 0, 0, Better::neither,
     Mechanism::turnover},
    {RepColumn::capacity_multiplier, "capacity_multiplier", "multiple of the average rep",
     "lead-handling speed relative to the average rep (drawn at hire)", "capacity", 0, 0, Better::neither,
     Mechanism::response},
    {RepColumn::active_at_end, "active_at_end", "1", "1 if the rep is still on the team at the end of the run, else 0",
     "active at end", 0, 0, Better::neither, Mechanism::turnover},
    {RepColumn::leads_received, "leads_received", "leads", "marketing MQLs routed to the rep",
     "MQLs received", 0, 0, Better::neither, Mechanism::routing},
    {RepColumn::leads_worked, "leads_worked", "leads", "MQLs the rep decided to work (pursue)",
     "MQLs worked", 0, 0, Better::higher, Mechanism::followup},
    {RepColumn::leads_ignored, "leads_ignored", "leads", "MQLs the rep never pursued",
     "MQLs ignored", 0, 0, Better::lower, Mechanism::followup},
    {RepColumn::median_response_hours, "median_response_hours", "hours",
     "median hours to the rep's first responses (worked MQLs and courtesy replies); NaN without one",
     "median response time", 0, 0, Better::lower, Mechanism::response},
    {RepColumn::qualified, "qualified", "opportunities",
     "opportunities the rep opened (from MQLs and its own prospecting)", "qualified", 0, 0, Better::higher,
     Mechanism::qualification},
    {RepColumn::won, "won", "deals", "deals the rep won", "deals won", 0, 0, Better::higher, Mechanism::close},
    {RepColumn::bookings_usd, "bookings_usd", "USD", "value of the deals the rep won", "bookings", 0, 0,
     Better::higher, Mechanism::close},
    {RepColumn::own_prospecting_share, "own_prospecting_share", "1",
     "share of the rep's working hours spent on its own prospecting", "own prospecting share", 0, 0,
     Better::neither, Mechanism::prospecting},
    {RepColumn::trust_at_end, "trust_at_end", "trust", "the rep's trust in marketing's leads at the end of the run",
     "trust at end", 0, 0, Better::higher, Mechanism::trust},
}};
constexpr std::array<MetricRow<FunnelColumn>, static_cast<std::size_t>(FunnelColumn::count)> kFunnelColumns{{
    {FunnelColumn::leads, "leads", "leads", "MQLs whose first response fell in the bucket", "MQLs", 0, 0,
     Better::neither, Mechanism::response},
    {FunnelColumn::worked, "worked", "leads", "of those, MQLs a rep worked", "worked", 0, 0, Better::higher,
     Mechanism::followup},
    {FunnelColumn::qualified, "qualified", "opportunities", "of those, MQLs that became opportunities", "qualified",
     0, 0, Better::higher, Mechanism::qualification},
}};
constexpr std::array<MetricRow<MarketerColumn>, static_cast<std::size_t>(MarketerColumn::count)> kMarketerColumns{{
    {MarketerColumn::scoring_bar, "scoring_bar", "score", "the marketer's scoring bar at the end of the period",
     "scoring bar", 0, 0, Better::neither, Mechanism::marketers},
    {MarketerColumn::mqls, "mqls", "leads", "MQLs from the marketer's programme in the period", "MQLs", 0, 0,
     Better::neither, Mechanism::marketers},
    {MarketerColumn::worked, "worked", "leads", "of those, MQLs a rep worked", "MQLs worked", 0, 0, Better::higher,
     Mechanism::marketers},
    {MarketerColumn::bookings_usd, "bookings_usd", "USD", "value of deals won in the period from the marketer's leads",
     "bookings from its leads", 0, 0, Better::higher, Mechanism::marketers},
    {MarketerColumn::pay_usd, "pay_usd", "USD", "the marketer's pay for the period under its plan",
     "pay", 0, 0, Better::neither, Mechanism::marketers},
    {MarketerColumn::field_time_share, "field_time_share", "1",
     "share of the marketer's time with reps and customers (the rest on campaigns)", "field time", 0, 0,
     Better::neither, Mechanism::marketers},
    {MarketerColumn::content_relevance, "content_relevance", "1",
     "relevance of the marketer's content at the end of the period", "content relevance", 0, 0, Better::higher,
     Mechanism::marketers},
    {MarketerColumn::mean_rep_trust, "mean_rep_trust", "trust",
     "active reps' mean trust in the marketer's leads at the end of the period", "reps' trust in its leads", 0, 0,
     Better::higher, Mechanism::marketers},
    {MarketerColumn::budget_share, "budget_share", "1",
     "the marketer's share of the marketing budget at the end of the period (marketers.budget_rule moves it)",
     "budget share", 0, 0, Better::neither, Mechanism::marketers},
    {MarketerColumn::spend_usd, "spend_usd", "USD", "marketing budget the marketer's programme spent in the period",
     "spend", 0, 0, Better::neither, Mechanism::marketers},
}};
static_assert(in_enum_order(kRepColumns) && in_enum_order(kFunnelColumns) && in_enum_order(kMarketerColumns));

std::vector<sim::AgentTableSpec> agent_tables() {
  std::vector<sim::AgentTableSpec> tables(static_cast<std::size_t>(AgentTable::count));
  tables[static_cast<std::size_t>(AgentTable::reps)] = {
      "reps", "rep", "rep id (hire order; every rep ever hired in the run, NaN past the run's last hire)", {}, false,
      specs_of(kRepColumns)};
  tables[static_cast<std::size_t>(AgentTable::funnel_by_response)] = {
      "funnel_by_response", "response_bucket", "hours from an MQL to its first response",
      {"within_1h", "1_to_2h", "2_to_24h", "over_24h", "never"}, false, specs_of(kFunnelColumns)};
  tables[static_cast<std::size_t>(AgentTable::marketers)] = {
      "marketers", "marketer", "marketer id (its programme reaches prospects id mod marketers.count)", {}, true,
      specs_of(kMarketerColumns)};
  return tables;
}

sim::OutputLayout charted_layout() {
  sim::OutputLayout layout{specs_of(kSummary), specs_of(kSeries), agent_tables()};
  rank_by(kEffectPanels, layout.summary, &sim::MetricSpec::chart_rank);
  rank_by(kFunnel, layout.summary, &sim::MetricSpec::funnel_rank);
  rank_by(kFanCharts, layout.series, &sim::MetricSpec::chart_rank);
  rank_by(kRunsChart, layout.series, &sim::MetricSpec::runs_chart_rank);
  rank_by(kMarketerChart, layout.agent_tables[static_cast<std::size_t>(AgentTable::marketers)].columns,
          &sim::MetricSpec::chart_rank);
  rank_by(kRepChart, layout.agent_tables[static_cast<std::size_t>(AgentTable::reps)].columns,
          &sim::MetricSpec::chart_rank);
  return layout;
}

}  // namespace

ResponseBucket response_bucket(double hours) noexcept {
  if (hours < 1.0) return ResponseBucket::within_1h;
  if (hours < 2.0) return ResponseBucket::one_to_2h;
  if (hours <= 24.0) return ResponseBucket::two_to_24h;
  return ResponseBucket::over_24h;
}

const sim::OutputLayout& model_output_layout() {
  static const sim::OutputLayout layout = charted_layout();
  return layout;
}

}  // namespace alignsim::model
