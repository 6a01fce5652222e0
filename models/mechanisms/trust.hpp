#pragma once
// The interface of trust.cpp, the home of this mechanism (headed by its number).
// Trust learning (docs/model.md; seeds 000, 002, 003; Denrell & March 2001): a rep's
// trust in marketing leads, learned only from leads the rep works.
// Because low trust means fewer leads worked, a sceptical rep gathers little evidence
// and can stay sceptical even when leads are good: the hot-stove trap (Denrell & March
// 2001) emerges rather than being imposed.
#include <cstdint>
#include <vector>

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
// once marketing admits its mistakes, syncs.hpp). No-op when learning is off.
void learn_from_outcome(TrustState& state, bool judged_good, const TrustParameters& p,
                        double bad_news_weight) noexcept;

// Move trust to `trust` from outside the rep's own experience (syncs.hpp), keeping the
// Beta learner's evidence total so its later learning speed is unchanged.
void move_trust(TrustState& state, double trust) noexcept;

// Probability a rep judges a worked lead good. The judgement shares the qualification
// draw (good when u < this), so a qualified lead is always judged good; a stale lead is
// blamed on marketing only in part (staleness_blame).
[[nodiscard]] double judged_good_probability(double fit, double response_hours, const QualificationParameters& q,
                                             double staleness_blame) noexcept;

// Mean trust of the reps in `reps` (ids into `trust`); 0 for none.
[[nodiscard]] double mean_trust(const std::vector<std::uint32_t>& reps, const std::vector<TrustState>& trust) noexcept;

}  // namespace alignsim::model
