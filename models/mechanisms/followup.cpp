// M4 Follow-up decision: rules and parameters.
#include "models/mechanisms/followup.hpp"

#include <algorithm>
#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double work_probability(double trust, const FollowUpParameters& p) noexcept { return work_probability(trust, p, {}); }

double work_probability(double trust, const FollowUpParameters& p, const RepSituation& rep) noexcept {
  if (!p.enabled) return p.fixed_work_probability;
  double logit = p.trust_steepness * (trust - p.trust_midpoint);
  // Zero effects add nothing, so the default reproduces the trust-only rule bit for bit.
  if (p.experience_effect != 0.0) logit += p.experience_effect * rep.experience_years;
  if (p.load_effect != 0.0) logit -= p.load_effect * rep.leads_waiting;
  const double logistic = 1.0 / (1.0 + std::exp(-logit));
  return std::max(p.sla_floor, logistic);
}

namespace binding {

std::vector<Binding> followup_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::followup, {
      boolean("followup.enabled", &FollowUpParameters::enabled, &M::followup, true,
              {"", "M4: rep works a lead with probability rising in trust; off = fixed probability", "seed 000"}),
      real("followup.trust_midpoint", &FollowUpParameters::trust_midpoint, &M::followup, 0.34, 0, 1,
           {"trust", "M4: trust at which a rep works half of marketing leads", kAssumption}),
      real("followup.trust_steepness", &FollowUpParameters::trust_steepness, &M::followup, 10, 0, 100,
           {"1/trust", "M4: logistic steepness of work probability in trust", kAssumption}),
      real("followup.experience_effect", &FollowUpParameters::experience_effect, &M::followup, 0.0, -5, 5,
           {"1/year", "M4: change in the logit of working a lead per year of the rep's selling experience",
            "Sabnis et al. 2013 (direction); size a modelling assumption"}),
      real("followup.load_effect", &FollowUpParameters::load_effect, &M::followup, 0.0, 0, 5,
           {"1/lead", "M4: fall in the logit of working a lead per lead already waiting for the rep's first "
                      "contact", "Sabnis et al. 2013 (direction); size a modelling assumption"}),
      real("followup.sla_floor", &FollowUpParameters::sla_floor, &M::followup, 0.0, 0, 1,
           {"", "M4: service-level agreement: minimum probability a lead is worked", "seed 000; HBR 2011"}),
      real("followup.fixed_work_probability", &FollowUpParameters::fixed_work_probability, &M::followup, 0.36, 0,
           1, {"", "M4 off: probability an MQL is worked", "Aberdeen 2014 (36%)"}),
      real("followup.courtesy_response_probability", &FollowUpParameters::courtesy_response_probability,
           &M::followup, 0.64, 0, 1,
           {"", "M4: probability an unworked MQL still gets a reply (counted as a response, never pursued)",
            "HBR 2011 (23% never respond) vs Sabnis et al. 2013 (70% never pursued)"}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
