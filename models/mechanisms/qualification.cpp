// M6 Qualification: rules and parameters.
#include "models/mechanisms/qualification.hpp"

#include <algorithm>
#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double freshness(double hours, const QualificationParameters& p) noexcept {
  return p.decay_floor + (1.0 - p.decay_floor) * std::exp(-hours / p.decay_time_hours);
}

double qualification_probability(double fit, double response_hours, const QualificationParameters& p) noexcept {
  if (!p.enabled) return p.fixed_probability;
  return std::clamp(p.probability_at_full_fit * fit * freshness(response_hours, p), 0.0, 1.0);
}

namespace binding {

std::vector<Binding> qualification_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::qualification, {
      boolean("qualification.enabled", &QualificationParameters::enabled, &M::qualification, true,
              {"", "M6: P(qualify) = p_max * fit * decay(response hours); off = fixed probability",
               "HBR 2011; MIT/InsideSales 2007"}),
      real("qualification.probability_at_full_fit", &QualificationParameters::probability_at_full_fit,
           &M::qualification, 1.0, 0, 1, {"", "M6: qualification probability of a perfect-fit lead answered at once",
                                            kAssumption}),
      real("qualification.decay_time_hours", &QualificationParameters::decay_time_hours, &M::qualification, 0.45,
           0.001, 1000, {"hours", "M6: e-folding time of lead freshness", "HBR 2011 (7x first hour, 60x 24 h)"}),
      real("qualification.decay_floor", &QualificationParameters::decay_floor, &M::qualification, 0.007, 0, 1,
           {"", "M6: freshness left after a long delay", "HBR 2011 (60x at 24 h)"}),
      real("qualification.fixed_probability", &QualificationParameters::fixed_probability, &M::qualification, 0.3,
           0, 1, {"", "M6 off: probability a worked lead qualifies", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
