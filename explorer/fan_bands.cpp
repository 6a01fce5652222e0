#include "explorer/fan_bands.hpp"

#include <cmath>

#include "experiment/outcome_text.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::explorer {

std::optional<std::size_t> fan_metric(const sim::OutputLayout& outputs) {
  const auto headlines = experiment::headline_outcomes_of(outputs.summary);
  if (!headlines.empty()) {
    const std::string& name = outputs.summary[headlines.front().metric].name;
    for (std::size_t s = 0; s < outputs.series.size(); ++s) {
      if (outputs.series[s].name == name) return s;
    }
  }
  std::optional<std::size_t> first;
  for (std::size_t s = 0; s < outputs.series.size(); ++s) {
    const int rank = outputs.series[s].chart_rank;
    if (rank > 0 && (!first || rank < outputs.series[*first].chart_rank)) first = s;
  }
  return first;
}

FanBands::FanBands(std::size_t entries, std::size_t series_metric, std::size_t periods)
    : metric_(series_metric), periods_(periods), cumulative_(entries) {}

void FanBands::add(std::size_t entry, const sim::RunOutput& run) {
  const std::size_t offset = metric_ * periods_;
  if (run.series.size() < offset + periods_) return;
  std::vector<double> sums(periods_);
  double sum = 0;
  for (std::size_t p = 0; p < periods_; ++p) {
    sum += run.series[offset + p];
    if (!std::isfinite(sum)) return;
    sums[p] = sum;
  }
  cumulative_.at(entry).push_back(std::move(sums));
}

std::vector<std::array<double, 5>> FanBands::bands(std::size_t entry) const {
  const auto& runs = cumulative_.at(entry);
  std::vector<std::array<double, 5>> out(periods_);
  std::vector<double> column(runs.size());
  for (std::size_t p = 0; p < periods_; ++p) {
    for (std::size_t r = 0; r < runs.size(); ++r) column[r] = runs[r][p];
    for (std::size_t q = 0; q < kFanQuantiles.size(); ++q) {
      out[p][q] = runs.empty() ? std::nan("") : sim::quantile(column, kFanQuantiles[q]);
    }
  }
  return out;
}

}  // namespace alignsim::explorer
