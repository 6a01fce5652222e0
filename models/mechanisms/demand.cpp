// M1 Demand generation: rules and parameters.
#include "models/mechanisms/demand.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "models/mechanisms/mechanism_bindings.hpp"
#include "sim/errors.hpp"

namespace alignsim::model {

double engagement_multiplier(double fit, double fit_weight) noexcept {
  return std::max(0.0, 1.0 + fit_weight * (2.0 * fit - 1.0));
}

double adopters(const DemandParameters& d, std::int64_t ever_engaged, std::int64_t customers) noexcept {
  return d.word_of_mouth_source == WordOfMouthSource::engaged ? static_cast<double>(ever_engaged)
                                                              : static_cast<double>(customers);
}

double daily_engagement_hazard(const DemandParameters& d, double adopters, double prospects, double budget_factor,
                               double content_lift) noexcept {
  if (!d.enabled) return 0.0;
  const double bass = d.innovation_rate + d.imitation_rate * adopters / prospects;
  return bass * budget_factor * content_lift;
}

void check_engagement_hazard(std::int64_t day, double hazard, double budget_factor, double content_lift) {
  if (hazard <= kMaxDailyEngagementHazard) return;  // also false for NaN
  const bool budget_loop = !(content_lift > budget_factor);
  char text[768];
  std::snprintf(text, sizeof text,
                "M1 demand ran away on business day %lld: engagement hazard %.3g per business day (at most %.0f), "
                "budget factor %.3g (today's budget / budget.initial_marketing_usd_per_day, raised to "
                "budget.demand_elasticity), content lift %.3g; %s",
                static_cast<long long>(day), hazard, kMaxDailyEngagementHazard, budget_factor, content_lift,
                budget_loop ? "bookings raise the budget and the budget raises demand (budget.follows_revenue): lower "
                              "budget.demand_elasticity, population.deal_size_mean_usd or population.deal_size_sigma, "
                              "or scale budget.initial_marketing_usd_per_day with population.prospects"
                            : "lower content.engagement_effect");
  throw RunError(text);
}

namespace binding {

std::vector<Binding> demand_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::demand, {
      boolean("demand.enabled", &DemandParameters::enabled, &M::demand, true,
              {"", "M1: dormant prospects engage (make an inquiry); off = no new inquiries", "Bass 1969"}),
      real("demand.innovation_rate", &DemandParameters::innovation_rate, &M::demand, 0.0015, 0, 1,
           {"1/business day", "M1: Bass innovation coefficient p, engagement hazard from marketing alone",
            "Bass 1969; seed 001"}),
      real("demand.imitation_rate", &DemandParameters::imitation_rate, &M::demand, 0.0, 0, 1,
           {"1/business day", "M1: Bass imitation coefficient q, hazard per unit share of adopters",
            "Bass 1969"}),
      choice("demand.word_of_mouth_source", &DemandParameters::word_of_mouth_source, &M::demand, "customers",
             {"customers", "engaged"},
             {"", "M1: who counts as an adopter for word of mouth (engaged = classic Bass on inquiries)",
              "Bass 1969"}),
      real("demand.fit_weight", &DemandParameters::fit_weight, &M::demand, 0.5, 0, 1,
           {"", "M1: hazard multiplier is 1 + w(2 phi - 1): well-fitting accounts engage more often", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
