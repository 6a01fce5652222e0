#pragma once
// The recorder that accumulates one run's counts into the summary and per-period values
// of the metric catalogue (models/metric_catalog.hpp).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/metric_catalog.hpp"
#include "sim/run_output.hpp"

namespace alignsim::model {

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
// Events before start_reporting() belong to the warm-up and are not recorded: every
// series, total, response time, stock and ratio covers the reported horizon only.
class RunRecorder {
 public:
  RunRecorder(std::int64_t horizon_days, std::int64_t period_days);

  // From simulated day `first_day` on, events are recorded; reported period p covers
  // simulated days [first_day + p * period_days, ...). `customers` is the stock at that
  // moment (the denominator of retention with the horizon's wins).
  void start_reporting(std::int64_t first_day, std::int64_t customers);

  void inquiry(std::int64_t day) { count(Series::inquiries, day); }
  // `n` inquiries on one day: exactly what n calls of inquiry() add (whole numbers).
  void inquiries(std::int64_t day, std::int64_t n) { count(Series::inquiries, day, static_cast<double>(n)); }
  void mql(std::int64_t day) { count(Series::mqls, day); }
  void ignored(std::int64_t day) { count(Series::mqls_ignored, day); }
  void worked(std::int64_t day) { count(Series::mqls_worked, day); }
  // A first response to an MQL (worked, or a courtesy reply to an unworked one).
  void responded(std::int64_t day, double response_hours);
  void qualified(std::int64_t day, bool sales_sourced) {
    count(Series::qualified, day);
    if (reporting_ && sales_sourced) ++sales_sourced_qualified_;
  }
  void lost() { losses_ += reporting_ ? 1 : 0; }
  // An opportunity decided (won or lost) after `cycle_days` business days open.
  void decided(std::int64_t cycle_days) {
    if (!reporting_) return;
    cycle_days_sum_ += static_cast<double>(cycle_days);
    ++decisions_;
  }
  void won(std::int64_t day, double deal_usd, bool key_account, bool sales_sourced);
  void own_lead(std::int64_t day, bool hoarded);
  void churned(std::int64_t day) { count(Series::churned, day); }
  void feedback_report() { feedback_reports_ += reporting_ ? 1 : 0; }
  void marketing_spend(std::int64_t day, double usd) { count(Series::marketing_spend_usd, day, usd); }
  void rep_hours(std::int64_t day, const RepHours& hours);
  void end_of_period(std::int64_t day, const PeriodStocks& stocks);

  // Fills summary and series; consumes the recorder's response-time sample.
  [[nodiscard]] sim::RunOutput finish();

 private:
  void count(Series s, std::int64_t day, double amount = 1.0);
  [[nodiscard]] std::size_t period_of(std::int64_t day) const {
    return static_cast<std::size_t>((day - first_day_) / period_days_);
  }
  [[nodiscard]] double& cell(Series s, std::size_t period) { return series_[static_cast<std::size_t>(s) * periods_ + period]; }
  [[nodiscard]] double total(Series s) const;
  void finish_series();
  void fill_summary(std::vector<double>& s) const;

  std::int64_t period_days_;
  std::int64_t first_day_ = 0;  // simulated day of reported day 0
  bool reporting_ = false;      // false during the warm-up
  std::size_t periods_;
  std::vector<double> series_;
  std::vector<double> response_hours_;   // one entry per response (exact quantiles)
  std::vector<double> responses_by_period_;
  std::vector<RepHours> hours_by_period_;
  RepHours hours_total_;
  std::int64_t losses_ = 0, key_account_wins_ = 0, sales_sourced_wins_ = 0, sales_sourced_qualified_ = 0;
  std::int64_t hoarded_leads_ = 0, feedback_reports_ = 0, initial_customers_ = 0;
  double cycle_days_sum_ = 0;
  std::int64_t decisions_ = 0;
  PeriodStocks last_stocks_;
};

}  // namespace alignsim::model
