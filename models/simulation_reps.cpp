// The sales team's part of the day's schedule: rep heterogeneity, the workday and own
// prospecting, turnover and onboarding, budget-driven headcount, adoption of a selling
// framework. The rules are in models/mechanisms/.
#include <algorithm>
#include <cmath>

#include "models/funnel_rules.hpp"
#include "models/mechanisms/budget.hpp"
#include "models/mechanisms/enablement.hpp"
#include "models/mechanisms/prospecting.hpp"
#include "models/mechanisms/turnover.hpp"
#include "models/simulation.hpp"

namespace alignsim::model {
namespace {
constexpr double kBusinessDaysPerYear = 260.0;
}  // namespace

sim::DrawKey Simulation::rep_key(std::uint32_t rep, std::int64_t day, Purpose purpose, std::uint32_t index) const {
  return {kRepAgentOffset + rep, static_cast<std::uint32_t>(day), id(purpose), index};
}

double Simulation::experience_years(std::uint32_t rep, std::int64_t day) const {
  return reps_.experience_years[rep] + static_cast<double>(day - reps_.hired_day[rep]) / kBusinessDaysPerYear;
}

RepAtEnd Simulation::rep_at_end(std::uint32_t rep) const {
  const std::int64_t left = ledger_.left_day(rep);
  return {experience_years(rep, left >= 0 ? left : p_->run.horizon_days), reps_.capacity_multiplier[rep],
          reps_.active[rep] != 0, reps_.trust[rep].trust};
}

std::uint32_t Simulation::hire_rep(std::int64_t day, bool initial_cohort) {
  const auto rep = static_cast<std::uint32_t>(reps_.size());
  reps_.append();
  ledger_.hired(rep);
  if (crm_ != nullptr) crm_->rep_hired(day);
  const auto& r = p_->reps;
  const double trust = std::clamp(
      random_.normal(rep_key(rep, 0, Purpose::initial_trust), p_->trust.initial_mean, p_->trust.initial_sd), 0.0, 1.0);
  reps_.trust[rep] = initial_trust_state(new_rep_trust(p_->onboarding, trust, initial_cohort), p_->trust);
  start_marketer_trust(rep);
  reps_.hired_day[rep] = static_cast<std::int32_t>(day);
  reps_.experience_years[rep] =
      initial_cohort && r.experience_mean_years > 0
          ? random_.lognormal_with_mean(rep_key(rep, 0, Purpose::rep_experience), r.experience_mean_years,
                                        r.experience_sigma)
          : 0.0;
  reps_.capacity_multiplier[rep] =
      random_.lognormal_with_mean(rep_key(rep, 0, Purpose::rep_capacity), 1.0, r.capacity_sigma);
  org_.active_reps.push_back(rep);  // the newest id is the largest: the list stays sorted
  return rep;
}

void Simulation::rep_workdays(std::int64_t day) {
  const auto& r = p_->response;
  RepHours total;
  for (std::uint32_t rep : org_.active_reps) {
    const double admin = p_->reps.admin_share * r.rep_hours_per_day;
    const double followup = reps_.response_hours_today[rep];
    const double free_hours = std::max(0.0, r.rep_hours_per_day - admin - followup);
    double prospecting = 0.0;
    if (p_->prospecting.enabled) {
      prospecting = free_hours * prospecting_share(p_->prospecting, reps_.trust[rep].trust);
      find_own_leads(day, rep, prospecting);
    }
    total.prospecting += prospecting;
    total.lead_followup += std::min(followup, r.rep_hours_per_day - admin);
    total.selling += free_hours - prospecting;
    total.total += r.rep_hours_per_day;
    ledger_.workday(rep, prospecting, r.rep_hours_per_day);
  }
  recorder_.rep_hours(day, total);
  // Every rep's budget for first responses starts afresh tomorrow (also for reps who
  // left and still work off their queue).
  std::fill(reps_.response_hours_today.begin(), reps_.response_hours_today.end(), 0.0);
}

void Simulation::find_own_leads(std::int64_t day, std::uint32_t rep, double prospecting_hours) {
  const auto& pr = p_->prospecting;
  const double mean_found = prospecting_hours * pr.leads_per_hour;
  if (!(mean_found > 0.0)) return;  // Poisson(0) is 0 for any uniform: skip the draw
  const std::uint32_t found = poisson_from_uniform(random_.uniform(rep_key(rep, day, Purpose::own_lead_count)),
                                                   mean_found, kMaxOwnLeadsPerDay);
  const auto n = static_cast<double>(prospects_.size());
  for (std::uint32_t i = 0; i < found; ++i) {
    const auto prospect = static_cast<std::uint32_t>(
        std::min(n - 1, std::floor(random_.uniform(rep_key(rep, day, Purpose::own_lead_pick, i)) * n)));
    if (prospects_.stage[prospect] != Stage::dormant) continue;  // already in play: effort wasted
    ++prospects_.episode[prospect];  // makes its engagement-clock entry stale
    prospects_.stage[prospect] = Stage::lead;
    prospects_.rep[prospect] = rep;
    prospects_.sales_sourced[prospect] = 1;
    const bool hoarded =  // a share of 0 never hoards: no draw
        pr.hoarding_share > 0.0 && random_.bernoulli(lead_key(prospect, Purpose::hoarding), pr.hoarding_share);
    prospects_.hoarded[prospect] = hoarded ? 1 : 0;
    recorder_.own_lead(day, hoarded);
    if (crm_ != nullptr) log_own_lead(day, rep, prospect, i);
    const double p_qualify = own_lead_qualify_probability(pr, prospects_.fit[prospect]);
    if (random_.bernoulli(lead_key(prospect, Purpose::qualification), p_qualify)) {
      open_opportunity(day, prospect);
    } else {
      if (crm_ != nullptr) crm_->lead_ended(prospect, LeadEnd::not_qualified);
      return_to_nurture(prospect);
    }
  }
}

void Simulation::log_own_lead(std::int64_t day, std::uint32_t rep, std::uint32_t prospect, std::uint32_t nth) {
  // An own find has no hour of its own: the rep logs its finds from 09:00, a quarter of
  // an hour apart, and calls each as it logs it.
  const double hours = static_cast<double>(day) * 24.0 + 9.0 + 0.25 * std::min<double>(nth, 40.0);
  crm_->lead_created(prospect, prospects_.episode[prospect], prospects_.programme[prospect], hours, false, true,
                     static_cast<std::int32_t>(rep));
  crm_->responded(prospect, prospects_.episode[prospect], rep, hours, false);
}

void Simulation::leave_and_replace(std::int64_t day) {
  const double leave_probability = daily_leave_probability(p_->reps);
  // No turnover: no rep can leave, so neither the copy of the roster nor a draw per rep
  // is needed (the draws are keyed per rep and day, so no other draw changes).
  if (!(leave_probability > 0.0)) return;
  const std::vector<std::uint32_t> today = org_.active_reps;
  for (std::uint32_t rep : today) {
    if (!random_.bernoulli(rep_key(rep, day, Purpose::rep_turnover), leave_probability)) continue;
    reps_.active[rep] = 0;  // open leads and deals stay with the rep's accounts
    ledger_.left(rep, day);
    if (crm_ != nullptr) crm_->rep_left(rep, day);
    org_.active_reps.erase(std::find(org_.active_reps.begin(), org_.active_reps.end(), rep));
    hire_rep(day, false);
  }
}

void Simulation::turnover_and_hiring(std::int64_t day) {
  leave_and_replace(day);
  const auto& b = p_->budget;
  if (!b.headcount_follows_bookings) return;
  org_.hiring_balance += hiring_drift(b, org_.trailing_bookings_per_day, org_.active_reps.size());
  while (org_.hiring_balance >= 1.0 && static_cast<std::int64_t>(org_.active_reps.size()) < b.max_reps) {
    hire_rep(day, false);
    org_.hiring_balance -= 1.0;
  }
  while (org_.hiring_balance <= -1.0 && org_.active_reps.size() > 1) {
    reps_.active[org_.active_reps.back()] = 0;  // last hired, first laid off
    ledger_.left(org_.active_reps.back(), day);
    if (crm_ != nullptr) crm_->rep_left(org_.active_reps.back(), day);
    org_.active_reps.pop_back();
    org_.hiring_balance += 1.0;
  }
}

void Simulation::adopt_framework(std::int64_t day) {
  const auto& e = p_->enablement;
  if (!e.enabled || reported_day(day) < e.meeting_day || org_.active_reps.empty()) return;
  const double peer_share = framework_share(org_.active_reps, reps_.adopted_framework);
  for (std::uint32_t rep : org_.active_reps) {
    if (reps_.adopted_framework[rep] != 0) continue;
    // Marketer 0 presents the framework (seed 003): reps who trust that marketer adopt faster.
    const double probability = adoption_probability(e, reported_day(day), trust_in(rep, 0), peer_share);
    if (random_.bernoulli(rep_key(rep, day, Purpose::framework_adoption), probability)) {
      reps_.adopted_framework[rep] = 1;
    }
  }
}

}  // namespace alignsim::model
