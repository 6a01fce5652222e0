#include "experiment/variant_statistics.hpp"

#include <limits>
#include <stdexcept>

namespace alignsim::experiment {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

VariantStatistics::VariantStatistics(std::size_t variants, const std::vector<sim::MetricSpec>& metrics)
    : variants_(variants),
      metrics_(metrics.size()),
      specs_(metrics),
      moments_(variants * metrics.size()),
      paired_(variants * metrics.size()),
      base_of_replicate_(metrics.size(), kNaN) {}

void VariantStatistics::add(std::size_t variant, std::size_t replicate, const sim::RunOutput& run) {
  if (variant == 0) {
    current_replicate_ = replicate;
    base_of_replicate_.assign(metrics_, kNaN);
    if (run.summary.size() == metrics_) base_of_replicate_ = run.summary;
  } else if (replicate != current_replicate_) {
    throw std::logic_error("runs must arrive replicate by replicate, base variant first");
  }
  for (std::size_t m = 0; m < metrics_; ++m) {
    const double value = m < run.summary.size() ? run.summary[m] : kNaN;
    moments_[at(variant, m)].add(value);
    paired_[at(variant, m)].add(value, base_of_replicate_[m]);
  }
}

sim::ConfidenceInterval VariantStatistics::mean(std::size_t variant, std::size_t metric) const {
  return sim::clipped_to(sim::mean_confidence_interval(moments_[at(variant, metric)]), specs_[metric].lowest,
                         specs_[metric].highest);
}

const sim::PairedDifference& VariantStatistics::paired(std::size_t variant, std::size_t metric) const {
  return paired_[at(variant, metric)];
}

const sim::RunningMoments& VariantStatistics::moments(std::size_t variant, std::size_t metric) const {
  return moments_[at(variant, metric)];
}

const std::vector<std::string>& VariantStatistics::statistics_columns() {
  static const std::vector<std::string> columns{"mean", "sd", "ci95_low", "ci95_high", "n", "failed_or_missing"};
  return columns;
}

const std::vector<std::string>& VariantStatistics::paired_columns() {
  static const std::vector<std::string> columns{"mean_difference",     "ci95_low",          "ci95_high",
                                                "relative_difference", "relative_ci95_low", "relative_ci95_high",
                                                "ci_narrowing_factor", "n_pairs"};
  return columns;
}

std::vector<std::vector<double>> VariantStatistics::statistics_table() const {
  std::vector<std::vector<double>> table(metrics_);
  for (std::size_t m = 0; m < metrics_; ++m) {
    for (std::size_t v = 0; v < variants_; ++v) {
      const auto& mo = moments_[at(v, m)];
      const auto ci = mean(v, m);
      table[m].insert(table[m].end(), {mo.mean(), mo.sd(), ci.low, ci.high, static_cast<double>(mo.count()),
                                       static_cast<double>(mo.missing())});
    }
  }
  return table;
}

std::vector<std::vector<double>> VariantStatistics::paired_table() const {
  std::vector<std::vector<double>> table(metrics_);
  for (std::size_t m = 0; m < metrics_; ++m) {
    for (std::size_t v = 0; v < variants_; ++v) {
      const auto& pd = paired_[at(v, m)];
      const auto diff = pd.difference_interval();
      const auto rel = pd.relative_interval();
      table[m].insert(table[m].end(), {diff.estimate, diff.low, diff.high, rel.estimate, rel.low, rel.high,
                                       pd.narrowing_factor(), static_cast<double>(pd.count())});
    }
  }
  return table;
}

}  // namespace alignsim::experiment
