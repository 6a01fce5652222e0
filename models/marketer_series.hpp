#pragma once
// The per-marketer series of a run (/agents/marketers, docs/output-format.md): each
// marketer's choices and results at the end of every reporting period, so a reader can
// follow how marketers adapt (models/mechanisms/marketers.hpp). Not thread-safe; one per run.
#include <cstddef>
#include <vector>

#include "models/metric_catalog.hpp"

namespace alignsim::model {

// One marketer's period: flows over the period, stocks at its end.
struct MarketerPeriod {
  double scoring_bar = 0.0;
  double mqls = 0.0, worked = 0.0, bookings_usd = 0.0, pay_usd = 0.0;
  double field_time_share = 0.0;
  double content_relevance = 0.0;
  double mean_rep_trust = 0.0;
  double budget_share = 0.0;  // at the period's end
  double spend_usd = 0.0;     // over the period
};

class MarketerSeries {
 public:
  MarketerSeries(std::size_t marketers, std::size_t periods);
  void record(std::size_t period, std::size_t marketer, const MarketerPeriod& values);
  // [column][marketer][period], the layout of RunOutput::agents; NaN where unrecorded.
  [[nodiscard]] std::vector<double> finish() const { return values_; }

 private:
  [[nodiscard]] double& cell(MarketerColumn column, std::size_t marketer, std::size_t period) {
    // at(): a period or marketer beyond the table is a bug, not something to skip.
    return values_.at((static_cast<std::size_t>(column) * marketers_ + marketer) * periods_ + period);
  }
  std::size_t marketers_, periods_;
  std::vector<double> values_;
};

}  // namespace alignsim::model
