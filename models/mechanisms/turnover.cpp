// M14 Cross-team onboarding and turnover: rules and parameters.
#include "models/mechanisms/turnover.hpp"

#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

namespace {
constexpr double kBusinessDaysPerYear = 260.0;
}

double daily_leave_probability(const RepParameters& r) noexcept {
  return 1.0 - std::exp(-r.annual_turnover / kBusinessDaysPerYear);
}

double new_rep_trust(const OnboardingParameters& o, double drawn, bool initial_cohort) noexcept {
  return !initial_cohort && o.enabled ? o.new_rep_trust : drawn;
}

namespace binding {

std::vector<Binding> turnover_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::turnover, {
      real("reps.annual_turnover", &RepParameters::annual_turnover, &M::reps, 0.3, 0, 3,
           {"1/year", "M14: share of reps leaving per year, each replaced by a new hire", "industry surveys"}),
      boolean("onboarding.enabled", &OnboardingParameters::enabled, &M::onboarding, false,
              {"", "M14: onboarding teaches each team to use the other: new reps start calibrated",
               "seed 000 bullet 4"}),
      real("onboarding.new_rep_trust", &OnboardingParameters::new_rep_trust, &M::onboarding, 0.55, 0, 1,
           {"trust", "M14: starting trust of a new rep with cross-team onboarding", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
