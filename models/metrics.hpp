#pragma once
// What a run of the model reports: the metric catalogue (names, units, meanings) and
// the recorder that accumulates one run's counts into summary and per-period values.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/run_output.hpp"

namespace alignsim::model {

// Indices into OutputLayout::summary; the order of the catalogue in metrics.cpp.
enum class Summary : std::size_t {
  inquiries, mqls, mqls_worked, mqls_ignored, share_mqls_ignored,
  response_within_1h_share, response_1_to_24h_share, response_over_24h_share, response_never_share,
  mean_response_hours, median_response_hours, p90_response_hours,
  qualified, wins, losses, win_rate, bookings_usd, key_account_wins, customers_end, open_pipeline_end,
  mean_rep_trust_end, inquiry_to_mql, mql_to_worked, worked_to_qualified, qualified_to_won, inquiry_to_customer,
  own_leads, hoarded_leads, sales_sourced_wins, selling_time_share, prospecting_time_share, lead_followup_time_share,
  scoring_noise_end, content_relevance_end, marketing_spend_usd, marketing_budget_share_of_revenue, reps_end,
  churned, retention, framework_adoption_end, feedback_reports,
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

[[nodiscard]] const sim::OutputLayout& model_output_layout();
[[nodiscard]] std::size_t period_count(std::int64_t horizon_days, std::int64_t period_days) noexcept;

// Stock values at the end of a period.
struct PeriodStocks {
  std::int64_t customers = 0;
  std::int64_t open_pipeline = 0;
  double mean_trust = 0.0;
  double scoring_noise = 0.0;
  double content_relevance = 0.0;
  std::int64_t reps = 0;
  double framework_adoption = 0.0;  // share of active reps
};

// Rep hours of one day, summed over active reps.
struct RepHours {
  double selling = 0, prospecting = 0, lead_followup = 0, total = 0;
};

// Accumulates one run. Not thread-safe; one per run.
class RunRecorder {
 public:
  RunRecorder(std::int64_t horizon_days, std::int64_t period_days);

  void inquiry(std::int64_t day) { count(Series::inquiries, day); }
  void mql(std::int64_t day) { count(Series::mqls, day); }
  void ignored(std::int64_t day) { count(Series::mqls_ignored, day); }
  void worked(std::int64_t day) { count(Series::mqls_worked, day); }
  // A first response to an MQL (worked, or a courtesy reply to an unworked one).
  void responded(std::int64_t day, double response_hours);
  void qualified(std::int64_t day, bool sales_sourced) {
    count(Series::qualified, day);
    if (sales_sourced) ++sales_sourced_qualified_;
  }
  void lost() { ++losses_; }
  void won(std::int64_t day, double deal_usd, bool key_account, bool sales_sourced);
  void own_lead(std::int64_t day, bool hoarded);
  void churned(std::int64_t day) { count(Series::churned, day); }
  void feedback_report() { ++feedback_reports_; }
  void marketing_spend(std::int64_t day, double usd) { count(Series::marketing_spend_usd, day, usd); }
  void rep_hours(std::int64_t day, const RepHours& hours);
  void end_of_period(std::int64_t day, const PeriodStocks& stocks);
  void set_initial_customers(std::int64_t customers) { initial_customers_ = customers; }

  // Fills summary and series; consumes the recorder's response-time sample.
  [[nodiscard]] sim::RunOutput finish();

 private:
  void count(Series s, std::int64_t day, double amount = 1.0);
  [[nodiscard]] std::size_t period_of(std::int64_t day) const { return static_cast<std::size_t>(day / period_days_); }
  [[nodiscard]] double& cell(Series s, std::size_t period) { return series_[static_cast<std::size_t>(s) * periods_ + period]; }
  [[nodiscard]] double total(Series s) const;
  void finish_series();
  void fill_summary(std::vector<double>& s) const;

  std::int64_t period_days_;
  std::size_t periods_;
  std::vector<double> series_;
  std::vector<double> response_hours_;   // one entry per response (exact quantiles)
  std::vector<double> responses_by_period_;
  std::vector<RepHours> hours_by_period_;
  RepHours hours_total_;
  std::int64_t losses_ = 0, key_account_wins_ = 0, sales_sourced_wins_ = 0, sales_sourced_qualified_ = 0;
  std::int64_t hoarded_leads_ = 0, feedback_reports_ = 0, initial_customers_ = 0;
  PeriodStocks last_stocks_;
};

}  // namespace alignsim::model
