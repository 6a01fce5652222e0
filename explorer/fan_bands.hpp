#pragma once
// The page's fan chart: per reporting period, the 5%, 25%, 50%, 75% and 95% quantiles
// over replicates of one metric's cumulative series (bookings so far, for the sales
// model), for base and what-if: the median and the 50% and 90% bands. The metric is
// the series named like the first headline outcome, so no model name appears here.
// Not thread-safe: fed from the runner's sink, like the statistics.
#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "sim/run_output.hpp"

namespace alignsim::explorer {

inline constexpr std::array<double, 5> kFanQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};

// The series to fan: named like the first headline summary metric; else the first
// fan-chart-ranked series; nullopt when the model has neither.
[[nodiscard]] std::optional<std::size_t> fan_metric(const sim::OutputLayout& outputs);

class FanBands {
 public:
  FanBands(std::size_t entries, std::size_t series_metric, std::size_t periods);

  // One run's series, accumulated over periods; a failed run (NaN) is left out.
  void add(std::size_t entry, const sim::RunOutput& run);
  // Per period, the kFanQuantiles of the cumulative values so far.
  [[nodiscard]] std::vector<std::array<double, 5>> bands(std::size_t entry) const;
  [[nodiscard]] std::size_t metric() const noexcept { return metric_; }
  [[nodiscard]] std::size_t periods() const noexcept { return periods_; }

 private:
  std::size_t metric_;
  std::size_t periods_;
  std::vector<std::vector<std::vector<double>>> cumulative_;  // [entry][replicate][period]
};

}  // namespace alignsim::explorer
