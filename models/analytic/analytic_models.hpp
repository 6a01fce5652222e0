#pragma once
// Analytic test functions as models (`model: ishigami`, `model: sobol_g`), so the
// sensitivity analysis is validated through the same design -> runner -> results ->
// statistics path as the sales-marketing model, against indices known in closed form.
//
//   ishigami  y = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i in [-pi, pi]
//             (Ishigami & Homma 1990; a = 7, b = 0.1 by default)
//   sobol_g   y = prod_i (|4 x_i - 2| + a_i) / (1 + a_i), x_i in [0, 1], 8 inputs
//             (Saltelli & Sobol 1995; a = 0, 1, 4.5, 9, 99, 99, 99, 99 by default)
//   guard_test y = x1 + noise, x1 in [0, 1]; a numerical guard throws RunError when
//             y > guard.max_y, so a scenario can make chosen runs fail on purpose (to
//             test failure isolation, the failed-run count and --resume's retries)
// All take an optional noise.sd: y plus N(0, sd^2) noise drawn from the run's random
// streams, which makes replicates differ (for adaptive replication and CI tests).
#include <vector>

#include "sim/run/model_registry.hpp"

namespace alignsim::model::analytic {

[[nodiscard]] sim::ModelDefinition ishigami_model();
[[nodiscard]] sim::ModelDefinition sobol_g_model();
[[nodiscard]] sim::ModelDefinition guard_test_model();

// Closed-form Sobol indices, for tests and docs.
struct AnalyticIndices {
  std::vector<double> first_order;
  std::vector<double> total;
};
[[nodiscard]] AnalyticIndices ishigami_indices(double a, double b);
[[nodiscard]] AnalyticIndices sobol_g_indices(const std::vector<double>& a);

}  // namespace alignsim::model::analytic
