#include "sim/stats/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace alignsim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------- special functions

// log Gamma(a + 1/2) - log Gamma(a) for a > 0, without forming either log Gamma: for
// large a (huge dof) both are ~a log a and their difference would lose every digit.
// The argument is shifted up to z >= 15 by Gamma(z + 1) = z Gamma(z); there the Stirling
// series (Bernoulli terms to z^-9, next term < 3e-16) is subtracted term by term.
// Written here rather than via std::lgamma, which writes glibc's global `signgam`.
double log_gamma_half_step(double a) noexcept {
  double ratio = 1.0;  // prod (a + j + 1/2) / (a + j) over the shift
  while (a < 15.0) {
    ratio *= (a + 0.5) / a;
    a += 1.0;
  }
  const auto stirling_tail = [](double z) {
    const double r = 1.0 / z, r2 = r * r;
    return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
  };
  // (a) log(a + 1/2) - (a - 1/2) log a - 1/2, rearranged so no large terms cancel.
  const double main = a * std::log1p(0.5 / a) - 0.5 + 0.5 * std::log(a);
  return main + stirling_tail(a + 0.5) - stirling_tail(a) - std::log(ratio);
}

// Continued fraction for the incomplete beta function (DLMF 8.17.22), evaluated by the
// modified Lentz method. It converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) noexcept {
  constexpr double tiny = 1e-300;
  constexpr double eps = 1e-16;
  double f = 1.0, c = 1.0, d = 0.0;
  for (int j = 1; j <= 10000; ++j) {
    const double m = static_cast<double>(j / 2);
    const double coeff = (j % 2 == 1)
                             ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                             : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1.0 + coeff * d;
    d = 1.0 / (std::abs(d) < tiny ? tiny : d);
    c = 1.0 + coeff / c;
    if (std::abs(c) < tiny) c = tiny;
    const double delta = c * d;
    f *= delta;
    if (std::abs(delta - 1.0) < eps) break;
  }
  return 1.0 / f;
}

// One side of a split of the unit interval: x and its log, passed separately because
// x may underflow (huge t) or sit within 1e-15 of 1 (huge dof) while log x is exact.
struct BetaArgument {
  double x;
  double log_x;
};

// Regularized incomplete beta I_x(a, b) for x below the mode-ish switch point, where
// the continued fraction converges. y = 1 - x. log_b = log B(a, b).
double incomplete_beta_lower(double a, double b, BetaArgument x, BetaArgument y, double log_b) noexcept {
  const double front = std::exp(a * x.log_x + b * y.log_x - log_b);
  return front * beta_continued_fraction(a, b, x.x) / a;
}

// --------------------------------------------------------------------- distributions

// P(Z > x) - q for x >= 0, 0 < q <= 1/2: erfc in the tail, and near the centre erf
// compared with 1/2 - q (exact there), so neither loses digits to cancellation.
double normal_tail_excess(double x, double q) noexcept {
  const double scaled = x / std::numbers::sqrt2;
  return q < 0.25 ? 0.5 * std::erfc(scaled) - q : (0.5 - q) - 0.5 * std::erf(scaled);
}

double normal_density(double x) noexcept {
  return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

// Student t with fixed dof; log B(dof/2, 1/2) is computed once per quantile.
class StudentT {
 public:
  explicit StudentT(double dof) noexcept
      : dof_(dof), a_(0.5 * dof), log_b_(0.5 * std::log(std::numbers::pi) - log_gamma_half_step(0.5 * dof)) {}

  // P(T > t) - q for t >= 0 and 0 < q <= 1/2, without cancellation: P(T > t) =
  // I_x(dof/2, 1/2) / 2 with x = dof / (dof + t^2); when the continued fraction needs the
  // complement, P(0 < T < t) = I_y(1/2, dof/2) / 2 is computed instead and compared
  // with 1/2 - q, which is exact for q near 1/2.
  [[nodiscard]] double tail_excess(double t, double q) const noexcept {
    const auto [x, y] = split(t);
    if (x.x < (a_ + 1.0) / (a_ + 2.5)) return 0.5 * incomplete_beta_lower(a_, 0.5, x, y, log_b_) - q;
    return (0.5 - q) - 0.5 * incomplete_beta_lower(0.5, a_, y, x, log_b_);
  }

  // log of the density at t >= 0: (1 + t^2/dof)^(-(dof+1)/2) = x^((dof+1)/2).
  [[nodiscard]] double log_density(double t) const noexcept {
    return -0.5 * std::log(dof_) - log_b_ + (a_ + 0.5) * split(t).first.log_x;
  }

  // An upper bound on the quantile: the density is below dof^(dof/2) t^-(dof+1) / B,
  // whose tail integral, solved for the tail probability q, gives this t.
  [[nodiscard]] double power_tail_bound(double q) const noexcept {
    return std::exp(((a_ - 1.0) * std::log(dof_) - log_b_ - std::log(q)) / dof_);
  }

 private:
  // x = dof / (dof + t^2) = 1 / (1 + s) and y = 1 - x, with s = t^2 / dof, and their
  // logs taken from s by log1p so that neither cancels when s is tiny (huge dof) or
  // huge (heavy tails); past s = 1e300, x underflows but log x is still -log s.
  [[nodiscard]] std::pair<BetaArgument, BetaArgument> split(double t) const noexcept {
    const double log_u = std::log(t) - 0.5 * std::log(dof_);  // u = t / sqrt(dof)
    if (log_u > 345.0) return {{0.0, -2.0 * log_u}, {1.0, 0.0}};  // u > 1e150
    const double u = t / std::sqrt(dof_);
    const double s = u * u;
    const double log_y = s < 1.0 ? std::log(s) - std::log1p(s) : -std::log1p(1.0 / s);
    return {{1.0 / (1.0 + s), -std::log1p(s)}, {s / (1.0 + s), log_y}};
  }

  double dof_;
  double a_;
  double log_b_;
};

// Fisher's (Cornish-Fisher) expansion of the t quantile in powers of 1/dof around the
// normal quantile z (Abramowitz & Stegun 26.7.5). A good Newton start for any dof; from
// kFisherDof up its truncation error is below 4e-14 relative even at p = 1e-300
// (checked against 50-digit mpmath), while the incomplete beta loses digits there
// because x = dof / (dof + t^2) rounds within 1e-16 of 1.
constexpr double kFisherDof = 1e5;

double cornish_fisher_t(double z, double dof) noexcept {
  const double z2 = z * z;
  const double g1 = z * (z2 + 1.0) / 4.0;
  const double g2 = z * ((5.0 * z2 + 16.0) * z2 + 3.0) / 96.0;
  const double g3 = z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / 384.0;
  const double g4 = z * ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) / 92160.0;
  return z + (g1 + (g2 + (g3 + g4 / dof) / dof) / dof) / dof;
}

// One Newton step towards P(T > t) = q from t > 0, given excess = P(T > t) - q. Past
// t = 1 the step is taken on log P(T > t) against log t: heavy tails are close to a
// power law there, where that is nearly linear and a plain step in t would only grow t
// by a factor (1 + 1/dof) per iteration. Logs also keep the density from underflowing.
double newton_step(const StudentT& t_dist, double t, double q, double excess) noexcept {
  const double log_density = t_dist.log_density(t);
  if (t <= 1.0) return t + excess / std::exp(log_density);
  const double tail = q + excess;
  const double log_slope = std::exp(log_density + std::log(t) - std::log(tail));  // -dlogP/dlogt
  return t * std::exp(std::log1p(excess / q) / log_slope);
}

// Solve P(T > t) = q for t > 0 (0 < q < 0.5) by Newton's method kept inside a bracket
// [lo, hi]: a step that leaves the bracket is replaced by bisection, so the iteration
// cannot diverge however poor the start. The power-tail bound is a valid hi.
double student_t_upper_quantile(double q, double dof) noexcept {
  const StudentT t_dist(dof);
  constexpr double largest = std::numeric_limits<double>::max();
  double hi = t_dist.power_tail_bound(q);
  if (!(hi < largest)) {
    if (t_dist.tail_excess(largest, q) > 0.0) return kInf;  // dof < 1, far tail: overflows
    hi = largest;
  }
  double lo = 0.0;
  double t = cornish_fisher_t(-normal_quantile(q), dof);
  if (!(t > lo && t < hi)) t = 0.5 * hi;
  for (int iteration = 0; iteration < 100; ++iteration) {
    const double excess = t_dist.tail_excess(t, q);  // decreasing in t
    if (excess == 0.0) return t;
    (excess > 0.0 ? lo : hi) = t;
    double next = newton_step(t_dist, t, q, excess);
    if (!(next > lo && next < hi)) {
      // Geometric bisection when the bracket spans orders of magnitude (heavy tails).
      next = (lo > 0.0 && hi > 4.0 * lo) ? std::sqrt(lo) * std::sqrt(hi) : 0.5 * (lo + hi);
    }
    if (std::abs(next - t) <= 1e-13 * next) return next;
    t = next;
  }
  return t;
}

}  // namespace

// ------------------------------------------------------------------- quantiles

double normal_quantile(double p) noexcept {
  if (!(p >= 0.0 && p <= 1.0)) return kNaN;
  if (p == 0.5) return 0.0;
  // Work with the smaller tail q, which is exact for p < 0.5 and for p >= 0.5 (1 - p is
  // exact there), so deep tails keep their relative precision.
  const double q = std::min(p, 1.0 - p);
  if (q == 0.0) return p < 0.5 ? -kInf : kInf;
  // Start: Abramowitz & Stegun 26.2.23 (abs. error < 4.5e-4), then Halley steps on
  // erfc, each of which roughly triples the correct digits.
  const double s = std::sqrt(-2.0 * std::log(q));
  double x = s - (2.515517 + s * (0.802853 + s * 0.010328)) /
                     (1.0 + s * (1.432788 + s * (0.189269 + s * 0.001308)));
  for (int i = 0; i < 4; ++i) {
    const double u = normal_tail_excess(x, q) / normal_density(x);
    const double step = u / (1.0 - 0.5 * x * u);
    x += step;
    if (std::abs(step) <= 1e-16 * std::abs(x)) break;
  }
  return p < 0.5 ? -x : x;
}

double student_t_quantile(double probability, double degrees_of_freedom) noexcept {
  const double p = probability, dof = degrees_of_freedom;
  if (!(p >= 0.0 && p <= 1.0) || !(dof > 0.0)) return kNaN;
  if (std::isinf(dof)) return normal_quantile(p);
  if (p == 0.5) return 0.0;
  const double q = std::min(p, 1.0 - p);
  if (q == 0.0) return p < 0.5 ? -kInf : kInf;
  const double t = dof >= kFisherDof ? cornish_fisher_t(-normal_quantile(q), dof)
                                     : student_t_upper_quantile(q, dof);
  return p < 0.5 ? -t : t;
}

}  // namespace alignsim::sim
