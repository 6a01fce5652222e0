#pragma once
// History matching by waves (issue 13 item 3; Vernon, Goldstein & Bower 2010;
// Andrianakis et al. 2015), by direct simulation or with emulators.
//
// Direct (the default):
// The space is the unit cube of the factors (a caller maps it to parameter values
// through the plausible ranges). Wave w places a Latin hypercube of N points in the
// current box, simulates each point's pattern statistics, and rules a point out when its
// largest implausibility over the patterns exceeds the cutoff. The next box is the
// bounding box of the m points kept, widened on each side by twice the expected gap
// between the outermost point and the region's edge, span / (m - 1) (at least one
// stratum, box width / N), and clipped to the box before; one kept point leaves the box
// as it was. A wave that keeps fewer than 20 points does not shrink the box: the next
// wave samples the same box with twice the points. So neither a region narrower than the spacing of the points nor the part
// of one that a few kept points happen not to reach is lost. The waves stop when nothing is kept, when the box no longer shrinks (its
// volume falls by less than `stop_shrink`), or after `max_waves`. The plausible ensemble
// is the points kept in the last wave: a space-filling sample of the non-implausible
// region of the last box.
//
// Emulated (plan.emulate): when the plausible region is a tiny share of the space (many
// factors, tight patterns), direct waves keep almost nothing and cannot refocus. Wave 1
// is simulated as above; before each later wave, one emulator per pattern
// (pattern_emulator.hpp) is fitted to every point simulated so far, and a Latin
// hypercube of `candidates_per_point` times N candidates in the current box (twice as
// many, up to 64 times, while fewer than 20 survive) is screened
// by the emulated implausibility, |prediction - observed| / sqrt(var_obs +
// discrepancy^2 + emulator variance), against the same cutoff. The next box is the
// bounding box of the candidates that survive (widened as the kept points' box is, and
// left as it was for fewer than 20 survivors), and
// the wave simulates N of them (the first N in the hypercube's order: a random,
// space-filling subset), judged by their simulated implausibility as always. So the
// emulator only chooses where to simulate; every kept point was simulated. The waves
// stop when no candidate survives, or after `max_waves`.
//
// Deterministic: a wave's points depend only on the seed, the wave and the box, and the
// points are simulated in index order through a caller-supplied function, so the result
// is the same whatever executes the simulations.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace alignsim::experiment {

// What a pattern's implausibility counts besides the distance (pattern_check.hpp).
struct PatternTarget {
  std::string name;
  double observed = 0;
  double observation_variance = 0;
  double discrepancy_variance = 0;
};

// One pattern's statistic simulated at a point: the mean over replicates and the
// Monte-Carlo variance of that mean (sd^2 / n). A NaN mean rules the point out.
struct SimulatedStatistic {
  double mean = 0;
  double mc_variance = 0;
};

// Simulates the points of one wave (unit coordinates, one vector per point, in order)
// and returns, per point, one statistic per target in the targets' order.
using WaveSimulator =
    std::function<std::vector<std::vector<SimulatedStatistic>>(std::size_t wave, const std::vector<std::vector<double>>&)>;

struct HistoryMatchingPlan {
  std::size_t dimensions = 0;
  std::size_t points_per_wave = 200;
  std::size_t max_waves = 5;
  double cutoff = 3.0;
  double stop_shrink = 0.1;  // stop once a wave shrinks the box's volume by less than 10%
  std::uint64_t seed = 0;
  bool emulate = false;      // screen candidates with emulators before each wave after the first
  std::size_t candidates_per_point = 50;
};

// Why the waves stopped.
enum class StopReason { nothing_kept, stopped_shrinking, wave_budget, emulators_rule_out_all };
[[nodiscard]] std::string stop_reason_text(StopReason reason);

struct Wave {
  std::vector<double> low, high;             // the box this wave sampled, unit coordinates
  std::vector<std::vector<double>> points;   // unit coordinates
  std::vector<std::vector<double>> implausibility;  // [point][pattern]
  std::vector<std::vector<double>> simulated_means;  // [point][pattern]: what the emulators learn from
  std::vector<double> max_implausibility;    // per point, over the patterns (NaN counts as +inf)
  std::vector<bool> kept;                    // max_implausibility <= cutoff
  std::vector<std::size_t> ruled_out_by;     // per pattern: points whose implausibility for it exceeds the cutoff
  // Emulated waves only: candidates screened, and those the emulators left plausible.
  std::size_t candidates = 0, emulated_plausible = 0;
  [[nodiscard]] std::size_t kept_count() const;
  [[nodiscard]] double box_volume() const;  // share of the unit cube the box covers
  // The pattern that ruled out the most points of this wave (the first on a tie).
  [[nodiscard]] std::size_t most_ruling_pattern() const;
};

struct HistoryMatch {
  std::vector<Wave> waves;
  StopReason stop = StopReason::wave_budget;
  // The points kept in the last wave (unit coordinates): the plausible ensemble.
  [[nodiscard]] std::vector<std::vector<double>> plausible() const;
};

// The largest implausibility of a point's statistics against the targets; NaN statistics
// count as +inf (a run that cannot produce the statistic is not plausible).
[[nodiscard]] std::vector<double> implausibilities(const std::vector<PatternTarget>& targets,
                                                   const std::vector<SimulatedStatistic>& simulated);

// The next box from a wave: the kept points' bounding box widened on each side by
// 2 span / (m - 1) (at least one stratum of the wave's box), clipped to that box. Requires at least one kept point.
void next_box(const Wave& wave, std::vector<double>& low, std::vector<double>& high);

// Runs the waves. Throws std::invalid_argument for an empty plan (no dimensions, points or
// targets) and std::logic_error when `simulate` returns the wrong shape.
[[nodiscard]] HistoryMatch history_match(const HistoryMatchingPlan& plan, const std::vector<PatternTarget>& targets,
                                         const WaveSimulator& simulate);

}  // namespace alignsim::experiment
