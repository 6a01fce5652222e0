#include "models/run_recorder.hpp"

#include <cmath>
#include <limits>

#include "sim/stats/statistics.hpp"

namespace alignsim::model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : kNaN; }

}  // namespace

RunRecorder::RunRecorder(std::int64_t horizon_days, std::int64_t period_days)
    : period_days_(period_days),
      periods_(sim::reporting_periods(horizon_days, period_days)),
      series_(static_cast<std::size_t>(Series::count) * periods_, 0.0),
      responses_by_period_(periods_, 0.0),
      hours_by_period_(periods_) {}

void RunRecorder::start_reporting(std::int64_t first_day, std::int64_t customers) {
  first_day_ = first_day;
  initial_customers_ = customers;
  reporting_ = true;
}

void RunRecorder::count(Series s, std::int64_t day, double amount) {
  if (reporting_) cell(s, period_of(day)) += amount;
}

void RunRecorder::responded(std::int64_t day, double response_hours) {
  if (!reporting_) return;
  count(Series::mean_response_hours, day, response_hours);  // a sum until finish()
  responses_by_period_[period_of(day)] += 1.0;
  response_hours_.push_back(response_hours);
}

void RunRecorder::won(std::int64_t day, double deal_usd, bool key_account, bool sales_sourced) {
  if (!reporting_) return;
  count(Series::wins, day);
  count(Series::bookings_usd, day, deal_usd);
  if (key_account) ++key_account_wins_;
  if (sales_sourced) ++sales_sourced_wins_;
}

void RunRecorder::own_lead(std::int64_t day, bool hoarded) {
  if (!reporting_) return;
  count(Series::own_leads, day);
  if (hoarded) ++hoarded_leads_;
}

void RunRecorder::rep_hours(std::int64_t day, const RepHours& hours) {
  if (!reporting_) return;
  RepHours& p = hours_by_period_[period_of(day)];
  for (RepHours* h : {&p, &hours_total_}) {
    h->selling += hours.selling;
    h->prospecting += hours.prospecting;
    h->lead_followup += hours.lead_followup;
    h->total += hours.total;
  }
}

void RunRecorder::end_of_period(std::int64_t day, const PeriodStocks& stocks) {
  if (!reporting_) return;
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
  set(Summary::mean_sales_cycle_days, ratio(cycle_days_sum_, static_cast<double>(decisions_)));
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
