#include "sim/random/normal_quantile.hpp"

#include <cmath>
#include <limits>

namespace alignsim::sim {
namespace {

// A polynomial of degree 7 by Horner's rule; c[0] is the constant term.
double horner7(const double (&c)[8], double x) noexcept {
  double sum = c[7];
  for (int k = 6; k >= 0; --k) sum = sum * x + c[k];
  return sum;
}

// AS 241's coefficients as published (Wichura 1988, Applied Statistics 37(3), 477-484).
// Each table is numerator, then denominator with its constant term 1.
// |u - 1/2| <= 0.425: z = q A(r) / B(r), r = 0.180625 - q^2.
constexpr double kCentralNumerator[8] = {
    3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
    4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3};
constexpr double kCentralDenominator[8] = {
    1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3};
// Tails with r = sqrt(-log(min(u, 1 - u))) <= 5: z = C(r - 1.6) / D(r - 1.6).
constexpr double kNearNumerator[8] = {
    1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
    1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr double kNearDenominator[8] = {
    1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9};
// Far tails, r > 5 (u below about 1e-11): z = E(r - 5) / F(r - 5).
constexpr double kFarNumerator[8] = {
    6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
    2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr double kFarDenominator[8] = {
    1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15};

// The upper-tail magnitude for a tail area `area` in (0, 0.075).
double tail_magnitude(double area) noexcept {
  const double r = std::sqrt(-std::log(area));
  if (r <= 5.0) return horner7(kNearNumerator, r - 1.6) / horner7(kNearDenominator, r - 1.6);
  return horner7(kFarNumerator, r - 5.0) / horner7(kFarDenominator, r - 5.0);
}

}  // namespace

double standard_normal_quantile(double u) noexcept {
  const double q = u - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * horner7(kCentralNumerator, r) / horner7(kCentralDenominator, r);
  }
  const double area = q < 0 ? u : 1.0 - u;  // exact: 1 - u for u > 1/2 (Sterbenz)
  if (!(area > 0.0)) return q < 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  const double z = tail_magnitude(area);
  return q < 0 ? -z : z;
}

}  // namespace alignsim::sim
