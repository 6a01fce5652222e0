#include "sim/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace alignsim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// --------------------------------------------------------------------- intervals

void require_level(double level) {
  if (!(level > 0.0 && level < 1.0)) {
    throw std::invalid_argument("confidence level must be in (0, 1)");
  }
}

// Two-sided critical value t_{(1 + level)/2, dof}.
double critical_t(double level, double dof) noexcept { return student_t_quantile(0.5 + 0.5 * level, dof); }

ConfidenceInterval interval(double estimate, double half_width, std::size_t n) noexcept {
  return {estimate, estimate - half_width, estimate + half_width, half_width, n};
}

}  // namespace

// ------------------------------------------------------------------- RunningMoments

void RunningMoments::add(double value) noexcept {
  if (!std::isfinite(value)) {
    ++missing_;
    return;
  }
  // Welford: update around the running mean, never forming sum(x^2), whose cancellation
  // loses every digit when the mean is large against the spread (e.g. 1e9 + noise).
  // Values are first shifted by the first one, which is exact for such data and removes
  // what error Welford itself has (of order eps * mean / sd).
  if (count_ == 0) shift_ = value;
  ++count_;
  const double x = value - shift_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (x - mean_);
}

void RunningMoments::merge(const RunningMoments& other) noexcept {
  missing_ += other.missing_;
  if (other.count_ == 0) return;
  if (count_ == 0) {
    const std::size_t missing = missing_;
    *this = other;
    missing_ = missing;
    return;
  }
  const double n_a = static_cast<double>(count_), n_b = static_cast<double>(other.count_);
  const double n = n_a + n_b;
  const double delta = (other.shift_ - shift_) + (other.mean_ - mean_);  // difference of means
  mean_ += delta * (n_b / n);
  m2_ += other.m2_ + delta * delta * (n_a * n_b / n);
  count_ += other.count_;
}

double RunningMoments::mean() const noexcept { return count_ == 0 ? kNaN : shift_ + mean_; }

double RunningMoments::variance() const noexcept {
  return count_ < 2 ? kNaN : m2_ / static_cast<double>(count_ - 1);
}

double RunningMoments::sd() const noexcept { return std::sqrt(variance()); }

double RunningMoments::standard_error() const noexcept {
  return sd() / std::sqrt(static_cast<double>(count_));
}

// ------------------------------------------------------------------- intervals

ConfidenceInterval mean_confidence_interval(const RunningMoments& moments, double level) {
  require_level(level);
  const std::size_t n = moments.count();
  if (n < 2) return interval(moments.mean(), kNaN, n);
  const double dof = static_cast<double>(n - 1);
  return interval(moments.mean(), critical_t(level, dof) * moments.standard_error(), n);
}

ConfidenceInterval clipped_to(ConfidenceInterval interval, double lowest, double highest) noexcept {
  // NaN bounds (undefined intervals) stay NaN: std::max/min would turn them into a limit.
  if (interval.low < lowest) interval.low = lowest;
  if (interval.high > highest) interval.high = highest;
  return interval;
}

void PairedDifference::add(double what_if, double base) noexcept {
  if (!std::isfinite(what_if) || !std::isfinite(base)) {
    ++skipped_;
    return;
  }
  // Co-moment of (d, b) by the same Welford scheme: delta_b uses the old base mean, the
  // second factor the new difference mean.
  const double d = what_if - base;
  const double delta_b = base_.count() == 0 ? 0.0 : base - base_.mean();
  what_if_.add(what_if);
  base_.add(base);
  difference_.add(d);
  comoment_ += delta_b * (d - difference_.mean());
}

void PairedDifference::merge(const PairedDifference& other) noexcept {
  // Chan's update for the co-moment, which needs both sides' means before merging.
  const double n_a = static_cast<double>(count()), n_b = static_cast<double>(other.count());
  if (n_a > 0.0 && n_b > 0.0) {
    const double shift_d = other.difference_.mean() - difference_.mean();
    const double shift_b = other.base_.mean() - base_.mean();
    comoment_ += shift_d * shift_b * (n_a * n_b / (n_a + n_b));
  }
  comoment_ += other.comoment_;
  what_if_.merge(other.what_if_);
  base_.merge(other.base_);
  difference_.merge(other.difference_);
  skipped_ += other.skipped_;
}

ConfidenceInterval PairedDifference::difference_interval(double level) const {
  return mean_confidence_interval(difference_, level);
}

ConfidenceInterval PairedDifference::relative_interval(double level) const {
  require_level(level);
  const std::size_t n = count();
  const double base_mean = base_.mean();
  const double ratio = difference_.mean() / base_mean;  // NaN or inf when undefined
  if (n < 2 || base_mean == 0.0) return interval(base_mean == 0.0 ? kNaN : ratio, kNaN, n);
  // Delta method: R = mean(d)/mean(b) varies like mean(d - R b)/mean(b), whose variance
  // is var(d - R b) / (n mean(b)^2). Clamped at 0 against rounding.
  const double cov = comoment_ / static_cast<double>(n - 1);
  const double var_linear =
      difference_.variance() - 2.0 * ratio * cov + ratio * ratio * base_.variance();
  const double se = std::sqrt(std::max(var_linear, 0.0) / static_cast<double>(n)) / std::abs(base_mean);
  return interval(ratio, critical_t(level, static_cast<double>(n - 1)) * se, n);
}

double PairedDifference::unpaired_half_width(double level) const {
  require_level(level);
  const std::size_t n = count();
  if (n < 2) return kNaN;
  const double n_d = static_cast<double>(n);
  const double var_mean_a = what_if_.variance() / n_d, var_mean_b = base_.variance() / n_d;
  const double var_sum = var_mean_a + var_mean_b;
  if (var_sum == 0.0) return 0.0;
  // Welch-Satterthwaite dof; with equal group sizes it lies between n-1 and 2n-2.
  const double dof = var_sum * var_sum * (n_d - 1.0) / (var_mean_a * var_mean_a + var_mean_b * var_mean_b);
  return critical_t(level, dof) * std::sqrt(var_sum);
}

double PairedDifference::narrowing_factor(double level) const {
  // Paired differences that vary only by rounding (1e-15 relative) count as not varying.
  constexpr double kRoundingOnly = 1e-12;
  const double paired = difference_interval(level).half_width;
  const double unpaired = unpaired_half_width(level);
  if (!(paired > kRoundingOnly * unpaired)) return kNaN;
  return unpaired / paired;
}

// ------------------------------------------------------------------- sample quantiles

double quantile(std::vector<double> values, double p) {
  if (!(p >= 0.0 && p <= 1.0)) return kNaN;
  std::erase_if(values, [](double v) { return std::isnan(v); });
  if (values.empty()) return kNaN;
  // Type 7: h = (n - 1) p; interpolate between order statistics floor(h) and the next.
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(below);
  std::nth_element(values.begin(), nth, values.end());
  const double lower = *nth;
  const double fraction = h - static_cast<double>(below);
  if (fraction == 0.0) return lower;  // also avoids inf - inf at an infinite order statistic
  const double upper = *std::min_element(nth + 1, values.end());
  return lower + fraction * (upper - lower);
}

double median(std::vector<double> values) { return quantile(std::move(values), 0.5); }

namespace {

// Ranks 1..n in the order of `values`, ties sharing their average rank.
std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
    const double rank = 0.5 * static_cast<double>(start + end + 1);  // mean of start+1 .. end
    for (std::size_t i = start; i < end; ++i) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}

}  // namespace

double spearman_correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (x.size() != y.size()) return nan;
  std::vector<double> xs, ys;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isfinite(x[i]) && std::isfinite(y[i])) {
      xs.push_back(x[i]);
      ys.push_back(y[i]);
    }
  }
  if (xs.size() < 3) return nan;
  const std::vector<double> rx = average_ranks(xs), ry = average_ranks(ys);
  RunningMoments mx, my;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    mx.add(rx[i]);
    my.add(ry[i]);
  }
  double covariance = 0.0;
  for (std::size_t i = 0; i < rx.size(); ++i) covariance += (rx[i] - mx.mean()) * (ry[i] - my.mean());
  covariance /= static_cast<double>(rx.size() - 1);
  const double denominator = mx.sd() * my.sd();
  return denominator > 0.0 ? covariance / denominator : nan;
}

}  // namespace alignsim::sim
