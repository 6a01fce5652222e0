#pragma once
// M8: a rep's trust in marketing leads, learned only from leads the rep works.
// Because low trust means fewer leads worked, a sceptical rep gathers little evidence
// and can stay sceptical even when leads are good: the hot-stove trap (Denrell & March
// 2001) emerges rather than being imposed.
#include "models/model_parameters.hpp"

namespace alignsim::model {

struct TrustState {
  double trust = 0.0;  // current estimate in [0, 1]
  double good = 0.0;   // Beta learner: discounted count of leads judged good (incl. prior)
  double bad = 0.0;    // Beta learner: discounted count of leads that did not
};

[[nodiscard]] TrustState initial_trust_state(double trust, const TrustParameters& p) noexcept;

// Update after one worked lead; `judged_good` is the rep's verdict. `bad_news_weight`
// multiplies the EWMA rate of a bad verdict (TrustParameters::bad_news_weight, or less
// once marketing admits its mistakes, M13). No-op when learning is off.
void learn_from_outcome(TrustState& state, bool judged_good, const TrustParameters& p,
                        double bad_news_weight) noexcept;

// Move trust to `trust` from outside the rep's own experience (M13 syncs), keeping the
// Beta learner's evidence total so its later learning speed is unchanged.
void move_trust(TrustState& state, double trust) noexcept;

}  // namespace alignsim::model
