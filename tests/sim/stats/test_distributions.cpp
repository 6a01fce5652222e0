// Normal and Student t quantiles against printed tables, closed forms and 50-digit
// references.
#include "sim/stats/distributions.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

namespace alignsim::sim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Reference values marked "mpmath" were computed at 50 significant digits with mpmath
// 1.2 (betainc / erfc solved by findroot) for the double nearest the printed p. scipy's
// t.ppf was not used: it is itself only accurate to ~1e-11 (it gives t_{0.975,1} =
// 12.706204736432, the true value being 12.706204736174).

void expect_relative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, tolerance * std::abs(expected)) << "expected " << expected;
}

// ------------------------------------------------------------- Student t quantile

TEST(StudentTQuantile, MatchesPrintedTableValues) {
  // Tables print 9 decimals, so 1e-9 absolute is all they can check.
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706204736, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.302652730, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.228138852, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 30), 2.042272456, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 199), 1.971956544, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 1e12), 1.959963985, 1e-9);
}

TEST(StudentTQuantile, MatchesHighPrecisionReferenceTo1e12) {
  // mpmath values; the implementation measures < 1e-12 relative over 1,500 random
  // (dof, p) pairs with dof in [1, 2e5] and p down to 1e-35.
  const double tol = 1e-12;
  expect_relative(student_t_quantile(0.975, 1), 12.706204736174693, tol);
  expect_relative(student_t_quantile(0.975, 2), 4.3026527297494618, tol);
  expect_relative(student_t_quantile(0.975, 10), 2.2281388519862742, tol);
  expect_relative(student_t_quantile(0.975, 30), 2.0422724563012379, tol);
  expect_relative(student_t_quantile(0.975, 199), 1.9719565442517534, tol);
  expect_relative(student_t_quantile(0.995, 4), 4.604094871349992, tol);
  expect_relative(student_t_quantile(0.6, 50), 0.25469934298858811, tol);
  expect_relative(student_t_quantile(0.9, 3.5), 1.5765766051364053, tol);  // real dof
  expect_relative(student_t_quantile(0.999999, 5), 24.771029720372489, tol);
  expect_relative(student_t_quantile(1e-10, 1.5), -2422663.1011343938, tol);
  expect_relative(student_t_quantile(1e-12, 1), -318309886183.79068, tol);
}

TEST(StudentTQuantile, LargeDofIsContinuousAcrossTheFisherSwitchAndTendsToNormal) {
  // Below 1e5 dof the incomplete beta is inverted; from 1e5 up Fisher's expansion is used.
  expect_relative(student_t_quantile(0.975, 99999), 1.9599877077718444, 1e-12);   // mpmath
  expect_relative(student_t_quantile(0.975, 100000), 1.9599877075346093, 1e-12);  // mpmath
  expect_relative(student_t_quantile(0.975, 1e12), 1.9599639845424261, 1e-12);   // mpmath
  EXPECT_EQ(student_t_quantile(0.975, kInf), normal_quantile(0.975));
}

TEST(StudentTQuantile, MatchesClosedFormsForOneAndTwoDof) {
  // dof 1 (Cauchy): t = cot(pi (1 - p)); dof 2: t = (2p - 1) / sqrt(2 p (1 - p)).
  for (double p : {0.001, 0.01, 0.1, 0.3, 0.45, 0.55, 0.75, 0.9, 0.99, 0.999}) {
    expect_relative(student_t_quantile(p, 1), 1.0 / std::tan(std::numbers::pi * (1.0 - p)), 1e-12);
    expect_relative(student_t_quantile(p, 2), (2 * p - 1) / std::sqrt(2 * p * (1 - p)), 1e-12);
  }
}

TEST(StudentTQuantile, IsAntisymmetricAndIncreasing) {
  for (double dof : {1.0, 2.5, 9.0, 120.0, 5e5}) {
    double previous = -kInf;
    for (int k = 1; k < 64; ++k) {
      const double p = k / 64.0;  // 1 - p is exact, so the two calls see the same tail
      const double t = student_t_quantile(p, dof);
      EXPECT_EQ(student_t_quantile(1.0 - p, dof), -t) << "dof " << dof << " p " << p;
      EXPECT_GT(t, previous) << "dof " << dof << " p " << p;
      previous = t;
    }
  }
}

TEST(StudentTQuantile, EdgeArguments) {
  EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
  EXPECT_EQ(student_t_quantile(0.0, 7), -kInf);
  EXPECT_EQ(student_t_quantile(1.0, 7), kInf);
  EXPECT_EQ(student_t_quantile(1e-300, 0.1), -kInf);  // true value ~ -1.6e2996 overflows
  EXPECT_TRUE(std::isnan(student_t_quantile(-0.1, 7)));
  EXPECT_TRUE(std::isnan(student_t_quantile(1.1, 7)));
  EXPECT_TRUE(std::isnan(student_t_quantile(kNaN, 7)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.9, 0.0)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.9, -3.0)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.9, kNaN)));
}

// ------------------------------------------------------------- normal quantile

TEST(NormalQuantile, MatchesHighPrecisionReference) {
  const double tol = 1e-14;  // a few ulps; the Halley refinement reaches ~2.5e-16
  expect_relative(normal_quantile(0.975), 1.9599639845400539, tol);  // mpmath
  expect_relative(normal_quantile(0.995), 2.5758293035489005, tol);
  expect_relative(normal_quantile(0.9), 1.2815515655446006, tol);
  expect_relative(normal_quantile(0.6), 0.25334710313579974, tol);
  expect_relative(normal_quantile(0.001), -3.0902323061678135, tol);
  expect_relative(normal_quantile(1e-10), -6.3613409024040562, tol);
  expect_relative(normal_quantile(1e-300), -37.047096299361199, tol);
  // Near the centre the answer is tiny; relative accuracy is kept by using erf there.
  expect_relative(normal_quantile(0.5000001), 2.5066282733116483e-7, 1e-12);
}

TEST(NormalQuantile, EdgeArguments) {
  EXPECT_EQ(normal_quantile(0.5), 0.0);
  EXPECT_EQ(normal_quantile(0.0), -kInf);
  EXPECT_EQ(normal_quantile(1.0), kInf);
  EXPECT_TRUE(std::isnan(normal_quantile(-1e-9)));
  EXPECT_TRUE(std::isnan(normal_quantile(1.5)));
  EXPECT_TRUE(std::isnan(normal_quantile(kNaN)));
}

}  // namespace
}  // namespace alignsim::sim
