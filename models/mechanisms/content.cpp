// M11 Sales input into content: rules and parameters.
#include "models/mechanisms/content.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

double relevance_after_day(const ContentParameters& c, double relevance) noexcept {
  return c.sales_input ? relevance + c.input_rate * (c.max_relevance - relevance) : relevance;
}

double content_lift(const ContentParameters& c, double effect, double relevance) noexcept {
  return std::max(0.0, 1.0 + effect * (relevance - c.initial_relevance));
}

double own_content_share(const ContentParameters& c, double relevance) noexcept {
  return c.own_content_share_at_zero_relevance * (1.0 - relevance);
}

double hoarded_win_multiplier(const ContentParameters& c, double relevance) noexcept {
  return 1.0 - c.hoarded_win_penalty * own_content_share(c, relevance);
}

double consistency_gain(const ContentParameters& c, double relevance) noexcept {
  return own_content_share(c, c.initial_relevance) - own_content_share(c, relevance);
}

namespace binding {

std::vector<Binding> content_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::content, {
      boolean("content.sales_input", &ContentParameters::sales_input, &M::content, false,
              {"", "M11: sales gives input to marketing content; relevance rises", "seeds 000 bullet 3, 004 step 3"}),
      real("content.initial_relevance", &ContentParameters::initial_relevance, &M::content, 0.4, 0, 1,
           {"", "M11: relevance of marketing content to buyers at the start", kAssumption}),
      real("content.max_relevance", &ContentParameters::max_relevance, &M::content, 0.8, 0, 1,
           {"", "M11: relevance reachable with sales input", kAssumption}),
      real("content.input_rate", &ContentParameters::input_rate, &M::content, 0.01, 0, 1,
           {"1/business day", "M11: daily approach of relevance toward its maximum with sales input", kAssumption}),
      real("content.engagement_effect", &ContentParameters::engagement_effect, &M::content, 0.5, 0, 10,
           {"", "M11: engagement hazard x (1 + e (relevance - initial))", kAssumption}),
      real("content.qualification_effect", &ContentParameters::qualification_effect, &M::content, 0.5, 0, 10,
           {"", "M11: qualification probability x (1 + e (relevance - initial))", kAssumption}),
      real("content.own_content_share_at_zero_relevance", &ContentParameters::own_content_share_at_zero_relevance,
           &M::content, 0.8, 0, 1,
           {"", "M11: share of reps' material that is their own off-message content, x (1 - relevance)",
            "seed 004"}),
      real("content.hoarded_win_penalty", &ContentParameters::hoarded_win_penalty, &M::content, 0.3, 0, 1,
           {"", "M11: relative win loss of a hoarded deal, times the off-message content share", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
