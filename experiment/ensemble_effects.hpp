#pragma once
// What-if effects over an ensemble of plausible parameters (issue 13 item 4): for every
// what-if and summary metric, the effect within each ensemble member (the paired
// replicates that ran that member, averaged), so a report can give, besides the
// Monte-Carlo interval of the mean effect, the range of the effect over the plausible
// assumptions and the assumptions that move it most.
//
// Each member's effect is a mean over its k = replicates / M replicates and carries
// their Monte-Carlo noise; the range therefore holds both (wider than the assumptions
// alone when k is small), and the report says so.
//
// Not thread-safe: feed from the runner's sink only, in run order (as VariantStatistics).
#include <cstddef>
#include <string>
#include <vector>

#include "experiment/ensemble_file.hpp"
#include "sim/run_output.hpp"

namespace alignsim::experiment {

struct EffectRange {
  double low = 0, high = 0;  // 5th and 95th percentile over the members (type 7)
  std::size_t members = 0;   // members with a finite effect
  // The assumptions the effect follows most, strongest first (at most two): ensemble key
  // index and the squared Spearman rank correlation of the members' effects with it
  // (only those with rho^2 >= 0.1).
  std::vector<std::pair<std::size_t, double>> drivers;
};

class EnsembleEffects {
 public:
  EnsembleEffects(std::size_t variants, std::size_t metrics, const Ensemble& ensemble);

  // Runs of one replicate arrive for variants 0..V-1 in order (the runner's order).
  void add(std::size_t variant, std::size_t replicate, const sim::RunOutput& run);

  // Variant v's change from the base on `metric`, per member: relative (sum of v over
  // sum of base, minus 1) when `relative`, else the mean paired difference.
  [[nodiscard]] std::vector<double> member_effects(std::size_t variant, std::size_t metric, bool relative) const;
  [[nodiscard]] EffectRange range(std::size_t variant, std::size_t metric, bool relative) const;
  // The fewest replicates any member ran (replicates / M, rounded down), and the replicates.
  [[nodiscard]] std::size_t replicates_per_member() const noexcept;
  [[nodiscard]] std::size_t replicates() const noexcept { return replicates_seen_; }

  // The table /ensemble_ranges of a results file (docs/output-format.md): per variant and
  // metric, the range of the relative change and of the difference over the members, the
  // members counted, and the two strongest drivers as indices into the ensemble's keys
  // (NaN when none) with their rho^2, of the change the tables show: the relative change,
  // or the difference for a share (unit "1"). values[m][variant * columns + column].
  [[nodiscard]] static const std::vector<std::string>& table_columns();
  [[nodiscard]] std::vector<std::vector<double>> table(const std::vector<sim::MetricSpec>& metrics) const;

 private:
  struct Sums {
    double variant = 0, base = 0;
    std::size_t count = 0;
  };
  [[nodiscard]] std::size_t at(std::size_t variant, std::size_t metric, std::size_t member) const {
    return (variant * metrics_ + metric) * members_ + member;
  }

  std::size_t variants_, metrics_, members_;
  const Ensemble& ensemble_;
  std::vector<Sums> sums_;
  std::vector<double> base_of_replicate_;
  std::size_t replicates_seen_ = 0;
};

// Quantile q of `values` (finite ones; type 7, as R's default); NaN if none.
[[nodiscard]] double quantile(std::vector<double> values, double q);
// Spearman's rank correlation (average ranks for ties) of two equal-length series; NaN
// when either is constant or fewer than 3 pairs are finite.
[[nodiscard]] double spearman(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace alignsim::experiment
