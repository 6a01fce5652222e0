// The analytic test models' closed-form Sobol indices against published values.
#include <gtest/gtest.h>

#include "models/analytic/analytic_models.hpp"

namespace alignsim::model::analytic {
namespace {

TEST(AnalyticModels, AnalyticIshigamiIndicesMatchThePublishedValues) {
  const AnalyticIndices s = ishigami_indices(7.0, 0.1);
  EXPECT_NEAR(s.first_order[0], 0.3139, 1e-4);
  EXPECT_NEAR(s.first_order[1], 0.4424, 1e-4);
  EXPECT_NEAR(s.total[0], 0.5576, 1e-4);
  EXPECT_NEAR(s.total[2], 0.2437, 1e-4);
}

}  // namespace
}  // namespace alignsim::model::analytic
