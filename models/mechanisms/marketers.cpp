// M18 Marketers as agents: rules and parameters.
#include "models/mechanisms/marketers.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

std::uint32_t programme_of(const MarketerParameters& m, std::uint32_t prospect) noexcept {
  return m.count > 1 ? prospect % static_cast<std::uint32_t>(m.count) : 0U;
}

double spread_position(const MarketerParameters& m, std::uint32_t index) noexcept {
  if (m.count < 2) return 0.0;
  return static_cast<double>(index) / static_cast<double>(m.count - 1) - 0.5;
}

double initial_bar(const MarketerParameters& m, double bar_in_force, std::uint32_t index) noexcept {
  const double offset = m.bar_spread * spread_position(m, index);
  return offset == 0.0 ? bar_in_force : bar_in_force + offset;
}

double relevance_offset(const MarketerParameters& m, std::uint32_t index) noexcept {
  return m.relevance_spread * spread_position(m, index);
}

bool works_in_field(const MarketerParameters& m, std::uint32_t index) noexcept {
  return m.field_share > 0.0 && static_cast<std::int64_t>(index) < m.field_count;
}

double campaign_multiplier(const MarketerParameters& m, std::uint32_t index) noexcept {
  return works_in_field(m, index) ? 1.0 - m.field_share : 1.0;
}

bool admits_mistakes(const MarketerParameters& m, const SyncParameters& s, std::uint32_t index) noexcept {
  return s.admit_mistakes && static_cast<std::int64_t>(index) < m.admitting_count;
}

double pooled_trust(const MarketerParameters& m, double overall, double of_marketer) noexcept {
  return m.trust_pooling * overall + (1.0 - m.trust_pooling) * of_marketer;
}

double marketer_pay(const ModelParameters& p, double mqls, double own_bookings_usd, double all_bookings_usd) noexcept {
  const auto& m = p.marketers;
  const double w = p.incentives.marketing_mql_weight;
  const double pool = p.incentives.shared_pool ? m.pool_weight : 0.0;
  const double bookings = (1.0 - pool) * own_bookings_usd + pool * all_bookings_usd / static_cast<double>(m.count);
  return w * m.usd_per_mql * mqls + (1.0 - w) * m.bookings_commission * bookings;
}

double pay_per_inquiry(double pay, double inquiries) noexcept { return inquiries > 0 ? pay / inquiries : 0.0; }

double initial_budget_share(const MarketerParameters& m, std::uint32_t index) noexcept {
  return (1.0 + m.budget_spread * spread_position(m, index)) / static_cast<double>(m.count);
}

bool programmes_respond_to_own_spend(const ModelParameters& p) noexcept {
  return p.budget.response != BudgetResponse::elasticity || p.budget.adstock_retention > 0.0 ||
         p.marketers.budget_rule != BudgetRule::fixed || p.marketers.budget_spread > 0.0;
}

void move_budget_share(const MarketerParameters& m, std::span<const double> result, std::span<const double> spend,
                       std::span<double> share) noexcept {
  std::size_t lowest = share.size(), highest = share.size();
  double lowest_yield = 0.0, highest_yield = 0.0;
  for (std::size_t k = 0; k < share.size(); ++k) {
    if (!(spend[k] > 0.0)) continue;  // nothing spent: no yield to judge
    const double yield = result[k] / spend[k];
    if (highest == share.size() || yield > highest_yield) highest = k, highest_yield = yield;
    if (share[k] > 0.0 && (lowest == share.size() || yield < lowest_yield)) lowest = k, lowest_yield = yield;
  }
  if (highest == share.size() || lowest == share.size() || !(highest_yield > lowest_yield)) return;
  const double moved = std::min(m.budget_step, share[lowest]);
  share[lowest] -= moved;
  share[highest] += moved;
}

void review_bar(const MarketerParameters& m, BarLearner& learner, double pay) noexcept {
  if (learner.has_last_pay && pay < learner.last_pay) learner.direction = -learner.direction;
  learner.bar = std::clamp(learner.bar + learner.direction * m.bar_step, m.bar_floor, m.bar_ceiling);
  learner.last_pay = pay;
  learner.has_last_pay = true;
}

namespace binding {

std::vector<Binding> marketers_bindings() {
  using M = ModelParameters;
  using P = MarketerParameters;
  return of_mechanism(Mechanism::marketers, {
      integer("marketers.count", &P::count, &M::marketers, 1, 1, 64,
              {"marketers", "M18: marketers, each owning a programme that reaches an equal share of prospects "
                            "(1 = one aggregate marketing actor)", "seeds 001, 002"}),
      real("marketers.bar_spread", &P::bar_spread, &M::marketers, 0.0, 0, 1,
           {"score", "M18: range of starting scoring bars, evenly spread around the bar in force (scoring.threshold, incentives)",
            kAssumption}),
      real("marketers.relevance_spread", &P::relevance_spread, &M::marketers, 0.0, 0, 1,
           {"", "M18: range of content relevance between marketers, evenly spread around marketing's (content.initial_relevance)",
            kAssumption}),
      real("marketers.trust_pooling", &P::trust_pooling, &M::marketers, 1.0, 0, 1,
           {"", "M18: how much a rep's trust in a lead is its view of marketing as a whole rather than its "
                "record of the marketer who sent it (1 = only the whole)", kAssumption}),
      integer("marketers.admitting_count", &P::admitting_count, &M::marketers, 64, 0, 64,
              {"marketers", "M18: with syncs.admit_mistakes, the first this many marketers admit their bad "
                            "batches; the others do not", "seed 002"}),
      integer("marketers.field_count", &P::field_count, &M::marketers, 64, 0, 64,
              {"marketers", "M18: the first this many marketers spend marketers.field_share in the field",
               "seed 002"}),
      real("marketers.field_share", &P::field_share, &M::marketers, 0.0, 0, 0.9,
           {"", "M18: share of a field marketer's time with reps and customers, taken from its campaigns "
                "(its programme's inquiries fall by this share)", "seed 002 (get out of the office)"}),
      real("marketers.field_trust_rate", &P::field_trust_rate, &M::marketers, 0.01, 0, 1,
           {"1/business day", "M18: daily pull of each rep's trust in a field marketer toward 1, at full "
                              "field time", kAssumption}),
      real("marketers.field_relevance_rate", &P::field_relevance_rate, &M::marketers, 0.01, 0, 1,
           {"1/business day", "M18: daily rise of a field marketer's content relevance toward "
                              "content.max_relevance, at full field time", kAssumption}),
      boolean("marketers.adaptation", &P::adaptation, &M::marketers, false,
              {"", "M18: marketers move their scoring bars toward higher pay at each review (off: bars stay, "
                   "and bookings pay raises the bar by incentives.bookings_pay_threshold_raise)",
               "seeds 001, 004"}),
      integer("marketers.review_days", &P::review_days, &M::marketers, 60, 5, 520,
              {"business days", "M18: days between a marketer's reviews of its bar", kAssumption}),
      real("marketers.bar_step", &P::bar_step, &M::marketers, 0.03, 0.001, 0.5,
           {"score", "M18: change of a marketer's bar at a review", kAssumption}),
      real("marketers.bar_floor", &P::bar_floor, &M::marketers, 0.70, -1, 2,
           {"score", "M18: lowest bar a marketer may set (the bar agreed with sales)", kAssumption}),
      real("marketers.bar_ceiling", &P::bar_ceiling, &M::marketers, 1.3, -1, 2,
           {"score", "M18: highest bar a marketer may set", kAssumption}),
      real("marketers.usd_per_mql", &P::usd_per_mql, &M::marketers, 100, 0, 1e6,
           {"USD/MQL", "M18: pay per MQL under MQL-volume pay (incentives.marketing_mql_weight)", kAssumption}),
      real("marketers.bookings_commission", &P::bookings_commission, &M::marketers, 0.02, 0, 1,
           {"", "M18: pay per USD of bookings from the marketer's leads under bookings pay", kAssumption}),
      real("marketers.pool_weight", &P::pool_weight, &M::marketers, 0.5, 0, 1,
           {"", "M18: with incentives.shared_pool, weight of all marketing's bookings in a marketer's bookings "
                "pay", "seeds 000, 001"}),
      real("marketers.budget_spread", &P::budget_spread, &M::marketers, 0.0, 0, 1,
           {"", "M18: range of starting budget shares, evenly spread around equal: marketer k starts with "
                "(1 + spread x (k / (count - 1) - 1/2)) / count", kAssumption}),
      choice("marketers.budget_rule", &P::budget_rule, &M::marketers, "fixed",
             {"fixed", "toward_mqls", "toward_bookings"},
             {"", "M18: at each review (marketers.review_days), marketers.budget_step of the budget moves from the "
                  "programme with the fewest to the one with the most MQLs (or bookings from its leads) per dollar "
                  "it spent since the last review; fixed = shares never move", kAssumption}),
      real("marketers.budget_step", &P::budget_step, &M::marketers, 0.05, 0, 1,
           {"", "M18: share of the whole budget a review moves between programmes (at most the donor's share)",
            kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model
