#pragma once
// Global sensitivity measures computed from a design's outputs:
//   * Sobol first-order (S_i) and total (S_Ti) indices from a Saltelli design, with the
//     estimators of Saltelli et al. (2010, Table 2: S_i from f(B)(f(A_B^i) - f(A)), and
//     Jansen's (f(A) - f(A_B^i))^2 / 2 for S_Ti), and percentile bootstrap confidence
//     intervals over resampled rows;
//   * Morris (1991) elementary-effect measures mu, mu* (Campolongo et al. 2007) and sigma.
// The bootstrap draws come from the counter-based streams (sim/random.hpp) keyed by the
// scenario seed, so the intervals are the same on every run and thread count.
// Indices are dimensionless; Morris measures are in the output's unit per unit range.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/stats/statistics.hpp"

namespace alignsim::sim {

struct IndexEstimate {
  double estimate = 0.0;
  double low = 0.0;   // bootstrap percentile interval bounds; NaN without bootstrap
  double high = 0.0;
};

struct SobolIndices {
  std::vector<IndexEstimate> first_order;  // one per factor
  std::vector<IndexEstimate> total;
  double variance = 0.0;     // of the output over A and B, in the output's unit squared
  std::size_t rows = 0;      // base-sample rows used (rows with a non-finite output are skipped)
};

// `outputs` holds one value per design point in the saltelli layout of sim/design.hpp:
// rows of A_j, B_j, A_B^1_j .. A_B^k_j. Throws std::invalid_argument if its size is not a
// multiple of k + 2. `bootstrap` resamples (0: no intervals) at confidence `level`.
// Thread-safe (pure).
[[nodiscard]] SobolIndices sobol_indices(const std::vector<double>& outputs, std::size_t factors,
                                         std::size_t bootstrap, std::uint64_t seed, double level = 0.95);

struct MorrisMeasure {
  double mu = 0.0;       // mean elementary effect
  double mu_star = 0.0;  // mean absolute elementary effect
  double sigma = 0.0;    // standard deviation of the elementary effects (n - 1)
  std::size_t n = 0;     // elementary effects behind the measures
};

// Accumulates elementary effects factor by factor. Not thread-safe.
class MorrisAccumulator {
 public:
  explicit MorrisAccumulator(std::size_t factors) : effects_(factors), absolute_(factors) {}
  // A non-finite effect (a failed run) is left out.
  void add(std::size_t factor, double elementary_effect) noexcept;
  [[nodiscard]] std::vector<MorrisMeasure> measures() const;

 private:
  std::vector<RunningMoments> effects_;
  std::vector<RunningMoments> absolute_;
};

}  // namespace alignsim::sim
