// M8 Trust learning (docs/model.md): rules and parameters.
#include "models/mechanisms/trust.hpp"

#include <algorithm>
#include <cmath>

#include "models/mechanisms/mechanism_bindings.hpp"
#include "models/mechanisms/qualification.hpp"

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

double judged_good_probability(double fit, double response_hours, const QualificationParameters& q,
                               double staleness_blame) noexcept {
  if (!q.enabled) return q.fixed_probability;
  // freshness^blame >= freshness: a stale lead is blamed on marketing only in part.
  const double judged_freshness = std::pow(freshness(response_hours, q), staleness_blame);
  return std::clamp(q.probability_at_full_fit * fit * judged_freshness, 0.0, 1.0);
}

double mean_trust(const std::vector<std::uint32_t>& reps, const std::vector<TrustState>& trust) noexcept {
  double sum = 0.0;
  for (std::uint32_t r : reps) sum += trust[r].trust;
  return reps.empty() ? 0.0 : sum / static_cast<double>(reps.size());
}

namespace binding {

std::vector<Binding> trust_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::trust, {
      boolean("trust.learning", &TrustParameters::learning, &M::trust, true,
              {"", "M8: reps update trust from outcomes of leads they work; off = trust stays at its start",
               "seeds 000, 002, 003; Denrell & March 2001"}),
      choice("trust.learner", &TrustParameters::learner, &M::trust, "ewma", {"ewma", "beta"},
             {"", "M8: exponentially weighted average, or Beta counts with forgetting", "Denrell & March 2001"}),
      real("trust.initial_mean", &TrustParameters::initial_mean, &M::trust, 0.35, 0, 1,
           {"trust", "M8: mean starting trust of reps in marketing leads (sceptical)", "seed 001"}),
      real("trust.initial_sd", &TrustParameters::initial_sd, &M::trust, 0.1, 0, 0.5,
           {"trust", "M8: spread of starting trust between reps (clamped to [0,1])", kAssumption}),
      real("trust.learning_rate", &TrustParameters::learning_rate, &M::trust, 0.1, 0, 1,
           {"", "M8 ewma: weight alpha of the newest outcome", kAssumption}),
      real("trust.bad_news_weight", &TrustParameters::bad_news_weight, &M::trust, 1.25, 1, 10,
           {"", "M8 ewma: alpha multiplier for a lead that did not qualify (bad news weighs more)",
            "negativity bias; Baumeister et al. 2001"}),
      real("trust.prior_strength", &TrustParameters::prior_strength, &M::trust, 4, 0.01, 1000,
           {"leads", "M8 beta: alpha0 + beta0, pseudo-count of the starting trust", kAssumption}),
      real("trust.staleness_blame", &TrustParameters::staleness_blame, &M::trust, 1.0, 0, 1,
           {"", "M8: how far reps blame marketing for leads that went stale while they waited (1 = judge by "
                "qualification alone, 0 = by fit alone)", kAssumption}),
      real("trust.forgetting", &TrustParameters::forgetting, &M::trust, 0.98, 0, 1,
           {"", "M8 beta: multiplier on past evidence at each new outcome (1 = no forgetting)", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
