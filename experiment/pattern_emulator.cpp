#include "experiment/pattern_emulator.hpp"

#include <algorithm>
#include <cmath>

namespace alignsim::experiment {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Cholesky factor L of a symmetric positive-definite matrix (lower triangle), or none.
std::optional<Matrix> cholesky(Matrix a) {
  const std::size_t p = a.size();
  for (std::size_t j = 0; j < p; ++j) {
    double diagonal = a[j][j];
    for (std::size_t k = 0; k < j; ++k) diagonal -= a[j][k] * a[j][k];
    if (!(diagonal > 0)) return std::nullopt;
    a[j][j] = std::sqrt(diagonal);
    for (std::size_t i = j + 1; i < p; ++i) {
      double sum = a[i][j];
      for (std::size_t k = 0; k < j; ++k) sum -= a[i][k] * a[j][k];
      a[i][j] = sum / a[j][j];
    }
  }
  return a;
}

// Solves L y = b (forward).
std::vector<double> forward(const Matrix& l, std::vector<double> b) {
  for (std::size_t i = 0; i < b.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k) b[i] -= l[i][k] * b[k];
    b[i] /= l[i][i];
  }
  return b;
}

// Solves L^T x = y (backward).
std::vector<double> backward(const Matrix& l, std::vector<double> y) {
  for (std::size_t i = y.size(); i-- > 0;) {
    for (std::size_t k = i + 1; k < y.size(); ++k) y[i] -= l[k][i] * y[k];
    y[i] /= l[i][i];
  }
  return y;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

}  // namespace

std::vector<double> PatternEmulator::features(const std::vector<double>& x) const {
  std::vector<double> u(x.size());
  for (std::size_t j = 0; j < x.size(); ++j) u[j] = (x[j] - centre_[j]) / half_width_[j];
  std::vector<double> f{1.0};
  f.insert(f.end(), u.begin(), u.end());
  if (quadratic_) {
    for (std::size_t j = 0; j < u.size(); ++j) {
      for (std::size_t k = j; k < u.size(); ++k) f.push_back(u[j] * u[k]);
    }
  }
  return f;
}

std::optional<PatternEmulator> PatternEmulator::fit(const std::vector<std::vector<double>>& points,
                                                    const std::vector<double>& values) {
  std::vector<std::size_t> usable;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (std::isfinite(values[i])) usable.push_back(i);
  }
  if (points.empty() || usable.empty()) return std::nullopt;
  const std::size_t d = points.front().size();
  const std::size_t linear_terms = d + 1, quadratic_terms = 1 + d + d * (d + 1) / 2;
  if (usable.size() < 2 * linear_terms) return std::nullopt;
  PatternEmulator e;
  e.quadratic_ = usable.size() >= 2 * quadratic_terms;
  e.centre_.assign(d, 0.0);
  e.half_width_.assign(d, 0.0);
  for (std::size_t j = 0; j < d; ++j) {
    double low = points[usable[0]][j], high = low;
    for (std::size_t i : usable) low = std::min(low, points[i][j]), high = std::max(high, points[i][j]);
    e.centre_[j] = 0.5 * (low + high);
    e.half_width_[j] = high > low ? 0.5 * (high - low) : 1.0;
  }
  const std::size_t p = e.quadratic_ ? quadratic_terms : linear_terms;
  Matrix normal(p, std::vector<double>(p, 0.0));
  std::vector<double> right(p, 0.0);
  std::vector<std::vector<double>> rows;
  for (std::size_t i : usable) {
    rows.push_back(e.features(points[i]));
    const std::vector<double>& f = rows.back();
    for (std::size_t a = 0; a < p; ++a) {
      right[a] += f[a] * values[i];
      for (std::size_t b = 0; b <= a; ++b) normal[a][b] += f[a] * f[b];
    }
  }
  for (std::size_t a = 0; a < p; ++a) {
    for (std::size_t b = 0; b < a; ++b) normal[b][a] = normal[a][b];
  }
  const auto l = cholesky(normal);
  if (!l) return std::nullopt;
  e.coefficients_ = backward(*l, forward(*l, right));
  // Leave-one-out residuals without refitting: e_i / (1 - h_ii), h_ii = f_i^T (X^T X)^-1 f_i.
  double press = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::vector<double> z = forward(*l, rows[r]);
    const double leverage = std::min(dot(z, z), 1.0 - 1e-9);
    const double residual = values[usable[r]] - dot(e.coefficients_, rows[r]);
    press += std::pow(residual / (1.0 - leverage), 2);
  }
  e.variance_ = press / static_cast<double>(rows.size());
  return e;
}

double PatternEmulator::predict(const std::vector<double>& x) const { return dot(coefficients_, features(x)); }

}  // namespace alignsim::experiment
