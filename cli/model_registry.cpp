#include "cli/model_registry.hpp"

#include <memory>

#include "models/calibration_cautions.hpp"
#include "models/metrics.hpp"
#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"
#include "models/analytic/analytic_models.hpp"

namespace alignsim::cli {
namespace {

sim::ModelDefinition sales_marketing() {
  return {"sales_marketing",
          "agent-based sales-marketing alignment model (docs/model.md)",
          [] { return std::cref(model::model_catalog()); },
          [] { return std::cref(model::model_output_layout()); },
          [](const sim::Settings& resolved, std::uint32_t replicate) {
            return model::run_model(std::make_shared<const model::ModelParameters>(model::model_parameters_from(resolved)),
                                    replicate);
          },
          {"bookings_usd", "wins", "share_mqls_ignored"},
          [](const sim::Settings& resolved) { return model::calibration_cautions(model::model_parameters_from(resolved)); }};
}

}  // namespace

const sim::ModelRegistry& model_registry() {
  static const sim::ModelRegistry registry({sales_marketing(), model::analytic::ishigami_model(), model::analytic::sobol_g_model(), model::analytic::guard_test_model()});
  return registry;
}

}  // namespace alignsim::cli
