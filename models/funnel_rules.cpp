#include "models/funnel_rules.hpp"

#include <algorithm>
#include <cmath>

namespace alignsim::model {

double fit_from_uniform(double u, double a, double b) noexcept {
  // F(x) = 1 - (1 - x^a)^b, inverted in closed form (why Kumaraswamy and not Beta:
  // same shapes, but no rejection sampling, so one draw per prospect).
  return std::pow(1.0 - std::pow(1.0 - u, 1.0 / b), 1.0 / a);
}

double engagement_multiplier(double fit, double fit_weight) noexcept {
  return std::max(0.0, 1.0 + fit_weight * (2.0 * fit - 1.0));
}

double work_probability(double trust, const FollowUpParameters& p) noexcept {
  if (!p.enabled) return p.fixed_work_probability;
  const double logistic = 1.0 / (1.0 + std::exp(-p.trust_steepness * (trust - p.trust_midpoint)));
  return std::max(p.sla_floor, logistic);
}

double freshness(double hours, const QualificationParameters& p) noexcept {
  return p.decay_floor + (1.0 - p.decay_floor) * std::exp(-hours / p.decay_time_hours);
}

double qualification_probability(double fit, double response_hours, const QualificationParameters& p) noexcept {
  if (!p.enabled) return p.fixed_probability;
  return std::clamp(p.probability_at_full_fit * fit * freshness(response_hours, p), 0.0, 1.0);
}

double judged_good_probability(double fit, double response_hours, const QualificationParameters& q,
                               double staleness_blame) noexcept {
  if (!q.enabled) return q.fixed_probability;
  // freshness^blame >= freshness: a stale lead is blamed on marketing only in part.
  const double judged_freshness = std::pow(freshness(response_hours, q), staleness_blame);
  return std::clamp(q.probability_at_full_fit * fit * judged_freshness, 0.0, 1.0);
}

double win_probability(double fit, bool key_account, const CloseParameters& p) noexcept {
  if (!p.enabled) return p.fixed_win_probability;
  double probability = p.win_probability_at_full_fit * fit;
  if (key_account && p.joint_key_account_play) {
    probability = std::min(0.95, probability * (1.0 + p.joint_play_win_uplift));
  }
  return std::clamp(probability, 0.0, 1.0);
}

std::uint32_t poisson_from_uniform(double u, double mean, std::uint32_t cap) noexcept {
  double probability = std::exp(-mean), cumulative = probability;
  std::uint32_t k = 0;
  while (u > cumulative && k < cap) {
    ++k;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

double experience_factor(double years, double ramp_years, double penalty) noexcept {
  return 1.0 - penalty * std::exp(-years / ramp_years);
}

}  // namespace alignsim::model
