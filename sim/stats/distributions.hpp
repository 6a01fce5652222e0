#pragma once
// Quantiles of the normal and Student t distributions, written out (no <random>, no
// library beyond <cmath>) so every platform and thread gives the same intervals.
// Thread-safe: pure functions.

namespace alignsim::sim {

// Inverse CDF of the standard normal. p outside [0, 1] or NaN gives NaN; 0 and 1 give
// -inf and +inf. Accurate to a few ulps. Thread-safe (pure).
[[nodiscard]] double normal_quantile(double p) noexcept;

// Inverse CDF of Student's t with real dof > 0 (infinite dof gives the normal).
// Relative error below 1e-12 for dof >= 1, measured against 50-digit mpmath down to
// p = 1e-300; a quantile beyond the double range (dof < 1, far tail) gives +-inf.
// Invalid arguments give NaN, as <cmath> does. Thread-safe (pure; no global state).
[[nodiscard]] double student_t_quantile(double probability, double degrees_of_freedom) noexcept;

}  // namespace alignsim::sim
