#include "experiment/history_matching.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "experiment/pattern_check.hpp"
#include "experiment/pattern_emulator.hpp"
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
// Emulated waves: how often the candidates may double when too few survive (64 times the base).
constexpr std::size_t kMaxCandidateDoublings = 6;

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

// The bounding box of `points` inside [box_low, box_high], widened on each side by
// 2 span / (m - 1) for m points (at least one stratum of `strata` in the box), clipped;
// one point leaves the box as it was (it says nothing about the region's extent).
void widened_bounds(const std::vector<std::vector<double>>& points, const std::vector<double>& box_low,
                    const std::vector<double>& box_high, std::size_t strata, std::vector<double>& low,
                    std::vector<double>& high) {
  low = box_low;
  high = box_high;
  if (points.size() < 2) return;
  for (std::size_t j = 0; j < box_low.size(); ++j) {
    double inner_low = kInfinity, inner_high = -kInfinity;
    for (const std::vector<double>& x : points) inner_low = std::min(inner_low, x[j]), inner_high = std::max(inner_high, x[j]);
    const double stratum = (box_high[j] - box_low[j]) / static_cast<double>(strata);
    const double gap = (inner_high - inner_low) / static_cast<double>(points.size() - 1);
    const double margin = std::max(stratum, kGapsBeyondKept * gap);
    low[j] = std::max(box_low[j], inner_low - margin);
    high[j] = std::min(box_high[j], inner_high + margin);
  }
}

void judge(Wave& wave, const std::vector<PatternTarget>& targets,
           const std::vector<std::vector<SimulatedStatistic>>& simulated, double cutoff) {
  if (simulated.size() != wave.points.size()) throw std::logic_error("the simulator returned the wrong number of points");
  wave.ruled_out_by.assign(targets.size(), 0);
  for (const std::vector<SimulatedStatistic>& statistics : simulated) {
    std::vector<double> means;
    for (const SimulatedStatistic& s : statistics) means.push_back(s.mean);
    wave.simulated_means.push_back(std::move(means));
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

// One emulator per target, fitted to every point simulated so far; none where a fit fails.
std::vector<std::optional<PatternEmulator>> fit_emulators(const HistoryMatch& match, std::size_t targets) {
  std::vector<std::vector<double>> points;
  std::vector<std::vector<double>> values(targets);
  for (const Wave& wave : match.waves) {
    for (std::size_t i = 0; i < wave.points.size(); ++i) {
      points.push_back(wave.points[i]);
      for (std::size_t p = 0; p < targets; ++p) values[p].push_back(wave.simulated_means[i][p]);
    }
  }
  std::vector<std::optional<PatternEmulator>> emulators;
  for (std::size_t p = 0; p < targets; ++p) emulators.push_back(PatternEmulator::fit(points, values[p]));
  return emulators;
}

// Whether the emulators leave a candidate plausible (a pattern without an emulator rules nothing out).
bool emulated_plausible(const std::vector<std::optional<PatternEmulator>>& emulators,
                        const std::vector<PatternTarget>& targets, const std::vector<double>& x, double cutoff) {
  for (std::size_t p = 0; p < targets.size(); ++p) {
    if (!emulators[p]) continue;
    const double value = implausibility(emulators[p]->predict(x), targets[p].observed, targets[p].observation_variance,
                                        targets[p].discrepancy_variance, emulators[p]->variance());
    if (!(value <= cutoff)) return false;
  }
  return true;
}

// The next emulated wave's box and points: the surviving candidates' bounding box and
// the first `count` of them. False when none survives.
bool screen_candidates(const HistoryMatchingPlan& plan, const std::vector<PatternTarget>& targets,
                       const HistoryMatch& match, std::size_t wave_index, Wave& wave) {
  const auto emulators = fit_emulators(match, targets.size());
  const Wave& previous = match.waves.back();
  // Candidates cost an emulator evaluation each, not a run: while too few survive to
  // locate the region, screen twice as many (up to kMaxCandidateDoublings times).
  std::size_t count = plan.points_per_wave * plan.candidates_per_point;
  std::vector<std::vector<double>> survivors;
  for (std::size_t doubling = 0;; ++doubling, count *= 2) {
    survivors.clear();
    const auto candidates = latin_hypercube_in(previous.low, previous.high, count,
                                               wave_seed(plan.seed, wave_index) ^ (0xC4A7D1DA7E5ULL + doubling));
    for (const std::vector<double>& x : candidates) {
      if (emulated_plausible(emulators, targets, x, plan.cutoff)) survivors.push_back(x);
    }
    if (survivors.size() >= kKeptToShrink || doubling == kMaxCandidateDoublings) break;
  }
  wave.candidates = count;
  wave.emulated_plausible = survivors.size();
  if (survivors.empty()) return false;
  // As for kept points: fewer than kKeptToShrink survivors do not locate the region's
  // edges, so the box stays; more give their widened bounding box.
  if (survivors.size() < kKeptToShrink) {
    wave.low = previous.low;
    wave.high = previous.high;
  } else {
    widened_bounds(survivors, previous.low, previous.high, count, wave.low, wave.high);
  }
  survivors.resize(std::min(survivors.size(), plan.points_per_wave));
  wave.points = std::move(survivors);
  return true;
}

HistoryMatch emulated_history_match(const HistoryMatchingPlan& plan, const std::vector<PatternTarget>& targets,
                                    const WaveSimulator& simulate) {
  HistoryMatch match;
  Wave first;
  first.low.assign(plan.dimensions, 0.0);
  first.high.assign(plan.dimensions, 1.0);
  first.points = latin_hypercube_in(first.low, first.high, plan.points_per_wave, wave_seed(plan.seed, 0));
  judge(first, targets, simulate(0, first.points), plan.cutoff);
  match.waves.push_back(std::move(first));
  for (std::size_t w = 1; w < plan.max_waves; ++w) {
    Wave wave;
    if (!screen_candidates(plan, targets, match, w, wave)) {
      match.stop = StopReason::emulators_rule_out_all;
      return match;
    }
    judge(wave, targets, simulate(w, wave.points), plan.cutoff);
    match.waves.push_back(std::move(wave));
  }
  match.stop = StopReason::wave_budget;
  return match;
}

}  // namespace

std::string stop_reason_text(StopReason reason) {
  switch (reason) {
    case StopReason::nothing_kept: return "no point of the last wave was plausible";
    case StopReason::stopped_shrinking: return "the plausible region stopped shrinking";
    case StopReason::wave_budget: return "the wave budget was spent";
    case StopReason::emulators_rule_out_all: return "the emulators left no candidate plausible";
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
  std::vector<std::vector<double>> kept;
  for (std::size_t i = 0; i < wave.points.size(); ++i) {
    if (wave.kept[i]) kept.push_back(wave.points[i]);
  }
  if (kept.empty()) throw std::logic_error("next_box needs a kept point");
  widened_bounds(kept, wave.low, wave.high, wave.points.size(), low, high);
}

HistoryMatch history_match(const HistoryMatchingPlan& plan, const std::vector<PatternTarget>& targets,
                           const WaveSimulator& simulate) {
  if (plan.dimensions == 0 || plan.points_per_wave == 0 || plan.max_waves == 0 || targets.empty()) {
    throw std::invalid_argument("history matching needs dimensions, points per wave, waves and targets");
  }
  if (plan.emulate) return emulated_history_match(plan, targets, simulate);
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
