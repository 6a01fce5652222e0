#include "experiment/pattern_check.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "sim/stats/statistics.hpp"

namespace alignsim::experiment {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> growth_per_replicate(const sim::ResultsReader& results, const std::string& metric,
                                         std::size_t variant) {
  const std::vector<double> values = results.series(metric, variant);
  const std::size_t periods = results.period_end_days().size();
  std::vector<double> growth;
  for (std::size_t r = 0; r < results.replicates(); ++r) {
    const auto first = values.begin() + static_cast<std::ptrdiff_t>(r * periods);
    growth.push_back(annual_growth(std::vector<double>(first, first + static_cast<std::ptrdiff_t>(periods)),
                                   results.period_end_days()));
  }
  return growth;
}

std::vector<double> values_of(const sim::ResultsReader& results, const PatternStatistic& statistic,
                              const std::string& variant) {
  const std::optional<std::size_t> found = results.find_variant(variant);
  if (!found) throw std::logic_error("pattern variant " + variant + " is not in the results file");
  const std::size_t index = *found;
  if (statistic.kind == StatisticKind::growth_gap || statistic.kind == StatisticKind::growth) {
    return growth_per_replicate(results, statistic.metric, index);
  }
  return results.summary(statistic.metric, index);
}

// The statistic of each replicate: the metric, or the contrast of the pair. A pair with
// a failed run, or a ratio over zero, is not finite and RunningMoments leaves it out.
std::vector<double> per_replicate(const sim::ResultsReader& results, const PatternStatistic& statistic,
                                  const std::string& variant_prefix) {
  std::vector<double> values = values_of(results, statistic, variant_prefix + statistic.variant);
  if (statistic.kind == StatisticKind::growth) return values;
  if (statistic.kind == StatisticKind::level) {
    if (statistic.per.empty()) return values;
    const std::optional<std::size_t> index = results.find_variant(variant_prefix + statistic.variant);
    const std::vector<double> per = results.summary(statistic.per, *index);
    for (std::size_t r = 0; r < values.size(); ++r) values[r] /= per[r];  // 0/0 is NaN: left out
    return values;
  }
  const std::vector<double> versus = values_of(results, statistic, variant_prefix + statistic.versus);
  for (std::size_t r = 0; r < values.size(); ++r) {
    values[r] = statistic.kind == StatisticKind::ratio ? values[r] / versus[r] : values[r] - versus[r];
  }
  return values;
}

double half_sum(const std::vector<double>& values, std::size_t first, std::size_t count) {
  double sum = 0;
  for (std::size_t p = first; p < first + count; ++p) sum += values[p];
  return sum;
}

}  // namespace

double implausibility(double simulated, double observed, double observation_variance, double discrepancy_variance,
                      double monte_carlo_variance) noexcept {
  const double distance = std::abs(simulated - observed);
  const double variance = observation_variance + discrepancy_variance + monte_carlo_variance;
  if (distance == 0) return 0;
  return distance / std::sqrt(variance);  // +inf when variance is 0
}

double annual_growth(const std::vector<double>& values, const std::vector<std::int64_t>& period_end_days) {
  const std::size_t periods = std::min(values.size(), period_end_days.size());
  if (periods < 2) return kNaN;
  const std::size_t half = periods / 2;
  const std::size_t second_start = periods - half;
  const auto end_day = [&](std::size_t p) { return static_cast<double>(period_end_days[p]); };
  const double first_days = end_day(half - 1);
  const double second_from = end_day(second_start - 1);
  const double second_days = end_day(periods - 1) - second_from;
  const double first_rate = half_sum(values, 0, half) / first_days;
  const double second_rate = half_sum(values, second_start, half) / second_days;
  const double midpoint_gap = (second_from + second_days / 2) - first_days / 2;
  if (!(first_rate > 0) || !(second_rate >= 0) || !(midpoint_gap > 0)) return kNaN;
  return std::pow(second_rate / first_rate, kBusinessDaysPerYear / midpoint_gap) - 1;
}

PatternVocabulary vocabulary_of(const sim::ResultsReader& results) {
  return PatternVocabulary{results.summary_metrics(), results.series_metrics(), results.variants()};
}

std::vector<PatternResult> check_patterns(const PatternSet& patterns, const sim::ResultsReader& results, double cutoff,
                                          const std::string& variant_prefix) {
  std::vector<PatternResult> checked;
  for (const Pattern& pattern : patterns.patterns) {
    sim::RunningMoments moments;
    for (const double value : per_replicate(results, pattern.statistic, variant_prefix)) moments.add(value);
    PatternResult result;
    result.n = moments.count();
    result.simulated = moments.mean();
    result.mc_standard_error = moments.standard_error();
    const sim::ConfidenceInterval interval = sim::mean_confidence_interval(moments, 0.95);
    result.mc_low = interval.low;
    result.mc_high = interval.high;
    result.implausibility = result.n < 2 ? kNaN
                                         : implausibility(result.simulated, pattern.observed,
                                                          pattern.observation_variance(),
                                                          pattern.discrepancy_sd * pattern.discrepancy_sd,
                                                          result.mc_standard_error * result.mc_standard_error);
    result.inside = result.implausibility <= cutoff;
    checked.push_back(result);
  }
  return checked;
}

}  // namespace alignsim::experiment
