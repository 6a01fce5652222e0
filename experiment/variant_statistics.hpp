#pragma once
// Statistics over replicates, accumulated as runs arrive (in run order, so the
// results are the same for any thread count): per variant, the mean and 95% CI of
// every summary metric; per what-if, the paired difference to the base variant.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/run_output.hpp"
#include "sim/stats/statistics.hpp"

namespace alignsim::experiment {

// Not thread-safe: feed from the runner's sink only.
class VariantStatistics {
 public:
  // metrics: the summary metrics, whose ranges clip the confidence intervals of mean().
  VariantStatistics(std::size_t variants, const std::vector<sim::MetricSpec>& metrics);

  // Runs of one replicate arrive for variants 0..V-1 in order (the runner's order).
  void add(std::size_t variant, std::size_t replicate, const sim::RunOutput& run);

  // The 95% t interval of the mean, clipped to the metric's range.
  [[nodiscard]] sim::ConfidenceInterval mean(std::size_t variant, std::size_t metric) const;
  [[nodiscard]] const sim::PairedDifference& paired(std::size_t variant, std::size_t metric) const;
  [[nodiscard]] const sim::RunningMoments& moments(std::size_t variant, std::size_t metric) const;

  // Tables for the results file: values[metric][variant * columns + column].
  static const std::vector<std::string>& statistics_columns();
  static const std::vector<std::string>& paired_columns();
  [[nodiscard]] std::vector<std::vector<double>> statistics_table() const;
  [[nodiscard]] std::vector<std::vector<double>> paired_table() const;

 private:
  [[nodiscard]] std::size_t at(std::size_t variant, std::size_t metric) const { return variant * metrics_ + metric; }

  std::size_t variants_;
  std::size_t metrics_;
  std::vector<sim::MetricSpec> specs_;
  std::vector<sim::RunningMoments> moments_;
  std::vector<sim::PairedDifference> paired_;
  std::vector<double> base_of_replicate_;  // the base variant's summary for the current replicate
  std::size_t current_replicate_ = 0;
};

}  // namespace alignsim::experiment
