#include "models/funnel_rules.hpp"

#include <cmath>

namespace alignsim::model {

FitQuantile::FitQuantile(double a, double b) noexcept : inverse_a_(1.0 / a), inverse_b_(1.0 / b) {}

double FitQuantile::operator()(double u) const noexcept {
  // F(x) = 1 - (1 - x^a)^b, inverted in closed form (why Kumaraswamy and not Beta:
  // same shapes, but no rejection sampling, so one draw per prospect). a = 2 (the
  // calibrated shape) takes a square root: exact, and a fraction of pow's cost.
  const double y = 1.0 - std::pow(1.0 - u, inverse_b_);
  return inverse_a_ == 0.5 ? std::sqrt(y) : std::pow(y, inverse_a_);
}

std::uint32_t poisson_from_uniform(double u, double mean, std::uint32_t cap) noexcept {
  double probability = std::exp(-mean), cumulative = probability;
  std::uint32_t k = 0;
  while (u > cumulative && k < cap) {
    ++k;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

double experience_factor(double years, double ramp_years, double penalty) noexcept {
  return 1.0 - penalty * std::exp(-years / ramp_years);
}

}  // namespace alignsim::model
