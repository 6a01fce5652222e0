#include "models/registered_models.hpp"

#include "models/analytic/analytic_models.hpp"
#include "models/sales_marketing_model.hpp"

namespace alignsim::model {

const sim::ModelRegistry& registered_models() {
  static const sim::ModelRegistry registry(
      {sales_marketing_model(), analytic::ishigami_model(), analytic::sobol_g_model(), analytic::guard_test_model()});
  return registry;
}

}  // namespace alignsim::model
