#pragma once
// Summary statistics over replicates: running moments, Student t and normal quantiles,
// confidence intervals for a mean and for a paired what-if difference, and sample
// quantiles.
//
// Everything is deterministic: a result depends only on the values and the order in
// which they were added (callers fix that order, e.g. by replicate index). Nothing here
// uses <random>, global state or a library beyond <cmath>, so results are the same on
// every thread. Values keep the unit of whatever the caller adds (leads, USD, ...);
// variances are in that unit squared, ratios are dimensionless.
#include <cstddef>
#include <vector>

#include "sim/stats/distributions.hpp"

namespace alignsim::sim {

// Count, mean and variance in one pass (Welford, on values shifted by the first one),
// mergeable across chunks (Chan et al.).
// Non-finite values (NaN from a failed run, or +-inf) are not averaged: they are counted
// as missing(), so one bad run cannot poison a mean.
// Thread-safety: const members may be called concurrently; add() and merge() may not
// run concurrently with anything else on the same object.
class RunningMoments {
 public:
  void add(double value) noexcept;
  // Chan's parallel update. Merging chunks in a fixed order gives a fixed result; it
  // agrees with adding the values one by one up to rounding, not bit for bit.
  void merge(const RunningMoments& other) noexcept;

  [[nodiscard]] std::size_t count() const noexcept { return count_; }     // finite values
  [[nodiscard]] std::size_t missing() const noexcept { return missing_; }  // non-finite
  [[nodiscard]] double mean() const noexcept;      // NaN when count() == 0
  [[nodiscard]] double variance() const noexcept;  // n-1 denominator; NaN when count() < 2
  [[nodiscard]] double sd() const noexcept;
  [[nodiscard]] double standard_error() const noexcept;  // sd / sqrt(n)

 private:
  std::size_t count_ = 0;
  std::size_t missing_ = 0;
  double shift_ = 0.0;  // first finite value; mean_ and m2_ are of value - shift_
  double mean_ = 0.0;
  double m2_ = 0.0;  // sum of squared deviations from the running mean
};

struct ConfidenceInterval {
  double estimate;    // point estimate, same unit as the data (or 1 for a ratio)
  double low;         // estimate - half_width
  double high;        // estimate + half_width
  double half_width;  // NaN when the interval is undefined (n < 2, zero base mean)
  std::size_t n;      // finite observations (or pairs) behind the estimate
};

// Two-sided t interval for the mean with n-1 dof. n < 2 gives NaN bounds (the estimate
// is still the mean when n == 1). Throws std::invalid_argument unless 0 < level < 1: a
// wrong level is a caller bug, not bad data. Thread-safe (pure).
[[nodiscard]] ConfidenceInterval mean_confidence_interval(const RunningMoments& moments,
                                                          double level = 0.95);

// `interval` with its bounds clipped to [lowest, highest], the range the true value must
// lie in; the estimate and half_width (the unclipped t half-width, which precision
// targets use) are unchanged. Truncating to the parameter space keeps the coverage.
[[nodiscard]] ConfidenceInterval clipped_to(ConfidenceInterval interval, double lowest, double highest) noexcept;

// Replicate-paired outcomes of a what-if (a) and the base (b). Replicate r of both
// variants sees the same random streams, so a - b has far less noise than a and b.
// A pair with a non-finite member is skipped as a whole and counted in skipped().
// Thread-safety: as RunningMoments.
class PairedDifference {
 public:
  void add(double what_if, double base) noexcept;
  void merge(const PairedDifference& other) noexcept;

  [[nodiscard]] std::size_t count() const noexcept { return difference_.count(); }
  [[nodiscard]] std::size_t skipped() const noexcept { return skipped_; }
  [[nodiscard]] const RunningMoments& what_if() const noexcept { return what_if_; }
  [[nodiscard]] const RunningMoments& base() const noexcept { return base_; }
  [[nodiscard]] const RunningMoments& difference() const noexcept { return difference_; }

  // Mean of a - b with a t interval on the differences (n-1 dof).
  [[nodiscard]] ConfidenceInterval difference_interval(double level = 0.95) const;

  // (mean(a) - mean(b)) / mean(b), dimensionless. The interval uses the delta method on
  // the ratio of the two correlated means mean(d)/mean(b), with t on n-1 dof:
  //   var(R) ~= (var(d) - 2 R cov(d, b) + R^2 var(b)) / (n mean(b)^2).
  // Chosen over Fieller's interval because it is always finite and symmetric, and it is
  // accurate when the base mean is many standard errors from zero, which holds for the
  // totals this simulator reports. A zero base mean gives NaN.
  [[nodiscard]] ConfidenceInterval relative_interval(double level = 0.95) const;

  // Half-width the interval would have if the same data were treated as two independent
  // samples: Welch's t with Welch-Satterthwaite dof.
  [[nodiscard]] double unpaired_half_width(double level = 0.95) const;

  // unpaired_half_width / difference_interval().half_width: how many times narrower the
  // pairing made the interval (> 1 when the outcomes are positively correlated). NaN when
  // the paired differences do not vary (a variant compared with itself, e.g. the base
  // row): there is no paired interval to compare with, and "infinitely narrower" would
  // read as a result.
  [[nodiscard]] double narrowing_factor(double level = 0.95) const;

 private:
  RunningMoments what_if_;
  RunningMoments base_;
  RunningMoments difference_;
  double comoment_ = 0.0;  // sum of (d - mean d)(b - mean b), for cov(d, b)
  std::size_t skipped_ = 0;
};

// Sample quantile, type 7 of Hyndman & Fan (linear interpolation between order
// statistics; numpy's default). NaN values are ignored; no values left, or p outside
// [0, 1], gives NaN. Takes the vector by value because it reorders it. Thread-safe.
[[nodiscard]] double quantile(std::vector<double> values, double p);
[[nodiscard]] double median(std::vector<double> values);

// Spearman's rank correlation of x and y (Pearson's correlation of their ranks, ties
// given their average rank), dimensionless in [-1, 1]. Pairs with a non-finite member
// are dropped; fewer than 3 pairs, different lengths or a constant input give NaN. Used
// to rank the factors of a space-filling design by their monotone effect. Thread-safe.
[[nodiscard]] double spearman_correlation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace alignsim::sim
