// Transforms outside the mechanisms (models/funnel_rules.cpp).
#include "models/funnel_rules.hpp"

#include <gtest/gtest.h>

#include <cmath>


namespace alignsim::model {
namespace {

TEST(FunnelRules, KumaraswamyInverseCdfMatchesClosedForm) {
  // F(x) = 1 - (1 - x^a)^b, so F(fit_from_uniform(u)) == u.
  for (double u : {0.01, 0.3, 0.5, 0.9, 0.999}) {
    const double x = fit_from_uniform(u, 2.0, 2.5);
    EXPECT_NEAR(1.0 - std::pow(1.0 - std::pow(x, 2.0), 2.5), u, 1e-12);
  }
}

}  // namespace
}  // namespace alignsim::model
