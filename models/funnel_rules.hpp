#pragma once
// Transforms the run needs that belong to no mechanism: the population's fit
// distribution, a Poisson count by inversion, and rep experience. Pure functions, so
// each is tested against its equation directly. The mechanisms' own rules live in
// models/mechanisms/.
#include <cstdint>

namespace alignsim::model {

// Kumaraswamy(a, b) inverse CDF: latent fit phi in (0, 1) from a uniform u, with the
// reciprocals of a and b taken once (a run inverts it once per prospect).
class FitQuantile {
 public:
  FitQuantile(double a, double b) noexcept;
  [[nodiscard]] double operator()(double u) const noexcept;

 private:
  double inverse_a_, inverse_b_;
};

// Poisson(mean) count from one uniform by inversion of the CDF (means here are small:
// own leads per rep and day). Capped at `cap`.
[[nodiscard]] std::uint32_t poisson_from_uniform(double u, double mean, std::uint32_t cap) noexcept;

// Rep experience: relative win probability 1 - penalty * exp(-years / ramp).
[[nodiscard]] double experience_factor(double years, double ramp_years, double penalty) noexcept;

}  // namespace alignsim::model
