// M12 Shared incentives and joint awards: rules and parameters.
#include "models/mechanisms/incentives.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

IncentiveRules incentive_rules(const ModelParameters& p) noexcept {
  const auto& pay = p.incentives;
  IncentiveRules rules{p.followup, 0.0, 0.0, 1.0};
  if (pay.shared_pool) rules.followup.trust_midpoint -= pay.shared_pool_followup_shift;
  rules.scoring_threshold = p.scoring.threshold + pay.bookings_pay_threshold_raise * (1.0 - pay.marketing_mql_weight);
  rules.fit_weight = std::min(1.0, p.demand.fit_weight + pay.bookings_pay_targeting * (1.0 - pay.marketing_mql_weight));
  rules.sync_boost = pay.shared_pool ? 1.0 + pay.shared_pool_sync_boost : 1.0;
  return rules;
}

namespace binding {

std::vector<Binding> incentives_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::incentives, {
      real("incentives.marketing_mql_weight", &IncentiveParameters::marketing_mql_weight, &M::incentives, 1.0, 0, 1,
           {"", "M12: weight of MQL volume in marketing pay (1 = MQLs only, 0 = bookings only)",
            "seeds 001, 004"}),
      real("incentives.bookings_pay_threshold_raise", &IncentiveParameters::bookings_pay_threshold_raise,
           &M::incentives, 0.15, 0, 1,
           {"score", "M12: how far bookings pay raises the scoring bar above scoring.threshold (the bar under "
                     "MQL-volume pay): bar = threshold + this x (1 - MQL weight)", "seed 004"}),
      real("incentives.bookings_pay_targeting", &IncentiveParameters::bookings_pay_targeting, &M::incentives, 0.5,
           0, 1, {"", "M12: bookings pay adds this x (1 - MQL weight) to the demand fit weight: marketing targets "
                      "accounts that buy (effective weight capped at 1)", "seeds 001, 004"}),
      boolean("incentives.shared_pool", &IncentiveParameters::shared_pool, &M::incentives, false,
              {"", "M12: shared incentive pool and joint awards for sales-marketing wins", "seeds 000 bullet 5, 001"}),
      real("incentives.shared_pool_followup_shift", &IncentiveParameters::shared_pool_followup_shift,
           &M::incentives, 0.1, 0, 1, {"trust", "M12: shared pool lowers the follow-up midpoint by this", kAssumption}),
      real("incentives.shared_pool_sync_boost", &IncentiveParameters::shared_pool_sync_boost, &M::incentives, 0.5, 0,
           5, {"", "M12: relative rise in sync effectiveness with a shared pool", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
