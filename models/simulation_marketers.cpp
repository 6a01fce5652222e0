// The marketers' part of the day's schedule (models/mechanisms/marketers.hpp): their
// programmes and bars, reps' trust in each marketer, field time, syncs per marketer,
// and the review at which a marketer moves its bar toward higher pay. With one
// marketer, no spread and no adaptation, every value here equals the aggregate
// marketing actor's (tests/models/test_marketer_reduction.cpp). Each programme spends
// its share of the budget; when programmes respond to their own spend (a Hill response,
// adstock, moving or unequal shares) each has its own engagement clock, and the budget
// rule moves shares at reviews.
#include <algorithm>

#include "models/mechanisms/budget.hpp"
#include "models/mechanisms/content.hpp"
#include "models/mechanisms/marketers.hpp"
#include "models/mechanisms/qualification.hpp"
#include "models/mechanisms/syncs.hpp"
#include "models/mechanisms/trust.hpp"
#include "models/simulation.hpp"

namespace alignsim::model {

void Simulation::set_up_marketers() {
  const auto count = static_cast<std::size_t>(p_->marketers.count);
  marketers_.resize(count);
  for (std::uint32_t m = 0; m < count; ++m) {
    marketers_.bar[m].bar = initial_bar(p_->marketers, pay_.scoring_threshold, m);
    marketers_.budget_share[m] = initial_budget_share(p_->marketers, m);
    // Adstock starts in steady state at the initial budget, as trailing bookings do.
    marketers_.adstock[m] = p_->budget.initial_marketing_usd_per_day * marketers_.budget_share[m];
  }
  reps_.trust_in_marketer.assign(count, std::vector<TrustState>(reps_.size()));
}

void Simulation::start_marketer_trust(std::uint32_t rep) {
  for (auto& of_marketer : reps_.trust_in_marketer) of_marketer[rep] = reps_.trust[rep];
}

void Simulation::spend_programme_budgets() {
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    const double spend = org_.marketing_budget_per_day * marketers_.budget_share[m];
    marketers_.count(m, &MarketerCounts::spend_usd, spend);
    marketers_.adstock[m] = adstocked_spend(p_->budget.adstock_retention, marketers_.adstock[m], spend);
  }
}

EngagementClock& Simulation::demand_clock_of(std::uint32_t prospect) {
  return clock_per_programme_ ? programme_clocks_[marketer_of(prospect)] : demand_shards_[demand_shard_of(prospect)];
}

void Simulation::advance_programme_clocks(std::int64_t day) {
  const double calibrated = calibrated_programme_spend(p_->budget, marketers_.size());
  timed_due_today_.clear();
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    const double response = programme_response(p_->budget, marketers_.adstock[m], calibrated);
    programme_clocks_[m].advance(daily_engagement_hazard(day, response), timed_due_today_);
  }
  merge_timed_dues();  // with equal responses the merged dues are exactly one clock's
}

void Simulation::review_bars() {
  double all_bookings = 0.0;
  for (const MarketerCounts& c : marketers_.since_review) all_bookings += c.bookings_usd;
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    const MarketerCounts& c = marketers_.since_review[m];
    const double pay = marketer_pay(*p_, c.mqls, c.bookings_usd, all_bookings);
    review_bar(p_->marketers, marketers_.bar[m], pay_per_inquiry(pay, c.inquiries));
  }
}

void Simulation::review_budget_shares() {
  const auto n = marketers_.size();
  std::vector<double> result(n), spend(n);
  for (std::uint32_t m = 0; m < n; ++m) {
    const MarketerCounts& c = marketers_.since_review[m];
    result[m] = p_->marketers.budget_rule == BudgetRule::toward_bookings ? c.bookings_usd : c.mqls;
    spend[m] = c.spend_usd;
  }
  move_budget_share(p_->marketers, result, spend, marketers_.budget_share);
}

double Simulation::trust_in(std::uint32_t rep, std::uint32_t marketer) const {
  if (marketers_.size() == 1) return reps_.trust[rep].trust;  // one marketer is marketing
  return pooled_trust(p_->marketers, reps_.trust[rep].trust, reps_.trust_in_marketer[marketer][rep].trust);
}

double Simulation::content_relevance_of(std::uint32_t marketer) const {
  const double offset = relevance_offset(p_->marketers, marketer) + marketers_.relevance_gain[marketer];
  if (offset == 0.0) return org_.content_relevance;
  return std::clamp(org_.content_relevance + offset, 0.0, 1.0);
}

double Simulation::qualification_lift_of(std::uint32_t marketer) const {
  return content_lift(p_->content, p_->content.qualification_effect, content_relevance_of(marketer));
}

std::vector<Simulation::MarketerEnd> Simulation::marketers_at_end() const {
  std::vector<MarketerEnd> end(marketers_.size());
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    double trust = 0.0;
    for (std::uint32_t rep : org_.active_reps) trust += trust_in(rep, m);
    const MarketerCounts& counts = marketers_.in_horizon[m];
    end[m] = {marketers_.bar[m].bar, counts.mqls, counts.worked, counts.bookings_usd,
              org_.active_reps.empty() ? 0.0 : trust / static_cast<double>(org_.active_reps.size()),
              content_relevance_of(m), counts.inquiries, counts.spend_usd, marketers_.budget_share[m]};
  }
  return end;
}

void Simulation::record_marketers(std::size_t period) {
  std::vector<MarketerCounts> in_period(marketers_.size());
  double all_bookings = 0.0;
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    const MarketerCounts &now = marketers_.in_horizon[m], &start = marketers_.at_period_start[m];
    in_period[m] = {now.inquiries - start.inquiries, now.mqls - start.mqls, now.worked - start.worked,
                    now.bookings_usd - start.bookings_usd, now.spend_usd - start.spend_usd};
    all_bookings += in_period[m].bookings_usd;
  }
  const std::vector<MarketerEnd> state = marketers_at_end();
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    const MarketerCounts& c = in_period[m];
    marketer_series_.record(
        period, m,
        {state[m].bar, c.mqls, c.worked, c.bookings_usd, marketer_pay(*p_, c.mqls, c.bookings_usd, all_bookings),
         works_in_field(p_->marketers, m) ? p_->marketers.field_share : 0.0, state[m].content_relevance,
         state[m].mean_rep_trust, state[m].budget_share, c.spend_usd});
  }
  marketers_.at_period_start = marketers_.in_horizon;
}

void Simulation::note_marketer_mql(std::uint32_t prospect) {
  const std::uint32_t m = marketer_of(prospect);
  marketers_.count(m, &MarketerCounts::mqls);
  if (!p_->syncs.enabled) return;
  const double quality = qualification_probability(prospects_.fit[prospect], 0.0, p_->qualification) *
                         qualification_lift_of(m);
  note_mql_for_sync(org_, quality);
  marketers_.lead_quality_since_sync[m] += quality;
  ++marketers_.mqls_since_sync[m];
}

void Simulation::learn_from_lead(std::uint32_t rep, std::uint32_t prospect, bool judged_good) {
  const std::uint32_t m = marketer_of(prospect);
  const double weight = bad_news_weight(p_->trust, p_->syncs, marketers_.mistakes_admitted[m] != 0);
  learn_from_outcome(reps_.trust[rep], judged_good, p_->trust, weight);
  learn_from_outcome(reps_.trust_in_marketer[m][rep], judged_good, p_->trust, weight);
}

void Simulation::share_at_sync_per_marketer() {
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    if (admits_mistakes(p_->marketers, p_->syncs, m)) marketers_.mistakes_admitted[m] = 1;
    share_at_sync(p_->syncs, pay_.sync_boost, marketers_.lead_quality_since_sync[m], marketers_.mqls_since_sync[m],
                  org_.active_reps, reps_.trust_in_marketer[m]);
    marketers_.lead_quality_since_sync[m] = 0.0;
    marketers_.mqls_since_sync[m] = 0;
  }
}

void Simulation::field_and_review_day(std::int64_t day) {
  const auto& mp = p_->marketers;
  for (std::uint32_t m = 0; m < marketers_.size(); ++m) {
    if (!works_in_field(mp, m)) continue;
    // Time with reps builds their trust in this marketer, and in marketing a little
    // (the marketer is one of count); time with customers makes its content relevant.
    const double pull = mp.field_trust_rate * mp.field_share;
    for (std::uint32_t rep : org_.active_reps) {
      auto& t = reps_.trust_in_marketer[m][rep];
      move_trust(t, t.trust + pull * (1.0 - t.trust));
      auto& whole = reps_.trust[rep];
      move_trust(whole, whole.trust + pull / static_cast<double>(mp.count) * (1.0 - whole.trust));
    }
    const double relevance = content_relevance_of(m);
    marketers_.relevance_gain[m] +=
        mp.field_relevance_rate * mp.field_share * std::max(0.0, p_->content.max_relevance - relevance);
  }
  const bool moves_budget = mp.budget_rule != BudgetRule::fixed;
  if (!(mp.adaptation || moves_budget) || (day + 1) % mp.review_days != 0) return;
  if (mp.adaptation) review_bars();
  if (moves_budget) review_budget_shares();
  marketers_.since_review.assign(marketers_.size(), {});
}

}  // namespace alignsim::model
