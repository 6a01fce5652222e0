// M7 Opportunity and close: rules and parameters.
#include "models/mechanisms/close.hpp"

#include <algorithm>
#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double win_probability(double fit, bool key_account, const CloseParameters& p) noexcept {
  if (!p.enabled) return p.fixed_win_probability;
  double probability = p.win_probability_at_full_fit * fit;
  if (key_account && p.joint_key_account_play) {
    probability = std::min(0.95, probability * (1.0 + p.joint_play_win_uplift));
  }
  return std::clamp(probability, 0.0, 1.0);
}

double decision_day(std::int64_t day, double cycle_days) noexcept {
  return static_cast<double>(day) + std::max(1.0, std::round(cycle_days));
}

namespace binding {

std::vector<Binding> close_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::close, {
      boolean("close.enabled", &CloseParameters::enabled, &M::close, true,
              {"", "M7: win probability from fit and joint plays; off = fixed probability", "seed 000"}),
      real("close.cycle_mean_days", &CloseParameters::cycle_mean_days, &M::close, 45, 1, 2000,
           {"business days", "M7: mean sales cycle from qualification to decision (lognormal)", kAssumption}),
      real("close.cycle_sigma", &CloseParameters::cycle_sigma, &M::close, 0.5, 0, 3,
           {"", "M7: log-scale spread of the sales cycle", kAssumption}),
      real("close.win_probability_at_full_fit", &CloseParameters::win_probability_at_full_fit, &M::close, 0.95, 0, 1,
           {"", "M7: win probability of a perfect-fit opportunity (scales with fit)", kAssumption}),
      boolean("close.joint_key_account_play", &CloseParameters::joint_key_account_play, &M::close, false,
              {"", "M7: sales and marketing pursue key accounts together", "seed 000 bullet 2"}),
      real("close.joint_play_win_uplift", &CloseParameters::joint_play_win_uplift, &M::close, 0.3, 0, 5,
           {"", "M7: relative rise in win probability of a key account under a joint play (capped at 0.95)",
            kAssumption}),
      real("close.fixed_win_probability", &CloseParameters::fixed_win_probability, &M::close, 0.3, 0, 1,
           {"", "M7 off: probability an opportunity is won", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
