// M2 Lead scoring to MQL: rules and parameters.
#include "models/mechanisms/scoring.hpp"

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

namespace binding {

std::vector<Binding> scoring_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::scoring, {
      boolean("scoring.enabled", &ScoringParameters::enabled, &M::scoring, true,
              {"", "M2: inquiries are scored (fit + noise) against a threshold; off = fixed MQL probability",
               "seed 004"}),
      real("scoring.threshold", &ScoringParameters::threshold, &M::scoring, 0.70, -1, 2,
           {"score", "M2: score at or above which an inquiry becomes an MQL while marketing is paid on MQL volume "
                     "(bookings pay raises it by incentives.bookings_pay_threshold_raise)", "seed 004"}),
      real("scoring.noise_sd", &ScoringParameters::noise_sd, &M::scoring, 0.25, 0, 5,
           {"score", "M2: standard deviation of scoring error around true fit", kAssumption}),
      real("scoring.fixed_mql_probability", &ScoringParameters::fixed_mql_probability, &M::scoring, 0.22, 0, 1,
           {"", "M2 off: probability an inquiry becomes an MQL", "Aberdeen 2014 (22%)"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
