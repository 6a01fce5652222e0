// M5 Response delay: rules and parameters.
#include "models/mechanisms/response.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

namespace {
constexpr double kHoursPerDay = 24.0;
}

double service_hours(const ResponseParameters& r, double capacity_multiplier) noexcept {
  const double leads_per_day = r.rep_hours_per_day * r.lead_followup_share * capacity_multiplier / r.hours_per_lead;
  return kHoursPerDay / leads_per_day;
}

double enter_queue(double arrival_hours, double service_hours, double& free_at_hours) noexcept {
  const double start = std::max(arrival_hours, free_at_hours);
  free_at_hours = start + service_hours;
  return start;
}

double prompt_probability(const ResponseParameters& r, double trust, bool worked) noexcept {
  return worked ? r.prompt_probability_base + (r.prompt_probability_at_full_trust - r.prompt_probability_base) * trust
                : r.courtesy_prompt_probability;
}

double deprioritised_mean_hours(const ResponseParameters& r, double trust) noexcept {
  return r.deprioritised_mean_hours * (1.0 - trust);
}

namespace binding {

std::vector<Binding> response_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::response, {
      boolean("response.enabled", &ResponseParameters::enabled, &M::response, true,
              {"", "M5: response delay from queue, capacity and trust; off = exponential fixed mean", "HBR 2011"}),
      real("response.rep_hours_per_day", &ResponseParameters::rep_hours_per_day, &M::response, 8, 0.5, 24,
           {"hours/business day", "M5: working hours of a rep", "convention"}),
      real("response.lead_followup_share", &ResponseParameters::lead_followup_share, &M::response, 0.25, 0.001, 1,
           {"", "M5: share of a rep's hours available for first contacts of marketing leads",
            "CSO Insights 2011"}),
      real("response.hours_per_lead", &ResponseParameters::hours_per_lead, &M::response, 0.5, 0.01, 24,
           {"hours", "M5: rep time for one first contact", kAssumption}),
      real("response.prompt_probability_base", &ResponseParameters::prompt_probability_base, &M::response, 0.6,
           0, 1, {"", "M5: probability a lead is answered at once by a rep with zero trust", "HBR 2011"}),
      real("response.prompt_probability_at_full_trust", &ResponseParameters::prompt_probability_at_full_trust,
           &M::response, 1.0, 0, 1,
           {"", "M5: probability a lead is answered at once by a rep with full trust (linear in between)",
            "HBR 2011"}),
      real("response.prompt_mean_hours", &ResponseParameters::prompt_mean_hours, &M::response, 0.1, 0.001, 24,
           {"hours", "M5: mean delay of a prompt answer", "HBR 2011"}),
      real("response.deprioritised_mean_hours", &ResponseParameters::deprioritised_mean_hours, &M::response, 90, 0,
           2000, {"hours", "M5: mean extra wait of a deprioritised lead at zero trust, scaled by (1 - trust)",
                  "HBR 2011 (mean 42 h)"}),
      real("response.deprioritised_sigma", &ResponseParameters::deprioritised_sigma, &M::response, 1.3, 0, 4,
           {"", "M5: log-scale spread of the deprioritised wait (lognormal: a heavy tail of late replies)",
            "HBR 2011 (24% after 24 h, mean 42 h)"}),
      real("response.courtesy_prompt_probability", &ResponseParameters::courtesy_prompt_probability,
           &M::response, 0.1, 0, 1,
           {"", "M5: probability a courtesy reply to an unworked lead is sent at once", "HBR 2011"}),
      real("response.fixed_mean_hours", &ResponseParameters::fixed_mean_hours, &M::response, 24, 0, 2000,
           {"hours", "M5 off: mean of an exponential response delay", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
