#pragma once
// A prospect's fixed traits, drawn once at set-up: its latent fit (Kumaraswamy), the
// value of a deal if won (lognormal with the scenario's mean) and the unit-exponential
// threshold of its first engagement (models/engagement_clock.hpp).
//
// All three come from the four 32-bit words of ONE Philox call keyed by the prospect
// (issue 17: set-up was three calls and Box-Muller): the fit and the threshold take a
// word each (the fit is stored as float, and 2^-32 resolution is far below every other
// error of either), the deal size's normal the other two (52 bits, by inversion, so the
// lognormal's upper tail is resolved beyond 8 standard deviations).
#include <cstdint>

#include "models/funnel_rules.hpp"
#include "models/model_parameters.hpp"
#include "sim/random/random.hpp"

namespace alignsim::model {

struct ProspectTraits {
  double fit = 0.0;
  double deal_size_usd = 0.0;
  double first_threshold = 0.0;  // Exp(1)
};

// Immutable, so one object serves the parallel set-up.
class ProspectTraitDraw {
 public:
  explicit ProspectTraitDraw(const PopulationParameters& population) noexcept;
  [[nodiscard]] ProspectTraits operator()(const sim::RandomStreams& random, std::uint32_t prospect) const noexcept;

 private:
  FitQuantile fit_;
  double log_deal_median_;  // mu of the deal size's lognormal: its mean is the scenario's
  double deal_sigma_;
};

}  // namespace alignsim::model
