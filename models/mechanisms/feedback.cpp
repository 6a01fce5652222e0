// M10 Feedback loop: rules and parameters.
#include "models/mechanisms/feedback.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double noise_after_report(const FeedbackParameters& f, double noise_sd) noexcept {
  const double floor = std::min(f.minimum_noise_sd, noise_sd);
  return floor + (noise_sd - floor) * (1.0 - f.noise_reduction_per_report);
}

namespace binding {

std::vector<Binding> feedback_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::feedback, {
      boolean("feedback.enabled", &FeedbackParameters::enabled, &M::feedback, false,
              {"", "M10: reps report why they reject leads; marketing's scoring noise falls", "seeds 002, 004"}),
      real("feedback.report_probability", &FeedbackParameters::report_probability, &M::feedback, 0.3, 0, 1,
           {"", "M10: probability a rejected or bad lead is reported with a reason", kAssumption}),
      real("feedback.noise_reduction_per_report", &FeedbackParameters::noise_reduction_per_report, &M::feedback,
           0.0005, 0, 1, {"", "M10: share of the excess scoring noise removed by one report", kAssumption}),
      real("feedback.minimum_noise_sd", &FeedbackParameters::minimum_noise_sd, &M::feedback, 0.08, 0, 5,
           {"score", "M10: scoring noise that feedback cannot remove", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
