#include "models/trust_learner.hpp"

#include <algorithm>

namespace alignsim::model {

TrustState initial_trust_state(double trust, const TrustParameters& p) noexcept {
  return {trust, trust * p.prior_strength, (1.0 - trust) * p.prior_strength};
}

void learn_from_outcome(TrustState& state, bool judged_good, const TrustParameters& p,
                        double bad_news_weight) noexcept {
  if (!p.learning) return;
  if (p.learner == TrustLearner::beta) {
    state.good = p.forgetting * state.good + (judged_good ? 1.0 : 0.0);
    state.bad = p.forgetting * state.bad + (judged_good ? 0.0 : 1.0);
    state.trust = state.good / (state.good + state.bad);
    return;
  }
  const double rate = std::min(1.0, judged_good ? p.learning_rate : p.learning_rate * bad_news_weight);
  state.trust += rate * ((judged_good ? 1.0 : 0.0) - state.trust);
}

void move_trust(TrustState& state, double trust) noexcept {
  const double evidence = state.good + state.bad;
  state.trust = std::clamp(trust, 0.0, 1.0);
  state.good = state.trust * evidence;
  state.bad = (1.0 - state.trust) * evidence;
}

}  // namespace alignsim::model
