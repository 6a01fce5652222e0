#include "models/metrics.hpp"

#include <cmath>
#include <limits>

#include "sim/stats/statistics.hpp"

namespace alignsim::model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : kNaN; }

// Every metric of this model is a count, amount, duration, level or share: none is
// negative. Shares and trust levels (0-1) also cannot exceed 1, except marketing spend
// over bookings, which can.
std::vector<sim::MetricSpec> with_ranges(std::vector<sim::MetricSpec> specs) {
  for (sim::MetricSpec& spec : specs) {
    spec.lowest = 0.0;
    const bool unit_interval = (spec.unit == "1" || spec.unit == "trust") &&
                               spec.name != "marketing_budget_share_of_revenue";
    if (unit_interval) spec.highest = 1.0;
  }
  return specs;
}

std::vector<sim::MetricSpec> summary_specs() {
  return with_ranges({
      {"inquiries", "inquiries", "inquiries made (a prospect that engages again counts again)"},
      {"mqls", "leads", "inquiries that became marketing-qualified leads"},
      {"mqls_worked", "leads", "MQLs a rep decided to work (pursue)"},
      {"mqls_ignored", "leads", "MQLs never pursued (the black hole)"},
      {"share_mqls_ignored", "1", "mqls_ignored / mqls: share of MQLs never pursued"},
      {"response_within_1h_share", "1", "share of MQLs first answered within 1 hour"},
      {"response_1_to_24h_share", "1", "share of MQLs first answered after 1 to 24 hours"},
      {"response_over_24h_share", "1", "share of MQLs first answered after more than 24 hours"},
      {"response_never_share", "1", "share of MQLs never answered at all"},
      {"mean_response_hours", "h", "mean hours to first response among answered MQLs"},
      {"median_response_hours", "h", "median hours to first response among answered MQLs"},
      {"p90_response_hours", "h", "90th percentile of hours to first response among answered MQLs"},
      {"qualified", "opportunities", "leads (marketing and own) that qualified as sales opportunities"},
      {"wins", "deals", "opportunities won"},
      {"losses", "deals", "opportunities lost"},
      {"win_rate", "1", "wins / (wins + losses)"},
      {"bookings_usd", "USD", "value of deals won"},
      {"key_account_wins", "deals", "deals won with key accounts"},
      {"customers_end", "accounts", "customers at the end of the horizon"},
      {"open_pipeline_end", "opportunities", "opportunities still open at the end of the horizon"},
      {"mean_rep_trust_end", "trust", "mean trust of active reps in marketing leads at the end"},
      {"inquiry_to_mql", "1", "mqls / inquiries"},
      {"mql_to_worked", "1", "mqls_worked / mqls"},
      {"worked_to_qualified", "1", "qualified marketing leads / mqls_worked"},
      {"qualified_to_won", "1", "wins / qualified"},
      {"inquiry_to_customer", "1", "wins of marketing-sourced leads / inquiries"},
      {"own_leads", "leads", "M9: leads reps found by their own prospecting"},
      {"hoarded_leads", "leads", "M9: own leads hidden from marketing"},
      {"sales_sourced_wins", "deals", "M9: wins from reps' own leads"},
      {"selling_time_share", "1", "share of rep hours spent selling"},
      {"prospecting_time_share", "1", "M9: share of rep hours spent on own prospecting"},
      {"lead_followup_time_share", "1", "share of rep hours spent on first contacts of marketing leads"},
      {"scoring_noise_end", "score", "M10: marketing's lead-scoring noise (sd) at the end"},
      {"content_relevance_end", "1", "M11: relevance of marketing content at the end"},
      {"marketing_spend_usd", "USD", "M15: marketing spend over the horizon"},
      {"marketing_budget_share_of_revenue", "1", "M15: marketing_spend_usd / bookings_usd"},
      {"reps_end", "reps", "M15: active reps at the end"},
      {"churned", "accounts", "M16: customers lost over the horizon"},
      {"retention", "1", "M16: customers at the end / (customers at the start + wins)"},
      {"framework_adoption_end", "1", "M17: share of active reps using the selling framework at the end"},
      {"feedback_reports", "reports", "M10: reasons for rejected leads reported to marketing"},
  });
}

std::vector<sim::MetricSpec> series_specs() {
  return with_ranges({
      {"inquiries", "inquiries/period", "inquiries in the period"},
      {"mqls", "leads/period", "MQLs in the period"},
      {"mqls_worked", "leads/period", "MQLs worked in the period (by decision day)"},
      {"mqls_ignored", "leads/period", "MQLs never pursued, by decision day"},
      {"share_mqls_ignored", "1", "share of the period's MQLs never pursued"},
      {"mean_response_hours", "h", "mean hours to first response of MQLs answered in the period"},
      {"qualified", "opportunities/period", "opportunities created in the period"},
      {"wins", "deals/period", "deals won in the period"},
      {"bookings_usd", "USD/period", "bookings in the period"},
      {"customers", "accounts", "customers at the end of the period"},
      {"open_pipeline", "opportunities", "open opportunities at the end of the period"},
      {"mean_rep_trust", "trust", "mean trust of active reps at the end of the period"},
      {"own_leads", "leads/period", "M9: own leads found in the period"},
      {"churned", "accounts/period", "M16: customers lost in the period"},
      {"scoring_noise", "score", "M10: scoring noise (sd) at the end of the period"},
      {"content_relevance", "1", "M11: content relevance at the end of the period"},
      {"marketing_spend_usd", "USD/period", "M15: marketing spend in the period"},
      {"reps", "reps", "M15: active reps at the end of the period"},
      {"framework_adoption", "1", "M17: share of active reps using the framework at the end of the period"},
      {"prospecting_time_share", "1", "M9: share of rep hours on own prospecting in the period"},
      {"selling_time_share", "1", "share of rep hours spent selling in the period"},
  });
}

}  // namespace

const sim::OutputLayout& model_output_layout() {
  static const sim::OutputLayout layout{summary_specs(), series_specs()};
  return layout;
}

std::size_t period_count(std::int64_t horizon_days, std::int64_t period_days) noexcept {
  return static_cast<std::size_t>((horizon_days + period_days - 1) / period_days);
}

RunRecorder::RunRecorder(std::int64_t horizon_days, std::int64_t period_days)
    : period_days_(period_days),
      periods_(period_count(horizon_days, period_days)),
      series_(static_cast<std::size_t>(Series::count) * periods_, 0.0),
      responses_by_period_(periods_, 0.0),
      hours_by_period_(periods_) {}

void RunRecorder::count(Series s, std::int64_t day, double amount) { cell(s, period_of(day)) += amount; }

void RunRecorder::responded(std::int64_t day, double response_hours) {
  count(Series::mean_response_hours, day, response_hours);  // a sum until finish()
  responses_by_period_[period_of(day)] += 1.0;
  response_hours_.push_back(response_hours);
}

void RunRecorder::won(std::int64_t day, double deal_usd, bool key_account, bool sales_sourced) {
  count(Series::wins, day);
  count(Series::bookings_usd, day, deal_usd);
  if (key_account) ++key_account_wins_;
  if (sales_sourced) ++sales_sourced_wins_;
}

void RunRecorder::own_lead(std::int64_t day, bool hoarded) {
  count(Series::own_leads, day);
  if (hoarded) ++hoarded_leads_;
}

void RunRecorder::rep_hours(std::int64_t day, const RepHours& hours) {
  RepHours& p = hours_by_period_[period_of(day)];
  for (RepHours* h : {&p, &hours_total_}) {
    h->selling += hours.selling;
    h->prospecting += hours.prospecting;
    h->lead_followup += hours.lead_followup;
    h->total += hours.total;
  }
}

void RunRecorder::end_of_period(std::int64_t day, const PeriodStocks& stocks) {
  const std::size_t period = period_of(day);
  cell(Series::customers, period) = static_cast<double>(stocks.customers);
  cell(Series::open_pipeline, period) = static_cast<double>(stocks.open_pipeline);
  cell(Series::mean_rep_trust, period) = stocks.mean_trust;
  cell(Series::scoring_noise, period) = stocks.scoring_noise;
  cell(Series::content_relevance, period) = stocks.content_relevance;
  cell(Series::reps, period) = static_cast<double>(stocks.reps);
  cell(Series::framework_adoption, period) = stocks.framework_adoption;
  last_stocks_ = stocks;
}

double RunRecorder::total(Series s) const {
  double sum = 0.0;
  for (std::size_t p = 0; p < periods_; ++p) sum += series_[static_cast<std::size_t>(s) * periods_ + p];
  return sum;
}

void RunRecorder::finish_series() {
  for (std::size_t p = 0; p < periods_; ++p) {
    cell(Series::mean_response_hours, p) = ratio(cell(Series::mean_response_hours, p), responses_by_period_[p]);
    cell(Series::share_mqls_ignored, p) = ratio(cell(Series::mqls_ignored, p), cell(Series::mqls, p));
    cell(Series::prospecting_time_share, p) = ratio(hours_by_period_[p].prospecting, hours_by_period_[p].total);
    cell(Series::selling_time_share, p) = ratio(hours_by_period_[p].selling, hours_by_period_[p].total);
  }
}

void RunRecorder::fill_summary(std::vector<double>& s) const {
  auto set = [&s](Summary m, double v) { s[static_cast<std::size_t>(m)] = v; };
  const double inquiries = total(Series::inquiries), mqls = total(Series::mqls);
  const double worked = total(Series::mqls_worked), ignored = total(Series::mqls_ignored);
  const double qualified = total(Series::qualified), wins = total(Series::wins);
  const double bookings = total(Series::bookings_usd), spend = total(Series::marketing_spend_usd);
  double response_sum = 0.0;
  std::size_t within_1h = 0, within_24h = 0;
  for (double h : response_hours_) {
    response_sum += h;
    within_1h += h < 1.0 ? 1 : 0;
    within_24h += h <= 24.0 ? 1 : 0;
  }
  const double decided = worked + ignored, answered = static_cast<double>(response_hours_.size());
  set(Summary::inquiries, inquiries);
  set(Summary::mqls, mqls);
  set(Summary::mqls_worked, worked);
  set(Summary::mqls_ignored, ignored);
  set(Summary::share_mqls_ignored, ratio(ignored, mqls));
  set(Summary::response_within_1h_share, ratio(static_cast<double>(within_1h), decided));
  set(Summary::response_1_to_24h_share, ratio(static_cast<double>(within_24h - within_1h), decided));
  set(Summary::response_over_24h_share, ratio(answered - static_cast<double>(within_24h), decided));
  set(Summary::response_never_share, ratio(decided - answered, decided));
  set(Summary::mean_response_hours, ratio(response_sum, answered));
  set(Summary::median_response_hours, sim::quantile(response_hours_, 0.5));
  set(Summary::p90_response_hours, sim::quantile(response_hours_, 0.9));
  set(Summary::qualified, qualified);
  set(Summary::wins, wins);
  set(Summary::losses, static_cast<double>(losses_));
  set(Summary::win_rate, ratio(wins, wins + static_cast<double>(losses_)));
  set(Summary::bookings_usd, bookings);
  set(Summary::key_account_wins, static_cast<double>(key_account_wins_));
  set(Summary::customers_end, static_cast<double>(last_stocks_.customers));
  set(Summary::open_pipeline_end, static_cast<double>(last_stocks_.open_pipeline));
  set(Summary::mean_rep_trust_end, last_stocks_.mean_trust);
  set(Summary::inquiry_to_mql, ratio(mqls, inquiries));
  set(Summary::mql_to_worked, ratio(worked, mqls));
  set(Summary::worked_to_qualified, ratio(qualified - static_cast<double>(sales_sourced_qualified_), worked));
  set(Summary::qualified_to_won, ratio(wins, qualified));
  set(Summary::inquiry_to_customer, ratio(wins - static_cast<double>(sales_sourced_wins_), inquiries));
  set(Summary::own_leads, total(Series::own_leads));
  set(Summary::hoarded_leads, static_cast<double>(hoarded_leads_));
  set(Summary::sales_sourced_wins, static_cast<double>(sales_sourced_wins_));
  set(Summary::selling_time_share, ratio(hours_total_.selling, hours_total_.total));
  set(Summary::prospecting_time_share, ratio(hours_total_.prospecting, hours_total_.total));
  set(Summary::lead_followup_time_share, ratio(hours_total_.lead_followup, hours_total_.total));
  set(Summary::scoring_noise_end, last_stocks_.scoring_noise);
  set(Summary::content_relevance_end, last_stocks_.content_relevance);
  set(Summary::marketing_spend_usd, spend);
  set(Summary::marketing_budget_share_of_revenue, ratio(spend, bookings));
  set(Summary::reps_end, static_cast<double>(last_stocks_.reps));
  set(Summary::churned, total(Series::churned));
  set(Summary::retention,
      ratio(static_cast<double>(last_stocks_.customers), static_cast<double>(initial_customers_) + wins));
  set(Summary::framework_adoption_end, last_stocks_.framework_adoption);
  set(Summary::feedback_reports, static_cast<double>(feedback_reports_));
}

sim::RunOutput RunRecorder::finish() {
  finish_series();
  std::vector<double> s(static_cast<std::size_t>(Summary::count), kNaN);
  fill_summary(s);
  sim::RunOutput out;
  out.summary = std::move(s);
  out.series = std::move(series_);
  return out;
}

}  // namespace alignsim::model
