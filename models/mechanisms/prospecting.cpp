// M9 Self-prospecting and hoarding: rules and parameters.
#include "models/mechanisms/prospecting.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double prospecting_share(const ProspectingParameters& pr, double trust) noexcept {
  const double drive = pr.base_share + pr.distrust_share * (1.0 - trust);
  return std::clamp(drive, 0.0, 1.0);
}

double own_lead_qualify_probability(const ProspectingParameters& pr, double fit) noexcept {
  return pr.own_lead_qualify_probability * fit;
}

namespace binding {

std::vector<Binding> prospecting_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::prospecting, {
      boolean("prospecting.enabled", &ProspectingParameters::enabled, &M::prospecting, true,
              {"", "M9: reps spend free hours on their own prospecting, more when they distrust marketing",
               "seed 001 (Sammy)"}),
      real("prospecting.base_share", &ProspectingParameters::base_share, &M::prospecting, 0.2, 0, 1,
           {"", "M9: share of free hours spent prospecting by a rep who fully trusts marketing", kAssumption}),
      real("prospecting.distrust_share", &ProspectingParameters::distrust_share, &M::prospecting, 0.25, 0, 1,
           {"", "M9: extra share of free hours spent prospecting at zero trust", "seed 001 (over 50% of time)"}),
      real("prospecting.leads_per_hour", &ProspectingParameters::leads_per_hour, &M::prospecting, 0.04, 0, 10,
           {"leads/hour", "M9: own leads found per prospecting hour", kAssumption}),
      real("prospecting.own_lead_qualify_probability", &ProspectingParameters::own_lead_qualify_probability,
           &M::prospecting, 0.5, 0, 1, {"", "M9: qualification probability of a perfect-fit own lead", kAssumption}),
      real("prospecting.hoarding_share", &ProspectingParameters::hoarding_share, &M::prospecting, 0.5, 0, 1,
           {"", "M9: share of own leads a rep hides from marketing", "seed 001"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
