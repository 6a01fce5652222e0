// The funnel part of the day's schedule after demand (simulation_demand.cpp): routing,
// follow-up, response, qualification, close and trust learning. The rules are in
// models/mechanisms/.
#include <algorithm>
#include <cmath>

#include "models/funnel_rules.hpp"
#include "models/mechanisms/close.hpp"
#include "models/mechanisms/content.hpp"
#include "models/mechanisms/enablement.hpp"
#include "models/mechanisms/followup.hpp"
#include "models/mechanisms/qualification.hpp"
#include "models/mechanisms/response.hpp"
#include "models/mechanisms/routing.hpp"
#include "models/mechanisms/trust.hpp"
#include "models/simulation.hpp"

namespace alignsim::model {
namespace {
constexpr double kHoursPerDay = 24.0;
}

std::uint32_t Simulation::route(std::uint32_t prospect) {
  switch (p_->routing.policy) {
    case RoutingPolicy::least_loaded:
      return least_loaded_rep(org_.active_reps, reps_.leads_waiting);
    case RoutingPolicy::random:
      return random_rep(org_.active_reps, random_.uniform(lead_key(prospect, Purpose::random_routing)));
    case RoutingPolicy::round_robin:
      break;
  }
  return round_robin_rep(org_.active_reps, next_round_robin_);
}

void Simulation::route_and_decide(std::int64_t day) {
  // Arrival order within the day decides queue order (response) and round-robin turns.
  std::sort(mqls_today_.begin(), mqls_today_.end(), [](const Lead& a, const Lead& b) {
    return a.arrival_hour < b.arrival_hour || (a.arrival_hour == b.arrival_hour && a.prospect < b.prospect);
  });
  for (const Lead& lead : mqls_today_) decide_lead(day, lead, route(lead.prospect));
  serve_queues_to_end_of_day(day);
}

void Simulation::decide_lead(std::int64_t day, const Lead& lead, std::uint32_t rep) {
  const std::uint32_t prospect = lead.prospect;
  const bool work = random_.bernoulli(lead_key(prospect, Purpose::followup_decision),
                                      work_probability(trust_in(rep, marketer_of(prospect)), pay_.followup,
                                                       {experience_years(rep, day),
                                                        static_cast<double>(reps_.leads_waiting[rep])}));
  const ResponseTask task{.arrival_hours = static_cast<double>(day) * kHoursPerDay + lead.arrival_hour,
                          .prospect = prospect,
                          .episode = prospects_.episode[prospect],
                          .courtesy = !work};
  if (crm_ != nullptr) {
    crm_->lead_routed(prospect, rep, work);
    if (!work) crm_->lead_ended(prospect, LeadEnd::not_pursued, task.arrival_hours);
  }
  if (!work) {
    recorder_.ignored(day);
    ledger_.ignored(rep, prospect);
    const double courtesy = p_->followup.courtesy_response_probability;  // 0: no draw, never answered
    if (courtesy > 0.0 && random_.bernoulli(lead_key(prospect, Purpose::courtesy_response), courtesy)) {
      respond(rep, task);
    }
    report_feedback(prospect);
    return_to_nurture(prospect);
    return;
  }
  prospects_.rep[prospect] = rep;
  recorder_.worked(day);
  marketers_.count(marketer_of(prospect), &MarketerCounts::worked);
  ledger_.worked(rep, prospect);
  ++reps_.leads_waiting[rep];
  respond(rep, task);
}

void Simulation::make_contacts(std::int64_t day) {
  for (std::uint32_t prospect : contacts_by_day_[static_cast<std::size_t>(day)]) {
    const std::uint32_t rep = prospects_.rep[prospect];
    const double lift = qualification_lift_of(marketer_of(prospect));  // the content of the lead's marketer
    --reps_.leads_waiting[rep];
    const double fit = prospects_.fit[prospect], hours = prospects_.response_hours[prospect];
    const double p_qualify = std::min(1.0, qualification_probability(fit, hours, p_->qualification) * lift);
    const double p_good =
        std::min(1.0, judged_good_probability(fit, hours, p_->qualification, p_->trust.staleness_blame) * lift);
    const double u = random_.uniform(lead_key(prospect, Purpose::qualification));
    const bool judged_good = u < p_good;
    learn_from_lead(rep, prospect, judged_good);
    if (!judged_good) report_feedback(prospect);
    if (u < p_qualify) {
      open_opportunity(day, prospect);
    } else {
      if (crm_ != nullptr) crm_->lead_ended(prospect, LeadEnd::not_qualified);
      return_to_nurture(prospect);
    }
  }
  contacts_by_day_[static_cast<std::size_t>(day)] = {};  // release memory as the calendar passes
}

void Simulation::open_opportunity(std::int64_t day, std::uint32_t prospect) {
  const std::uint32_t rep = prospects_.rep[prospect];
  recorder_.qualified(day, prospects_.sales_sourced[prospect] != 0);
  ledger_.qualified(rep, prospect, prospects_.sales_sourced[prospect] != 0);
  prospects_.stage[prospect] = Stage::opportunity;
  prospects_.opened_day[prospect] = static_cast<std::int32_t>(day);
  ++open_pipeline_;
  ++reps_.open_opportunities[rep];
  if (crm_ != nullptr) crm_->opportunity_opened(prospect, prospects_.deal_size_usd[prospect]);
  double cycle = random_.lognormal_with_mean(lead_key(prospect, Purpose::sales_cycle), p_->close.cycle_mean_days,
                                             p_->close.cycle_sigma);
  if (p_->enablement.enabled && reps_.adopted_framework[rep] != 0) cycle *= framework_cycle_multiplier(p_->enablement);
  const double decided = decision_day(day, cycle);
  if (decided < static_cast<double>(simulated_days(p_->run))) {
    decisions_by_day_[static_cast<std::size_t>(decided)].push_back(prospect);
  }
}

bool Simulation::is_key_account(std::uint32_t prospect) const {
  return prospects_.deal_size_usd[prospect] >= p_->population.key_account_min_deal_usd;
}

double Simulation::win_probability_of(std::uint32_t prospect, bool key_account, std::int64_t day) const {
  const std::uint32_t rep = prospects_.rep[prospect];
  double p = win_probability(prospects_.fit[prospect], key_account, p_->close);
  if (!p_->close.enabled) return p;
  p *= experience_factor(experience_years(rep, day), p_->reps.ramp_up_years, p_->reps.new_rep_win_penalty);
  if (p_->enablement.enabled && reps_.adopted_framework[rep] != 0) p *= framework_win_multiplier(p_->enablement);
  if (prospects_.hoarded[prospect] != 0) p *= hoarded_win_multiplier(p_->content, org_.content_relevance);
  return std::clamp(p, 0.0, 0.99);
}

void Simulation::decide_opportunities(std::int64_t day) {
  for (std::uint32_t prospect : decisions_by_day_[static_cast<std::size_t>(day)]) {
    --open_pipeline_;
    --reps_.open_opportunities[prospects_.rep[prospect]];
    recorder_.decided(day - prospects_.opened_day[prospect]);
    const bool key_account = is_key_account(prospect);
    const bool won = random_.bernoulli(lead_key(prospect, Purpose::win), win_probability_of(prospect, key_account, day));
    // Decisions carry no hour of their own: they are logged at midday.
    if (crm_ != nullptr) crm_->opportunity_decided(prospect, (static_cast<double>(day) + 0.5) * kHoursPerDay, won);
    if (won) {
      recorder_.won(day, prospects_.deal_size_usd[prospect], key_account, prospects_.sales_sourced[prospect] != 0);
      if (prospects_.sales_sourced[prospect] == 0) {
        marketers_.count(marketer_of(prospect), &MarketerCounts::bookings_usd, prospects_.deal_size_usd[prospect]);
      }
      ledger_.won(prospects_.rep[prospect], prospects_.deal_size_usd[prospect]);
      org_.bookings_today += prospects_.deal_size_usd[prospect];
      become_customer(prospect);
    } else {
      recorder_.lost();
      return_to_nurture(prospect);
    }
  }
  decisions_by_day_[static_cast<std::size_t>(day)] = {};
}

void Simulation::return_to_nurture(std::uint32_t prospect) {
  prospects_.sales_sourced[prospect] = 0;
  prospects_.hoarded[prospect] = 0;
  if (!p_->funnel.recycle_to_nurture) {
    prospects_.stage[prospect] = Stage::never_engages;
    return;
  }
  prospects_.stage[prospect] = Stage::dormant;
  // The next engagement's threshold is keyed by the episode that just ended.
  demand_clock_of(prospect).add(prospect, prospects_.episode[prospect],
                        random_.exponential(lead_key(prospect, Purpose::engagement_threshold), 1.0),
                        prospects_.engagement_multiplier[prospect]);
}

}  // namespace alignsim::model
