#include "experiment/history_matching.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "experiment/pattern_check.hpp"
#include "sim/design/design.hpp"

namespace alignsim::experiment {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// How far beyond the kept points the next box reaches, in units of the expected gap
// between the outermost of m points uniform on an interval and its end, span / (m - 1)
// (the unbiased estimate of the end). Twice that: a few kept points rarely reach the edge
// of the plausible region, and a box drawn tight around them would cut plausible values
// off for good (the truth, in the known-truth tests).
constexpr double kGapsBeyondKept = 2.0;
// Fewer kept points than this do not locate the region's edges: the next wave samples
// the same box with twice the points instead of shrinking it on a guess.
constexpr std::size_t kKeptToShrink = 20;

// A distinct design seed per wave (Philox streams keyed by distinct seeds are independent).
std::uint64_t wave_seed(std::uint64_t seed, std::size_t wave) {
  return seed ^ (0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(wave) + 1));
}

// A Latin hypercube of `count` points in the box [low, high].
std::vector<std::vector<double>> latin_hypercube_in(const std::vector<double>& low, const std::vector<double>& high,
                                                    std::size_t count, std::uint64_t seed) {
  sim::SweepSpec spec;
  spec.kind = sim::DesignKind::latin_hypercube;
  spec.samples = count;
  for (std::size_t j = 0; j < low.size(); ++j) {
    sim::Factor factor;
    factor.key = "unit." + std::to_string(j);
    factor.low = 0;
    factor.high = 1;
    spec.factors.push_back(factor);
  }
  const sim::Design design(spec, {}, seed);
  std::vector<std::vector<double>> points;
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<double> point = design.point(i);
    for (std::size_t j = 0; j < point.size(); ++j) point[j] = low[j] + point[j] * (high[j] - low[j]);
    points.push_back(std::move(point));
  }
  return points;
}

void judge(Wave& wave, const std::vector<PatternTarget>& targets,
           const std::vector<std::vector<SimulatedStatistic>>& simulated, double cutoff) {
  if (simulated.size() != wave.points.size()) throw std::logic_error("the simulator returned the wrong number of points");
  wave.ruled_out_by.assign(targets.size(), 0);
  for (const std::vector<SimulatedStatistic>& statistics : simulated) {
    std::vector<double> values = implausibilities(targets, statistics);
    double largest = 0;
    for (std::size_t p = 0; p < values.size(); ++p) {
      largest = std::max(largest, values[p]);
      if (values[p] > cutoff) ++wave.ruled_out_by[p];
    }
    wave.max_implausibility.push_back(largest);
    wave.kept.push_back(largest <= cutoff);
    wave.implausibility.push_back(std::move(values));
  }
}

}  // namespace

std::string stop_reason_text(StopReason reason) {
  switch (reason) {
    case StopReason::nothing_kept: return "no point of the last wave was plausible";
    case StopReason::stopped_shrinking: return "the plausible region stopped shrinking";
    case StopReason::wave_budget: return "the wave budget was spent";
  }
  return "unknown";
}

std::size_t Wave::kept_count() const { return static_cast<std::size_t>(std::count(kept.begin(), kept.end(), true)); }

double Wave::box_volume() const {
  double volume = 1;
  for (std::size_t j = 0; j < low.size(); ++j) volume *= high[j] - low[j];
  return volume;
}

std::size_t Wave::most_ruling_pattern() const {
  return static_cast<std::size_t>(std::max_element(ruled_out_by.begin(), ruled_out_by.end()) - ruled_out_by.begin());
}

std::vector<std::vector<double>> HistoryMatch::plausible() const {
  std::vector<std::vector<double>> points;
  if (waves.empty()) return points;
  const Wave& last = waves.back();
  for (std::size_t i = 0; i < last.points.size(); ++i) {
    if (last.kept[i]) points.push_back(last.points[i]);
  }
  return points;
}

std::vector<double> implausibilities(const std::vector<PatternTarget>& targets,
                                     const std::vector<SimulatedStatistic>& simulated) {
  if (simulated.size() != targets.size()) throw std::logic_error("the simulator returned the wrong number of statistics");
  std::vector<double> values;
  for (std::size_t p = 0; p < targets.size(); ++p) {
    const double value = implausibility(simulated[p].mean, targets[p].observed, targets[p].observation_variance,
                                        targets[p].discrepancy_variance, simulated[p].mc_variance);
    values.push_back(std::isnan(value) ? kInfinity : value);
  }
  return values;
}

void next_box(const Wave& wave, std::vector<double>& low, std::vector<double>& high) {
  const std::size_t n = wave.points.size();
  const std::size_t kept = wave.kept_count();
  for (std::size_t j = 0; j < wave.low.size(); ++j) {
    double kept_low = kInfinity, kept_high = -kInfinity;
    for (std::size_t i = 0; i < n; ++i) {
      if (!wave.kept[i]) continue;
      kept_low = std::min(kept_low, wave.points[i][j]);
      kept_high = std::max(kept_high, wave.points[i][j]);
    }
    if (kept_low > kept_high) throw std::logic_error("next_box needs a kept point");
    if (kept == 1) {  // one point says nothing about the region's extent
      low[j] = wave.low[j];
      high[j] = wave.high[j];
      continue;
    }
    const double stratum = (wave.high[j] - wave.low[j]) / static_cast<double>(n);
    const double gap = (kept_high - kept_low) / static_cast<double>(kept - 1);
    const double margin = std::max(stratum, kGapsBeyondKept * gap);
    low[j] = std::max(wave.low[j], kept_low - margin);
    high[j] = std::min(wave.high[j], kept_high + margin);
  }
}

HistoryMatch history_match(const HistoryMatchingPlan& plan, const std::vector<PatternTarget>& targets,
                           const WaveSimulator& simulate) {
  if (plan.dimensions == 0 || plan.points_per_wave == 0 || plan.max_waves == 0 || targets.empty()) {
    throw std::invalid_argument("history matching needs dimensions, points per wave, waves and targets");
  }
  HistoryMatch match;
  std::vector<double> low(plan.dimensions, 0.0), high(plan.dimensions, 1.0);
  std::size_t points = plan.points_per_wave;
  for (std::size_t w = 0; w < plan.max_waves; ++w) {
    Wave wave;
    wave.low = low;
    wave.high = high;
    wave.points = latin_hypercube_in(low, high, points, wave_seed(plan.seed, w));
    judge(wave, targets, simulate(w, wave.points), plan.cutoff);
    match.waves.push_back(std::move(wave));
    const Wave& done = match.waves.back();
    if (done.kept_count() == 0) {
      match.stop = StopReason::nothing_kept;
      return match;
    }
    if (done.kept_count() < kKeptToShrink) {
      points *= 2;
      continue;
    }
    next_box(done, low, high);
    double volume = 1;
    for (std::size_t j = 0; j < plan.dimensions; ++j) volume *= high[j] - low[j];
    if (volume > (1.0 - plan.stop_shrink) * done.box_volume()) {
      match.stop = StopReason::stopped_shrinking;
      return match;
    }
  }
  match.stop = StopReason::wave_budget;
  return match;
}

}  // namespace alignsim::experiment
