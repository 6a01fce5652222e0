#include "models/marketer_series.hpp"

#include <limits>

namespace alignsim::model {

MarketerSeries::MarketerSeries(std::size_t marketers, std::size_t periods)
    : marketers_(marketers),
      periods_(periods),
      values_(static_cast<std::size_t>(MarketerColumn::count) * marketers * periods,
              std::numeric_limits<double>::quiet_NaN()) {}

void MarketerSeries::record(std::size_t period, std::size_t marketer, const MarketerPeriod& v) {
  cell(MarketerColumn::scoring_bar, marketer, period) = v.scoring_bar;
  cell(MarketerColumn::mqls, marketer, period) = v.mqls;
  cell(MarketerColumn::worked, marketer, period) = v.worked;
  cell(MarketerColumn::bookings_usd, marketer, period) = v.bookings_usd;
  cell(MarketerColumn::pay_usd, marketer, period) = v.pay_usd;
  cell(MarketerColumn::field_time_share, marketer, period) = v.field_time_share;
  cell(MarketerColumn::content_relevance, marketer, period) = v.content_relevance;
  cell(MarketerColumn::mean_rep_trust, marketer, period) = v.mean_rep_trust;
  cell(MarketerColumn::budget_share, marketer, period) = v.budget_share;
  cell(MarketerColumn::spend_usd, marketer, period) = v.spend_usd;
}

}  // namespace alignsim::model
