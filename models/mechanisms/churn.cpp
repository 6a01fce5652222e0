// M16 Customer satisfaction and churn: rules and parameters.
#include "models/mechanisms/churn.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

namespace {
constexpr double kBusinessDaysPerYear = 260.0;
}

double churn_multiplier(const ChurnParameters& c, double fit) noexcept {
  return std::max(0.0, 1.0 - c.fit_protection * (2.0 * fit - 1.0));
}

double daily_churn_hazard(const ChurnParameters& c, double consistency_gain) noexcept {
  const double consistency_factor = std::max(0.0, 1.0 - c.consistency_effect * consistency_gain);
  return c.annual_rate / kBusinessDaysPerYear * consistency_factor;
}

namespace binding {

std::vector<Binding> churn_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::churn, {
      boolean("churn.enabled", &ChurnParameters::enabled, &M::churn, true,
              {"", "M16: customers churn with a hazard falling with fit and message consistency", "seed 004"}),
      real("churn.annual_rate", &ChurnParameters::annual_rate, &M::churn, 0.15, 0, 5,
           {"1/year", "M16: churn hazard of an average-fit customer at baseline consistency", kAssumption}),
      real("churn.fit_protection", &ChurnParameters::fit_protection, &M::churn, 0.6, 0, 1,
           {"", "M16: hazard x max(0, 1 - p (2 fit - 1))", kAssumption}),
      real("churn.consistency_effect", &ChurnParameters::consistency_effect, &M::churn, 1.0, 0, 5,
           {"", "M16: hazard x max(0, 1 - e (consistency - initial consistency))", "seed 004"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
