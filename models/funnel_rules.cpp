#include "models/funnel_rules.hpp"

#include <cmath>

namespace alignsim::model {

double fit_from_uniform(double u, double a, double b) noexcept {
  // F(x) = 1 - (1 - x^a)^b, inverted in closed form (why Kumaraswamy and not Beta:
  // same shapes, but no rejection sampling, so one draw per prospect).
  return std::pow(1.0 - std::pow(1.0 - u, 1.0 / b), 1.0 / a);
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
