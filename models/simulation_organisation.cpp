// The organisation's part of the day's schedule: feedback on rejected leads, content
// relevance, syncs, the budget following revenue, churn. The rules are in
// models/mechanisms/.
#include "models/mechanisms/budget.hpp"
#include "models/mechanisms/churn.hpp"
#include "models/mechanisms/content.hpp"
#include "models/mechanisms/feedback.hpp"
#include "models/mechanisms/syncs.hpp"
#include "models/simulation.hpp"

namespace alignsim::model {

double Simulation::content_lift_today(double effect) const {
  return content_lift(p_->content, effect, org_.content_relevance);
}

void Simulation::update_budget_and_content(std::int64_t day) {
  org_.content_relevance = relevance_after_day(p_->content, org_.content_relevance);
  if (reported_day(day) >= 0) {
    update_budget(p_->budget, org_);
  } else {
    hold_budget(org_);  // warm-up
  }
  recorder_.marketing_spend(day, org_.marketing_budget_per_day);
}

void Simulation::report_feedback(std::uint32_t prospect) {
  const auto& f = p_->feedback;
  // A report rate of 0 never reports: no draw (each is keyed by lead, so none other moves).
  if (!f.enabled || !(f.report_probability > 0.0) ||
      !random_.bernoulli(lead_key(prospect, Purpose::feedback_report), f.report_probability)) {
    return;
  }
  org_.scoring_noise_sd = noise_after_report(f, org_.scoring_noise_sd);
  recorder_.feedback_report();
}

void Simulation::hold_sync() {
  model::hold_sync(p_->syncs, pay_.sync_boost, org_, reps_.trust);
  share_at_sync_per_marketer();
}

void Simulation::become_customer(std::uint32_t prospect) {
  prospects_.stage[prospect] = Stage::customer;
  ++customers_;
  const auto& c = p_->churn;
  if (!c.enabled) return;
  churn_clock_.add(prospect, prospects_.episode[prospect],
                   random_.exponential(lead_key(prospect, Purpose::churn_threshold), 1.0),
                   churn_multiplier(c, prospects_.fit[prospect]));
}

void Simulation::churn_customers(std::int64_t day) {
  const auto& c = p_->churn;
  if (!c.enabled) return;
  due_today_.clear();
  churn_clock_.advance(daily_churn_hazard(c, consistency_gain(p_->content, org_.content_relevance)), due_today_);
  for (const auto& due : due_today_) {
    if (prospects_.stage[due.prospect] != Stage::customer || prospects_.episode[due.prospect] != due.tag) continue;
    --customers_;
    recorder_.churned(day);
    return_to_nurture(due.prospect);
  }
}

}  // namespace alignsim::model
