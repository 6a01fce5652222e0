#pragma once
// Evaluating observed patterns against a results file (docs/patterns.md): for each
// pattern the simulated statistic (the mean over replicates of a metric, or of the
// replicate-paired contrast), its Monte-Carlo standard error and interval, and the
// implausibility of the observation under it (Vernon, Goldstein & Bower 2010;
// Andrianakis et al. 2015):
//   I = |simulated - observed| / sqrt(var_obs + discrepancy_sd^2 + var_MC).
// Pure functions of their inputs; thread-safe except where they read HDF5.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/pattern_file.hpp"
#include "sim/io/results_reader.hpp"

namespace alignsim::experiment {

// The customary cutoff: a pattern with I above it rules the model's run out (Pukelsheim's
// three-sigma rule makes 3 cover at least 95% of any unimodal distribution).
inline constexpr double kDefaultImplausibilityCutoff = 3.0;

// Business days per year, the model's calendar (docs/model.md): growth is annualised with it.
inline constexpr double kBusinessDaysPerYear = 260.0;

struct PatternResult {
  double simulated = 0;          // mean of the per-replicate statistic
  double mc_standard_error = 0;  // sd / sqrt(n) of those values
  double mc_low = 0, mc_high = 0;  // 95% t interval of the mean (Monte-Carlo noise only)
  std::size_t n = 0;             // replicates (pairs) with a finite statistic
  double implausibility = 0;     // NaN when fewer than 2 replicates give a value
  bool inside = false;           // implausibility <= cutoff
};

// |simulated - observed| / sqrt(sum of the three variances); +inf when they sum to 0 and
// the values differ, 0 when they agree.
[[nodiscard]] double implausibility(double simulated, double observed, double observation_variance,
                                    double discrepancy_variance, double monte_carlo_variance) noexcept;

// Annualised growth of one run's series between the first and the second half of the
// reported horizon: with P periods and h = floor(P / 2), the first half is periods
// 0 .. h-1 and the second the last h periods (the middle one left out when P is odd);
// r1 and r2 are each half's sum per business day, and the halves' midpoints lie dt
// business days apart: g = (r2 / r1)^(260 / dt) - 1. A two-year horizon gives
// year-two over year-one growth. NaN when P < 2, r1 <= 0 or r2 < 0.
// `values` holds one value per period; `period_end_days` as /timeseries/period.
[[nodiscard]] double annual_growth(const std::vector<double>& values, const std::vector<std::int64_t>& period_end_days);

// The metrics and variants a results file holds, for read_pattern_file.
[[nodiscard]] PatternVocabulary vocabulary_of(const sim::ResultsReader& results);

// One result per pattern, in file order. A pattern's variant V is read from the file's
// variant `variant_prefix` + V: a calibration wave holds every point's variants, each
// point's under its own prefix (calibration_wave.hpp).
[[nodiscard]] std::vector<PatternResult> check_patterns(const PatternSet& patterns, const sim::ResultsReader& results,
                                                        double cutoff, const std::string& variant_prefix = "");

}  // namespace alignsim::experiment
