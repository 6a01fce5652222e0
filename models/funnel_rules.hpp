#pragma once
// Pure functions of the funnel mechanisms (M1, M4, M6, M7): no state, no randomness,
// so each can be tested against its equation directly.
#include <cstdint>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// Kumaraswamy(a, b) inverse CDF: latent fit phi in (0, 1) from a uniform u.
[[nodiscard]] double fit_from_uniform(double u, double a, double b) noexcept;

// M1: relative engagement hazard of an account with fit phi; mean 1 at phi = 0.5.
[[nodiscard]] double engagement_multiplier(double fit, double fit_weight) noexcept;

// M4: probability a rep with `trust` works a marketing lead (SLA floor applied).
[[nodiscard]] double work_probability(double trust, const FollowUpParameters& p) noexcept;

// M6: lead freshness after `hours` without contact; 1 at zero delay.
[[nodiscard]] double freshness(double hours, const QualificationParameters& p) noexcept;

// M6: probability a worked lead qualifies.
[[nodiscard]] double qualification_probability(double fit, double response_hours,
                                               const QualificationParameters& p) noexcept;

// M8: probability a rep judges a worked lead good. The judgement shares the
// qualification draw (good when u < this), so a qualified lead is always judged good.
[[nodiscard]] double judged_good_probability(double fit, double response_hours, const QualificationParameters& q,
                                             double staleness_blame) noexcept;

// M7: probability an opportunity is won.
[[nodiscard]] double win_probability(double fit, bool key_account, const CloseParameters& p) noexcept;

// Poisson(mean) count from one uniform by inversion of the CDF (means here are small:
// own leads per rep and day). Capped at `cap`.
[[nodiscard]] std::uint32_t poisson_from_uniform(double u, double mean, std::uint32_t cap) noexcept;

// Rep experience: relative win probability 1 - penalty * exp(-years / ramp).
[[nodiscard]] double experience_factor(double years, double ramp_years, double penalty) noexcept;

}  // namespace alignsim::model
