#pragma once
// What a run of the model reports: the metric catalogue (names, units, meanings) and
// the recorder that accumulates one run's counts into summary and per-period values.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/metrics.hpp"

namespace alignsim::model {

// Indices into OutputLayout::summary; the order of the catalogue in metrics.cpp.
enum class Summary : std::size_t {
  inquiries, mqls, mqls_worked, mqls_ignored, share_mqls_ignored,
  response_within_1h_share, response_1_to_24h_share, response_over_24h_share, response_never_share,
  mean_response_hours, median_response_hours, p90_response_hours,
  qualified, wins, losses, win_rate, bookings_usd, key_account_wins, customers_end, open_pipeline_end,
  mean_rep_trust_end, inquiry_to_mql, mql_to_worked, worked_to_qualified, qualified_to_won, inquiry_to_customer,
  count
};

// Indices into OutputLayout::series.
enum class Series : std::size_t {
  inquiries, mqls, mqls_worked, mqls_ignored, share_mqls_ignored, mean_response_hours,
  qualified, wins, bookings_usd, customers, open_pipeline, mean_rep_trust,
  count
};

[[nodiscard]] const sim::OutputLayout& model_output_layout();
[[nodiscard]] std::size_t period_count(std::int64_t horizon_days, std::int64_t period_days) noexcept;

// Accumulates one run. Not thread-safe; one per run.
class RunRecorder {
 public:
  RunRecorder(std::int64_t horizon_days, std::int64_t period_days);

  void inquiry(std::int64_t day) { count(Series::inquiries, day); }
  void mql(std::int64_t day) { count(Series::mqls, day); }
  void ignored(std::int64_t day) { count(Series::mqls_ignored, day); }
  void worked(std::int64_t day, double response_hours);
  void qualified(std::int64_t day) { count(Series::qualified, day); }
  void lost(std::int64_t) { ++losses_; }
  void won(std::int64_t day, double deal_usd, bool key_account);
  // End-of-period stock values, recorded on the last day of each period.
  void end_of_day(std::int64_t day, std::int64_t customers, std::int64_t open_pipeline, double mean_trust);

  // Fills summary and series; consumes the recorder's response-time sample.
  [[nodiscard]] sim::RunOutput finish();

 private:
  void count(Series s, std::int64_t day, double amount = 1.0);
  [[nodiscard]] double& cell(Series s, std::size_t period) { return series_[static_cast<std::size_t>(s) * periods_ + period]; }
  [[nodiscard]] double total(Series s) const;

  std::int64_t period_days_;
  std::size_t periods_;
  std::vector<double> series_;
  std::vector<double> response_hours_;  // one entry per worked lead (exact quantiles)
  std::int64_t losses_ = 0;
  std::int64_t key_account_wins_ = 0;
  std::int64_t customers_end_ = 0;
  std::int64_t open_pipeline_end_ = 0;
  double mean_trust_end_ = 0.0;
};

}  // namespace alignsim::model
