#include "sim/design/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/design/design_purposes.hpp"
#include "sim/random/random.hpp"

namespace alignsim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The rows of a Saltelli design whose outputs are all finite, as (f_A, f_B, f_AB^1..k).
std::vector<std::vector<double>> finite_rows(const std::vector<double>& outputs, std::size_t k) {
  std::vector<std::vector<double>> rows;
  for (std::size_t start = 0; start < outputs.size(); start += k + 2) {
    std::vector<double> row(outputs.begin() + static_cast<std::ptrdiff_t>(start),
                            outputs.begin() + static_cast<std::ptrdiff_t>(start + k + 2));
    bool finite = true;
    for (double y : row) finite = finite && std::isfinite(y);
    if (finite) rows.push_back(std::move(row));
  }
  return rows;
}

struct PointEstimates {
  std::vector<double> first, total;
  double variance = kNaN;
};

// The estimators over the rows picked by `pick(j)` for j = 0..n-1 (the identity for the
// estimate itself, a resample for the bootstrap). Sums run in j order: fixed results.
template <class Pick>
PointEstimates estimate(const std::vector<std::vector<double>>& rows, std::size_t k, Pick pick) {
  const std::size_t n = rows.size();
  RunningMoments output;
  for (std::size_t j = 0; j < n; ++j) output.add(rows[pick(j)][0]);
  for (std::size_t j = 0; j < n; ++j) output.add(rows[pick(j)][1]);
  PointEstimates e{std::vector<double>(k, 0.0), std::vector<double>(k, 0.0), output.variance()};
  for (std::size_t j = 0; j < n; ++j) {
    const std::vector<double>& row = rows[pick(j)];
    for (std::size_t i = 0; i < k; ++i) {
      e.first[i] += row[1] * (row[2 + i] - row[0]);
      e.total[i] += (row[0] - row[2 + i]) * (row[0] - row[2 + i]);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    e.first[i] /= double(n) * e.variance;
    e.total[i] /= 2.0 * double(n) * e.variance;
  }
  return e;
}

// Percentile interval of each factor's bootstrap replicates.
void add_intervals(std::vector<IndexEstimate>& out, const std::vector<std::vector<double>>& replicates,
                   double level) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].low = quantile(replicates[i], (1.0 - level) / 2.0);
    out[i].high = quantile(replicates[i], (1.0 + level) / 2.0);
  }
}

}  // namespace

SobolIndices sobol_indices(const std::vector<double>& outputs, std::size_t k, std::size_t bootstrap,
                           std::uint64_t seed, double level) {
  if (k == 0 || outputs.size() % (k + 2) != 0) {
    throw std::invalid_argument("Saltelli outputs must come in rows of k + 2 values");
  }
  const auto rows = finite_rows(outputs, k);
  SobolIndices result;
  result.rows = rows.size();
  result.first_order.assign(k, {kNaN, kNaN, kNaN});
  result.total.assign(k, {kNaN, kNaN, kNaN});
  if (rows.size() < 2) return result;
  const PointEstimates point = estimate(rows, k, [](std::size_t j) { return j; });
  result.variance = point.variance;
  for (std::size_t i = 0; i < k; ++i) {
    result.first_order[i].estimate = point.first[i];
    result.total[i].estimate = point.total[i];
  }
  if (bootstrap == 0) return result;
  const RandomStreams streams(seed, 0);
  std::vector<std::vector<double>> first(k), total(k);
  for (std::size_t b = 0; b < bootstrap; ++b) {
    std::vector<std::size_t> picks(rows.size());
    for (std::size_t j = 0; j < picks.size(); ++j) {
      const double u = streams.uniform(DrawKey{j, static_cast<std::uint32_t>(b), kPurposeBootstrap, 0});
      picks[j] = std::min(static_cast<std::size_t>(u * double(rows.size())), rows.size() - 1);
    }
    const PointEstimates e = estimate(rows, k, [&](std::size_t j) { return picks[j]; });
    for (std::size_t i = 0; i < k; ++i) {
      first[i].push_back(e.first[i]);
      total[i].push_back(e.total[i]);
    }
  }
  add_intervals(result.first_order, first, level);
  add_intervals(result.total, total, level);
  return result;
}

void MorrisAccumulator::add(std::size_t factor, double elementary_effect) noexcept {
  if (!std::isfinite(elementary_effect)) return;
  effects_[factor].add(elementary_effect);
  absolute_[factor].add(std::fabs(elementary_effect));
}

std::vector<MorrisMeasure> MorrisAccumulator::measures() const {
  std::vector<MorrisMeasure> out;
  for (std::size_t i = 0; i < effects_.size(); ++i) {
    out.push_back({effects_[i].mean(), absolute_[i].mean(), effects_[i].sd(), effects_[i].count()});
  }
  return out;
}

}  // namespace alignsim::sim
