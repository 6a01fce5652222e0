#include "models/simulation.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>

#include "models/funnel_rules.hpp"
#include "models/mechanisms/budget.hpp"
#include "models/mechanisms/demand.hpp"
#include "models/mechanisms/enablement.hpp"
#include "models/mechanisms/marketers.hpp"
#include "models/mechanisms/syncs.hpp"
#include "models/mechanisms/trust.hpp"
#include "models/prospect_traits.hpp"
#include "sim/run/thread_handoff.hpp"

namespace alignsim::model {

Simulation::Simulation(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate,
                       RunPhaseCosts* costs, std::size_t demand_shards)
    : p_(std::move(parameters)),
      costs_(costs),
      pay_(incentive_rules(*p_)),
      random_(p_->run.seed, replicate),
      marketer_series_(static_cast<std::size_t>(p_->marketers.count),
                       sim::reporting_periods(p_->run.horizon_days, p_->run.period_days)),
      requested_demand_shards_(demand_shards),
      recorder_(p_->run.horizon_days, p_->run.period_days),
      ledger_(static_cast<std::size_t>(p_->population.prospects)),
      contacts_by_day_(static_cast<std::size_t>(simulated_days(p_->run))),
      decisions_by_day_(static_cast<std::size_t>(simulated_days(p_->run))) {}

void Simulation::log_crm_events(CrmEventLog& log) {
  crm_ = &log;
  log.warmup_days = p_->run.warmup_days;
  log.horizon_days = p_->run.horizon_days;
}

sim::RunOutput Simulation::run() {
  PhaseStopwatch watch(costs_);
  populate();
  watch.lap(&RunPhaseCosts::setup_seconds);
  // The warm-up (docs/model.md section 5) runs the same schedule; only the recorders
  // wait. State, clocks and calendars carry over into the reported horizon.
  for (std::int64_t day = 0; day < simulated_days(p_->run); ++day) {
    if (day == p_->run.warmup_days) {
      watch.lap(&RunPhaseCosts::warmup_seconds);
      start_reporting(day);
    }
    simulate_day(day);
  }
  PhaseStopwatch output_watch(costs_);
  sim::RunOutput out = recorder_.finish();
  out.agents = ledger_.finish(rep_rows_bound(*p_), [this](std::uint32_t rep) { return rep_at_end(rep); });
  const std::vector<double> marketers = marketer_series_.finish();
  out.agents.insert(out.agents.end(), marketers.begin(), marketers.end());
  output_watch.lap(&RunPhaseCosts::output_seconds);
  return out;
}

std::int64_t Simulation::reported_day(std::int64_t day) const { return day - p_->run.warmup_days; }

void Simulation::start_reporting(std::int64_t day) {
  recorder_.start_reporting(day, customers_);
  ledger_.start_reporting();
  marketers_.start_reporting();
}

void Simulation::simulate_day(std::int64_t day) {
  // Phases are timed on reported days only (the warm-up as a whole, in run()).
  PhaseStopwatch watch(day >= p_->run.warmup_days ? costs_ : nullptr);
  update_budget_and_content(day);
  spend_programme_budgets();
  watch.lap(&RunPhaseCosts::other_seconds);
  engage_prospects(day);
  watch.lap(&RunPhaseCosts::demand_seconds);
  route_and_decide(day);
  make_contacts(day);
  rep_workdays(day);
  watch.lap(&RunPhaseCosts::leads_seconds);
  decide_opportunities(day);
  watch.lap(&RunPhaseCosts::opportunities_seconds);
  churn_customers(day);
  turnover_and_hiring(day);
  adopt_framework(day);
  field_and_review_day(day);
  // Syncs keep their calendar phase on reported days; (d + 1) % n == 0 also holds for
  // negative d, so the warm-up has syncs on the same schedule.
  if (is_sync_day(p_->syncs, reported_day(day))) hold_sync();
  const std::int64_t reported = reported_day(day);
  const bool period_end = reported >= 0 && ((reported + 1) % p_->run.period_days == 0 ||
                                            reported + 1 == p_->run.horizon_days);
  if (period_end) record_period_end(day);
  watch.lap(&RunPhaseCosts::other_seconds);
}

sim::DrawKey Simulation::lead_key(std::uint32_t prospect, Purpose purpose, std::uint32_t index) const {
  return {prospect, prospects_.episode[prospect], id(purpose), index};
}

void Simulation::populate() {
  const auto n = static_cast<std::size_t>(p_->population.prospects);
  prospects_.resize(n);
  std::vector<double> first_threshold(n);
  // Every prospect's draws are keyed by its id, so the population can be drawn in
  // parallel chunks (inside one run) with bitwise the same result as a serial loop.
  const ProspectTraitDraw draw(p_->population);
  const char handoff = 0;
  sim::release_handoff(&handoff);
  oneapi::tbb::parallel_for(oneapi::tbb::blocked_range<std::size_t>(0, n, 4096),
                            [&](const oneapi::tbb::blocked_range<std::size_t>& range) {
                              sim::acquire_handoff(&handoff);
                              for (std::size_t i = range.begin(); i != range.end(); ++i) {
                                draw_prospect(draw, static_cast<std::uint32_t>(i), first_threshold[i]);
                              }
                              sim::release_handoff(&handoff);
                            });
  sim::acquire_handoff(&handoff);
  set_up_demand_clocks(first_threshold);
  set_up_marketers();
  for (std::int64_t r = 0; r < p_->population.reps; ++r) hire_rep(0, true);

  org_.scoring_noise_sd = p_->scoring.noise_sd;
  org_.content_relevance = p_->content.initial_relevance;
  org_.marketing_budget_per_day = p_->budget.initial_marketing_usd_per_day;
  // Start in steady state: trailing bookings are what the initial budget implies.
  org_.trailing_bookings_per_day = steady_state_trailing_bookings(p_->budget);
}

void Simulation::draw_prospect(const ProspectTraitDraw& draw, std::uint32_t i, double& first_threshold) {
  const ProspectTraits traits = draw(random_, i);
  const double fit = traits.fit;
  prospects_.fit[i] = static_cast<float>(fit);
  prospects_.deal_size_usd[i] = static_cast<float>(traits.deal_size_usd);
  const std::uint32_t marketer = programme_of(p_->marketers, i);
  prospects_.programme[i] = static_cast<std::uint16_t>(marketer);
  // Field time is taken from campaigns: the programme reaches its prospects less often.
  const double campaigns = campaign_multiplier(p_->marketers, marketer);
  const double engagement = engagement_multiplier(fit, pay_.fit_weight);
  prospects_.engagement_multiplier[i] = static_cast<float>(campaigns == 1.0 ? engagement : engagement * campaigns);
  first_threshold = traits.first_threshold;
}

void Simulation::record_period_end(std::int64_t day) {
  recorder_.end_of_period(day, {customers_, open_pipeline_, mean_trust(org_.active_reps, reps_.trust),
                                org_.scoring_noise_sd, org_.content_relevance,
                                static_cast<std::int64_t>(org_.active_reps.size()),
                                framework_share(org_.active_reps, reps_.adopted_framework)});
  record_marketers(static_cast<std::size_t>(reported_day(day) / p_->run.period_days));
}

sim::RunOutput run_model(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate) {
  Simulation simulation(std::move(parameters), replicate);
  return simulation.run();
}

sim::RunOutput run_model_logging_crm(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate,
                                     CrmEventLog& log) {
  Simulation simulation(std::move(parameters), replicate);
  simulation.log_crm_events(log);
  return simulation.run();
}

sim::RunOutput run_model_with_demand_shards(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate,
                                            std::size_t demand_shards) {
  Simulation simulation(std::move(parameters), replicate, nullptr, demand_shards);
  return simulation.run();
}

sim::RunOutput run_model_measured(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate,
                                  RunPhaseCosts& costs) {
  Simulation simulation(std::move(parameters), replicate, &costs);
  return simulation.run();
}

}  // namespace alignsim::model
