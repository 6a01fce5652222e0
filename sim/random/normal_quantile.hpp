#pragma once
// The standard normal quantile function Phi^-1 (Wichura 1988, Algorithm AS 241,
// PPND16: accurate to about 1 part in 10^16 over (0, 1)).
//
// Why inversion and not Box-Muller: a normal draw then needs one uniform instead of
// two, and 85% of draws (|u - 1/2| <= 0.425) cost a rational function with no log,
// sqrt or cos; the rest one log and one sqrt. The distribution is exact to double
// precision either way.
namespace alignsim::sim {

// z with P(Z <= z) = u, for u in the open interval (0, 1). u <= 0 or u >= 1 (never
// produced by the uniform transforms of random.hpp) gives -inf or +inf.
[[nodiscard]] double standard_normal_quantile(double u) noexcept;

}  // namespace alignsim::sim
