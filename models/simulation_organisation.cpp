// Marketing and the organisation around the funnel: M10 feedback on rejected leads,
// M11 content relevance, M13 syncs, M15 budget following revenue, M16 churn.
#include <algorithm>
#include <cmath>

#include "models/simulation.hpp"

namespace alignsim::model {
namespace {
constexpr double kBusinessDaysPerYear = 260.0;
}

double Simulation::content_lift(double effect) const {
  return std::max(0.0, 1.0 + effect * (org_.content_relevance - p_->content.initial_relevance));
}

double Simulation::own_content_share(double relevance) const {
  // Seed 004: where marketing's content misses, reps make their own off-message material.
  return p_->content.own_content_share_at_zero_relevance * (1.0 - relevance);
}

double Simulation::effective_bad_news_weight() const {
  return org_.mistakes_admitted ? std::min(p_->trust.bad_news_weight, p_->syncs.admitted_bad_news_weight)
                                : p_->trust.bad_news_weight;
}

void Simulation::update_budget_and_content(std::int64_t day) {
  const auto& c = p_->content;
  if (c.sales_input) org_.content_relevance += c.input_rate * (c.max_relevance - org_.content_relevance);
  const auto& b = p_->budget;
  org_.trailing_bookings_per_day += (org_.bookings_today - org_.trailing_bookings_per_day) / b.trailing_days;
  org_.bookings_today = 0.0;
  org_.marketing_budget_per_day =
      b.follows_revenue ? b.marketing_fraction * org_.trailing_bookings_per_day : b.initial_marketing_usd_per_day;
  recorder_.marketing_spend(day, org_.marketing_budget_per_day);
}

void Simulation::report_feedback(std::uint32_t prospect) {
  const auto& f = p_->feedback;
  if (!f.enabled || !random_.bernoulli(lead_key(prospect, Purpose::feedback_report), f.report_probability)) return;
  // Each reason reported removes a share of the noise marketing can still remove.
  const double floor = std::min(f.minimum_noise_sd, org_.scoring_noise_sd);
  org_.scoring_noise_sd = floor + (org_.scoring_noise_sd - floor) * (1.0 - f.noise_reduction_per_report);
  recorder_.feedback_report();
}

void Simulation::hold_sync(std::int64_t) {
  const auto& s = p_->syncs;
  if (s.admit_mistakes) org_.mistakes_admitted = true;
  const double boost = p_->incentives.shared_pool ? 1.0 + p_->incentives.shared_pool_sync_boost : 1.0;
  if (org_.mqls_since_sync > 0 && s.shared_data_weight > 0) {
    // Same data for both teams (seed 004): reps see how all leads turned out, including
    // the ones they did not work, so the hot-stove trap loses its grip.
    const double quality = org_.lead_quality_since_sync / static_cast<double>(org_.mqls_since_sync);
    const double weight = std::min(1.0, s.shared_data_weight * boost);
    for (std::uint32_t rep : org_.active_reps) {
      auto& t = reps_.trust[rep];
      move_trust(t, t.trust + weight * (quality - t.trust));
    }
  }
  if (s.team_averaging > 0) {
    const double mean = mean_active_trust();
    const double weight = std::min(1.0, s.team_averaging * boost);
    for (std::uint32_t rep : org_.active_reps) {
      auto& t = reps_.trust[rep];
      move_trust(t, (1.0 - weight) * t.trust + weight * mean);
    }
  }
  org_.lead_quality_since_sync = 0.0;
  org_.mqls_since_sync = 0;
}

void Simulation::become_customer(std::uint32_t prospect) {
  prospects_.stage[prospect] = Stage::customer;
  ++customers_;
  const auto& c = p_->churn;
  if (!c.enabled) return;
  const double multiplier = std::max(0.0, 1.0 - c.fit_protection * (2.0 * prospects_.fit[prospect] - 1.0));
  churn_clock_.add(prospect, prospects_.episode[prospect],
                   random_.exponential(lead_key(prospect, Purpose::churn_threshold), 1.0), multiplier);
}

void Simulation::churn_customers(std::int64_t day) {
  const auto& c = p_->churn;
  if (!c.enabled) return;
  // Message consistency is 1 - own content share; its rise since the start lowers churn.
  const double consistency_gain =
      own_content_share(p_->content.initial_relevance) - own_content_share(org_.content_relevance);
  const double consistency_factor = std::max(0.0, 1.0 - c.consistency_effect * consistency_gain);
  due_today_.clear();
  churn_clock_.advance(c.annual_rate / kBusinessDaysPerYear * consistency_factor, due_today_);
  for (const auto& due : due_today_) {
    if (prospects_.stage[due.prospect] != Stage::customer || prospects_.episode[due.prospect] != due.tag) continue;
    --customers_;
    recorder_.churned(day);
    return_to_nurture(due.prospect);
  }
}

}  // namespace alignsim::model
