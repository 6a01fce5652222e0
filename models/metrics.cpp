#include "models/metrics.hpp"

#include "sim/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace alignsim::model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : kNaN; }

}  // namespace

const sim::OutputLayout& model_output_layout() {
  static const sim::OutputLayout layout{
      {
          {"inquiries", "inquiries", "prospects that engaged (made an inquiry), counting repeat engagements"},
          {"mqls", "leads", "inquiries that became marketing-qualified leads"},
          {"mqls_worked", "leads", "MQLs a rep decided to work"},
          {"mqls_ignored", "leads", "MQLs never worked (the black hole)"},
          {"share_mqls_ignored", "1", "mqls_ignored / mqls"},
          {"response_within_1h_share", "1", "share of MQLs first contacted within 1 hour"},
          {"response_1_to_24h_share", "1", "share of MQLs first contacted after 1 to 24 hours"},
          {"response_over_24h_share", "1", "share of MQLs first contacted after more than 24 hours"},
          {"response_never_share", "1", "share of MQLs never contacted"},
          {"mean_response_hours", "h", "mean hours to first contact among worked MQLs"},
          {"median_response_hours", "h", "median hours to first contact among worked MQLs"},
          {"p90_response_hours", "h", "90th percentile of hours to first contact among worked MQLs"},
          {"qualified", "opportunities", "worked leads that qualified as sales opportunities"},
          {"wins", "deals", "opportunities won"},
          {"losses", "deals", "opportunities lost"},
          {"win_rate", "1", "wins / (wins + losses)"},
          {"bookings_usd", "USD", "value of deals won"},
          {"key_account_wins", "deals", "deals won with key accounts"},
          {"customers_end", "accounts", "customers at the end of the horizon"},
          {"open_pipeline_end", "opportunities", "opportunities still open at the end of the horizon"},
          {"mean_rep_trust_end", "trust", "mean rep trust in marketing leads at the end"},
          {"inquiry_to_mql", "1", "mqls / inquiries"},
          {"mql_to_worked", "1", "mqls_worked / mqls"},
          {"worked_to_qualified", "1", "qualified / mqls_worked"},
          {"qualified_to_won", "1", "wins / qualified"},
          {"inquiry_to_customer", "1", "wins / inquiries"},
      },
      {
          {"inquiries", "inquiries/period", "inquiries in the period"},
          {"mqls", "leads/period", "MQLs in the period"},
          {"mqls_worked", "leads/period", "MQLs worked in the period (by decision day)"},
          {"mqls_ignored", "leads/period", "MQLs ignored in the period"},
          {"share_mqls_ignored", "1", "share of the period's MQLs ignored"},
          {"mean_response_hours", "h", "mean hours to first contact of MQLs worked in the period"},
          {"qualified", "opportunities/period", "opportunities created in the period"},
          {"wins", "deals/period", "deals won in the period"},
          {"bookings_usd", "USD/period", "bookings in the period"},
          {"customers", "accounts", "customers at the end of the period"},
          {"open_pipeline", "opportunities", "open opportunities at the end of the period"},
          {"mean_rep_trust", "trust", "mean rep trust at the end of the period"},
      }};
  return layout;
}

std::size_t period_count(std::int64_t horizon_days, std::int64_t period_days) noexcept {
  return static_cast<std::size_t>((horizon_days + period_days - 1) / period_days);
}

RunRecorder::RunRecorder(std::int64_t horizon_days, std::int64_t period_days)
    : period_days_(period_days),
      periods_(period_count(horizon_days, period_days)),
      series_(static_cast<std::size_t>(Series::count) * periods_, 0.0) {}

void RunRecorder::count(Series s, std::int64_t day, double amount) {
  cell(s, static_cast<std::size_t>(day / period_days_)) += amount;
}

void RunRecorder::worked(std::int64_t day, double response_hours) {
  count(Series::mqls_worked, day);
  count(Series::mean_response_hours, day, response_hours);  // a sum until finish()
  response_hours_.push_back(response_hours);
}

void RunRecorder::won(std::int64_t day, double deal_usd, bool key_account) {
  count(Series::wins, day);
  count(Series::bookings_usd, day, deal_usd);
  if (key_account) ++key_account_wins_;
}

void RunRecorder::end_of_day(std::int64_t day, std::int64_t customers, std::int64_t open_pipeline,
                             double mean_trust) {
  const auto period = static_cast<std::size_t>(day / period_days_);
  cell(Series::customers, period) = static_cast<double>(customers);
  cell(Series::open_pipeline, period) = static_cast<double>(open_pipeline);
  cell(Series::mean_rep_trust, period) = mean_trust;
  customers_end_ = customers;
  open_pipeline_end_ = open_pipeline;
  mean_trust_end_ = mean_trust;
}

double RunRecorder::total(Series s) const {
  double sum = 0.0;
  for (std::size_t p = 0; p < periods_; ++p) sum += series_[static_cast<std::size_t>(s) * periods_ + p];
  return sum;
}

sim::RunOutput RunRecorder::finish() {
  for (std::size_t p = 0; p < periods_; ++p) {
    cell(Series::mean_response_hours, p) = ratio(cell(Series::mean_response_hours, p), cell(Series::mqls_worked, p));
    cell(Series::share_mqls_ignored, p) = ratio(cell(Series::mqls_ignored, p), cell(Series::mqls, p));
  }
  const double inquiries = total(Series::inquiries), mqls = total(Series::mqls);
  const double worked = total(Series::mqls_worked), ignored = total(Series::mqls_ignored);
  const double qualified = total(Series::qualified), wins = total(Series::wins);
  const auto losses = static_cast<double>(losses_);

  double response_sum = 0.0;
  std::size_t within_1h = 0, within_24h = 0;
  for (double h : response_hours_) {
    response_sum += h;
    within_1h += h < 1.0 ? 1 : 0;
    within_24h += h <= 24.0 ? 1 : 0;
  }
  const double decided = worked + ignored;  // MQLs routed to a rep

  std::vector<double> s(static_cast<std::size_t>(Summary::count), kNaN);
  auto set = [&s](Summary m, double v) { s[static_cast<std::size_t>(m)] = v; };
  set(Summary::inquiries, inquiries);
  set(Summary::mqls, mqls);
  set(Summary::mqls_worked, worked);
  set(Summary::mqls_ignored, ignored);
  set(Summary::share_mqls_ignored, ratio(ignored, mqls));
  set(Summary::response_within_1h_share, ratio(static_cast<double>(within_1h), decided));
  set(Summary::response_1_to_24h_share, ratio(static_cast<double>(within_24h - within_1h), decided));
  set(Summary::response_over_24h_share, ratio(worked - static_cast<double>(within_24h), decided));
  set(Summary::response_never_share, ratio(ignored, decided));
  set(Summary::mean_response_hours, ratio(response_sum, static_cast<double>(response_hours_.size())));
  set(Summary::median_response_hours, sim::quantile(response_hours_, 0.5));
  set(Summary::p90_response_hours, sim::quantile(response_hours_, 0.9));
  set(Summary::qualified, qualified);
  set(Summary::wins, wins);
  set(Summary::losses, losses);
  set(Summary::win_rate, ratio(wins, wins + losses));
  set(Summary::bookings_usd, total(Series::bookings_usd));
  set(Summary::key_account_wins, static_cast<double>(key_account_wins_));
  set(Summary::customers_end, static_cast<double>(customers_end_));
  set(Summary::open_pipeline_end, static_cast<double>(open_pipeline_end_));
  set(Summary::mean_rep_trust_end, mean_trust_end_);
  set(Summary::inquiry_to_mql, ratio(mqls, inquiries));
  set(Summary::mql_to_worked, ratio(worked, mqls));
  set(Summary::worked_to_qualified, ratio(qualified, worked));
  set(Summary::qualified_to_won, ratio(wins, qualified));
  set(Summary::inquiry_to_customer, ratio(wins, inquiries));

  sim::RunOutput out;
  out.summary = std::move(s);
  out.series = std::move(series_);
  return out;
}

}  // namespace alignsim::model
