// Transforms outside the mechanisms (models/funnel_rules.cpp).
#include "models/funnel_rules.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>


namespace alignsim::model {
namespace {

TEST(FunnelRules, KumaraswamyInverseCdfMatchesClosedForm) {
  // F(x) = 1 - (1 - x^a)^b, so F(FitQuantile(a, b)(u)) == u.
  // a = 2 takes the square root, other shapes pow.
  for (const auto& [a, b] : {std::pair{2.0, 2.5}, std::pair{3.0, 0.7}, std::pair{0.6, 4.0}}) {
    for (double u : {0.01, 0.3, 0.5, 0.9, 0.999}) {
      const double x = FitQuantile(a, b)(u);
      EXPECT_NEAR(1.0 - std::pow(1.0 - std::pow(x, a), b), u, 1e-12) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace alignsim::model
