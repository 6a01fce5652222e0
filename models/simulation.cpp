#include "models/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/funnel_rules.hpp"
#include "sim/errors.hpp"

namespace alignsim::model {
namespace {
constexpr double kHoursPerDay = 24.0;
}

Simulation::Simulation(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate)
    : p_(std::move(parameters)),
      random_(p_->run.seed, replicate),
      recorder_(p_->run.horizon_days, p_->run.period_days),
      contacts_by_day_(static_cast<std::size_t>(p_->run.horizon_days)),
      decisions_by_day_(static_cast<std::size_t>(p_->run.horizon_days)) {}

sim::RunOutput Simulation::run() {
  populate();
  for (std::int64_t day = 0; day < p_->run.horizon_days; ++day) {
    engage_prospects(day);
    route_and_decide(day);
    make_contacts(day);
    decide_opportunities(day);
    record_day(day);
  }
  return recorder_.finish();
}

sim::DrawKey Simulation::lead_key(std::uint32_t prospect, Purpose purpose, std::uint32_t index) const {
  return {prospect, prospects_.episode[prospect], id(purpose), index};
}

void Simulation::populate() {
  const auto n = static_cast<std::size_t>(p_->population.prospects);
  prospects_.resize(n);
  clock_.reserve(n);
  const auto& pop = p_->population;
  for (std::uint32_t i = 0; i < n; ++i) {
    const double fit = fit_from_uniform(random_.uniform({i, 0, id(Purpose::prospect_fit), 0}), pop.fit_shape_a,
                                        pop.fit_shape_b);
    prospects_.fit[i] = static_cast<float>(fit);
    prospects_.deal_size_usd[i] = static_cast<float>(
        random_.lognormal_with_mean({i, 0, id(Purpose::deal_size), 0}, pop.deal_size_mean_usd, pop.deal_size_sigma));
    prospects_.engagement_multiplier[i] = static_cast<float>(engagement_multiplier(fit, p_->demand.fit_weight));
    clock_.add_dormant(i, random_.exponential(lead_key(i, Purpose::engagement_threshold), 1.0),
                       prospects_.engagement_multiplier[i]);
  }
  const auto reps = static_cast<std::size_t>(p_->population.reps);
  reps_.resize(reps);
  for (std::uint32_t r = 0; r < reps; ++r) {
    const double start = std::clamp(
        random_.normal({kRepAgentOffset + r, 0, id(Purpose::initial_trust), 0}, p_->trust.initial_mean,
                       p_->trust.initial_sd),
        0.0, 1.0);
    reps_.trust[r] = initial_trust_state(start, p_->trust);
  }
}

double Simulation::daily_engagement_hazard() const {
  const auto& d = p_->demand;
  if (!d.enabled) return 0.0;
  const double adopters = d.word_of_mouth_source == "engaged" ? static_cast<double>(ever_engaged_)
                                                                : static_cast<double>(customers_);
  return d.innovation_rate + d.imitation_rate * adopters / static_cast<double>(p_->population.prospects);
}

void Simulation::engage_prospects(std::int64_t day) {
  engaged_today_.clear();
  mqls_today_.clear();
  clock_.advance(daily_engagement_hazard(), engaged_today_);
  for (std::uint32_t prospect : engaged_today_) {
    if (prospects_.episode[prospect] == 0) ++ever_engaged_;
    if (prospects_.episode[prospect] == std::numeric_limits<std::uint16_t>::max()) {
      throw RunError("prospect " + std::to_string(prospect) + " engaged more than 65,535 times");
    }
    ++prospects_.episode[prospect];
    recorder_.inquiry(day);
    if (!becomes_mql(prospect)) {
      return_to_nurture(prospect);
      continue;
    }
    recorder_.mql(day);
    mqls_today_.push_back({prospect, kHoursPerDay * random_.uniform(lead_key(prospect, Purpose::arrival_hour))});
  }
}

bool Simulation::becomes_mql(std::uint32_t prospect) const {
  const auto& s = p_->scoring;
  if (!s.enabled) return random_.bernoulli(lead_key(prospect, Purpose::scoring_noise), s.fixed_mql_probability);
  const double score = random_.normal(lead_key(prospect, Purpose::scoring_noise), prospects_.fit[prospect], s.noise_sd);
  return score >= s.threshold;
}

std::uint32_t Simulation::route(std::uint32_t prospect) {
  const auto reps = static_cast<std::uint32_t>(reps_.size());
  const auto& policy = p_->routing.policy;
  if (policy == "least_loaded") {
    const auto it = std::min_element(reps_.leads_waiting.begin(), reps_.leads_waiting.end());
    return static_cast<std::uint32_t>(it - reps_.leads_waiting.begin());
  }
  if (policy == "random") {
    const double u = random_.uniform(lead_key(prospect, Purpose::random_routing));
    return std::min(reps - 1, static_cast<std::uint32_t>(u * reps));
  }
  const std::uint32_t rep = next_round_robin_;
  next_round_robin_ = (next_round_robin_ + 1) % reps;
  return rep;
}

void Simulation::route_and_decide(std::int64_t day) {
  // Arrival order within the day decides queue order (M5) and round-robin turns (M3).
  std::sort(mqls_today_.begin(), mqls_today_.end(), [](const Lead& a, const Lead& b) {
    return a.arrival_hour < b.arrival_hour || (a.arrival_hour == b.arrival_hour && a.prospect < b.prospect);
  });
  for (const Lead& lead : mqls_today_) {
    const std::uint32_t rep = route(lead.prospect);
    const double p_work = work_probability(reps_.trust[rep].trust, p_->followup);
    if (!random_.bernoulli(lead_key(lead.prospect, Purpose::followup_decision), p_work)) {
      recorder_.ignored(day);
      return_to_nurture(lead.prospect);
      continue;
    }
    const double arrival_abs = static_cast<double>(day) * kHoursPerDay + lead.arrival_hour;
    const double delay = response_delay_hours(lead.prospect, rep, arrival_abs);
    if (!std::isfinite(delay) || delay < 0) throw RunError("response delay is not a finite non-negative number");
    prospects_.rep[lead.prospect] = rep;
    prospects_.response_hours[lead.prospect] = static_cast<float>(delay);
    prospects_.stage[lead.prospect] = Stage::mql_worked;
    recorder_.worked(day, delay);
    const double contact_day = std::floor((arrival_abs + delay) / kHoursPerDay);
    if (contact_day < static_cast<double>(p_->run.horizon_days)) {
      contacts_by_day_[static_cast<std::size_t>(contact_day)].push_back(lead.prospect);
      ++reps_.leads_waiting[rep];
    }
  }
}

double Simulation::response_delay_hours(std::uint32_t prospect, std::uint32_t rep, double arrival_abs_hours) {
  const auto& r = p_->response;
  if (!r.enabled) return random_.exponential(lead_key(prospect, Purpose::fixed_response), r.fixed_mean_hours);
  // The rep's lead queue is a single server (Lindley recursion): leads per day =
  // hours available for leads / hours per lead, so each takes 24/that wall-clock hours.
  const double leads_per_day = r.rep_hours_per_day * r.lead_followup_share / r.hours_per_lead;
  const double service_hours = kHoursPerDay / leads_per_day;
  const double start = std::max(arrival_abs_hours, reps_.free_at_hours[rep]);
  reps_.free_at_hours[rep] = start + service_hours;
  const double trust = reps_.trust[rep].trust;
  // Trusted leads jump the queue; the rest wait their turn and are deprioritised
  // further the less the rep trusts marketing.
  if (random_.bernoulli(lead_key(prospect, Purpose::prompt_response), r.prompt_probability_at_full_trust * trust)) {
    return random_.exponential(lead_key(prospect, Purpose::prompt_response, 1), r.prompt_mean_hours);
  }
  const double extra = random_.exponential(lead_key(prospect, Purpose::deprioritised_wait),
                                           r.deprioritised_mean_hours * (1.0 - trust));
  return (start - arrival_abs_hours) + service_hours + extra;
}

void Simulation::make_contacts(std::int64_t day) {
  for (std::uint32_t prospect : contacts_by_day_[static_cast<std::size_t>(day)]) {
    const std::uint32_t rep = prospects_.rep[prospect];
    --reps_.leads_waiting[rep];
    const double p_qualify =
        qualification_probability(prospects_.fit[prospect], prospects_.response_hours[prospect], p_->qualification);
    const double p_good = judged_good_probability(prospects_.fit[prospect], prospects_.response_hours[prospect],
                                                  p_->qualification, p_->trust.staleness_blame);
    const double u = random_.uniform(lead_key(prospect, Purpose::qualification));
    const bool qualified = u < p_qualify;
    learn_from_outcome(reps_.trust[rep], u < p_good, p_->trust);
    if (!qualified) {
      return_to_nurture(prospect);
      continue;
    }
    recorder_.qualified(day);
    prospects_.stage[prospect] = Stage::opportunity;
    ++open_pipeline_;
    const double cycle =
        random_.lognormal_with_mean(lead_key(prospect, Purpose::sales_cycle), p_->close.cycle_mean_days, p_->close.cycle_sigma);
    const double decision_day = static_cast<double>(day) + std::max(1.0, std::round(cycle));
    if (decision_day < static_cast<double>(p_->run.horizon_days)) {
      decisions_by_day_[static_cast<std::size_t>(decision_day)].push_back(prospect);
    }
  }
  contacts_by_day_[static_cast<std::size_t>(day)] = {};  // release memory as the calendar passes
}

void Simulation::decide_opportunities(std::int64_t day) {
  for (std::uint32_t prospect : decisions_by_day_[static_cast<std::size_t>(day)]) {
    --open_pipeline_;
    const bool key_account = prospects_.deal_size_usd[prospect] >= p_->population.key_account_min_deal_usd;
    const double p_win = win_probability(prospects_.fit[prospect], key_account, p_->close);
    if (random_.bernoulli(lead_key(prospect, Purpose::win), p_win)) {
      prospects_.stage[prospect] = Stage::customer;
      ++customers_;
      recorder_.won(day, prospects_.deal_size_usd[prospect], key_account);
    } else {
      recorder_.lost(day);
      return_to_nurture(prospect);
    }
  }
  decisions_by_day_[static_cast<std::size_t>(day)] = {};
}

void Simulation::return_to_nurture(std::uint32_t prospect) {
  if (!p_->funnel.recycle_to_nurture) {
    prospects_.stage[prospect] = Stage::never_engages;
    return;
  }
  prospects_.stage[prospect] = Stage::dormant;
  // The next engagement's threshold is keyed by the next episode number.
  const sim::DrawKey key{prospect, static_cast<std::uint32_t>(prospects_.episode[prospect]),
                         id(Purpose::engagement_threshold), 0};
  clock_.add_dormant(prospect, random_.exponential(key, 1.0), prospects_.engagement_multiplier[prospect]);
}

void Simulation::record_day(std::int64_t day) {
  const bool period_end = (day + 1) % p_->run.period_days == 0 || day + 1 == p_->run.horizon_days;
  if (!period_end) return;
  double trust_sum = 0.0;
  for (const auto& t : reps_.trust) trust_sum += t.trust;
  recorder_.end_of_day(day, customers_, open_pipeline_, trust_sum / static_cast<double>(reps_.size()));
}

sim::RunOutput run_model(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate) {
  Simulation simulation(std::move(parameters), replicate);
  return simulation.run();
}

}  // namespace alignsim::model
