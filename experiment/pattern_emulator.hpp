#pragma once
// An emulator of one pattern's simulated statistic over the unit cube of the factors
// (history matching's emulated waves, history_matching.hpp; Vernon, Goldstein & Bower
// 2010 use Gaussian processes, Andrianakis et al. 2015 too): a quadratic response
// surface fitted by least squares to the points simulated so far (linear when too few
// points for a quadratic: fewer than twice its terms). Its variance is the leave-one-out
// mean squared error of the fit, so it holds the surface's lack of fit and the
// Monte-Carlo noise of the training runs alike, and is never smaller than what the
// surface gets wrong on points it did not see.
// Immutable once fitted; thread-safe.
#include <cstddef>
#include <optional>
#include <vector>

namespace alignsim::experiment {

class PatternEmulator {
 public:
  // None when fewer than twice the linear terms (2 (d + 1)) have a finite value, or the
  // points do not span the space (a singular fit).
  [[nodiscard]] static std::optional<PatternEmulator> fit(const std::vector<std::vector<double>>& points,
                                                          const std::vector<double>& values);
  [[nodiscard]] double predict(const std::vector<double>& x) const;
  // The leave-one-out mean squared error of the fit: the variance of a prediction's error.
  [[nodiscard]] double variance() const noexcept { return variance_; }
  [[nodiscard]] bool quadratic() const noexcept { return quadratic_; }

 private:
  [[nodiscard]] std::vector<double> features(const std::vector<double>& x) const;
  std::vector<double> centre_, half_width_;  // of the training points, so the terms are well scaled
  std::vector<double> coefficients_;
  double variance_ = 0;
  bool quadratic_ = false;
};

}  // namespace alignsim::experiment
