#pragma once
// One run of the sales-marketing model: a replicate of one variant.
//
// Simulation owns the agents' state and the day's schedule; the rules of each mechanism
// live in its file in models/mechanisms/ (named below), which the schedule calls.
// Process order within a business day (tick); docs/model.md explains each step:
//   1. budget and content set today's demand conditions; each programme spends its
//      share of the budget (adstocked).
//   2. demand: the engagement clock advances (one per programme when programmes respond
//      to their own spend); engaged prospects make inquiries.
//   3. scoring (noise from feedback, threshold from incentives): MQL or back to nurture.
//   4. routing in order of arrival hour; followup decision; response delay.
//   5. First contacts due today: qualification, trust learning, feedback.
//   6. Rep workday: time use, own leads (prospecting), hoarding.
//   7. Decisions due today: close, win or loss (experience, enablement, content).
//   8. churn of customers.
//   9. Reps: turnover with onboarding, budget-driven hiring, enablement adoption,
//      syncs on sync days.
//  10. Stocks recorded at the end of each period.
// A warm-up of run.warmup_days runs this schedule before the reported horizon; days are
// numbered from its start (random keys, calendars), and the recorder ignores it.
#include <cstdint>
#include <memory>

#include "models/agents.hpp"
#include "models/crm_event_log.hpp"
#include "models/demand_shards.hpp"
#include "models/engagement_clock.hpp"
#include "models/marketer_series.hpp"
#include "models/mechanisms/incentives.hpp"
#include "models/run_recorder.hpp"
#include "models/model_parameters.hpp"
#include "models/random_purposes.hpp"
#include "models/rep_ledger.hpp"
#include "models/run_phase_costs.hpp"
#include "sim/random/random.hpp"

namespace alignsim::model {

class ProspectTraitDraw;

// Not thread-safe; each run owns one. Different runs may execute concurrently.
class Simulation {
 public:
  // `costs`: where to add the run's time by phase (the benchmark), or none.
  // `demand_shards`: how many shards to split the demand clock into; 0 (the model's
  // choice) takes demand_shard_count of the market's size. Any count gives the same
  // results (tested); the choice only changes how much of a run is parallel.
  Simulation(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate,
             RunPhaseCosts* costs = nullptr, std::size_t demand_shards = 0);

  // Runs the whole horizon once. Throws alignsim::RunError if a numerical guard trips.
  [[nodiscard]] sim::RunOutput run();

  // Before run(): record what a CRM would have of this run into `log` (the synthetic
  // CRM export); the run's draws and outputs do not change.
  void log_crm_events(CrmEventLog& log);

  // Each marketer at the end of a run (after run()): what the per-marketer output and
  // the tests of reps' trust in marketers and of adaptation read.
  struct MarketerEnd {
    double bar = 0.0;
    double mqls = 0.0, worked = 0.0, bookings_usd = 0.0;
    double mean_rep_trust = 0.0;  // active reps' trust in this marketer's leads
    double content_relevance = 0.0;
    double inquiries = 0.0;     // its programme's, over the reported horizon
    double spend_usd = 0.0;     // of the marketing budget, over the reported horizon
    double budget_share = 0.0;  // of the marketing budget at the end
  };
  [[nodiscard]] std::vector<MarketerEnd> marketers_at_end() const;

 private:
  struct Lead {
    std::uint32_t prospect;
    double arrival_hour;  // hour of the day the inquiry arrived, [0, 24)
  };

  // simulation.cpp: set-up, the day loop, recording.
  void populate();
  // Draws prospect i's fit, deal size and first engagement threshold; thread-safe for
  // distinct i (writes only element i).
  void draw_prospect(const ProspectTraitDraw& draw, std::uint32_t i, double& first_threshold);
  void simulate_day(std::int64_t day);
  // The warm-up ends: the recorders count from `day` on.
  void start_reporting(std::int64_t day);
  // Simulated day -> day of the reported horizon (negative in the warm-up). Dated events
  // of a scenario (syncs' calendar, the enablement meeting) count reported days.
  [[nodiscard]] std::int64_t reported_day(std::int64_t day) const;
  void record_period_end(std::int64_t day);

  // simulation_demand.cpp: demand (the engagement clocks, split into shards for a large
  // market: demand_shards.hpp), inquiries and their scoring.
  void set_up_demand_clocks(const std::vector<double>& first_threshold);
  void engage_prospects(std::int64_t day);
  // The shared clock's dues, merged from its shards in one clock's order, into due_today_.
  void advance_demand_shards(double hazard);
  // Several clocks' dues in timed_due_today_ (shards, or programmes' clocks) into
  // due_today_ in one clock's order.
  void merge_timed_dues();
  // The demand step shard by shard, in parallel: the serial step's outcome, bit for bit.
  void engage_in_shards(std::int64_t day, double hazard);
  // One shard's part; thread-safe across distinct shards.
  void engage_shard(double hazard, std::size_t shard);
  struct InquiryStart {
    bool taken = false;  // false: a stale entry (the prospect left the pool meanwhile)
    bool first_engagement = false;
    bool mql = false;
    double hour = 0.0;  // of arrival, [0, 24)
  };
  // A due entry becomes an inquiry unless stale: the prospect's episode and stage move
  // on and its scoring draw decides MQL or not. Writes only that prospect's columns, so
  // it is thread-safe for distinct prospects. Throws alignsim::RunError past 65,535 leads.
  [[nodiscard]] InquiryStart start_inquiry(const EngagementClock::Due& due);
  // Counts the day's MQL (in the order of the dues: syncs sum lead quality over them).
  void admit_mql(std::int64_t day, std::uint32_t prospect, double hour);
  [[nodiscard]] std::size_t demand_shard_of(std::uint32_t prospect) const {
    return prospect >> demand_shard_shift_;  // a shift, not a division: every return to nurture asks
  }

  // simulation_funnel.cpp: routing, follow-up, response, qualification, close and trust
  // learning.
  void route_and_decide(std::int64_t day);
  void make_contacts(std::int64_t day);
  void decide_opportunities(std::int64_t day);
  // Today's hazard of an account of multiplier 1 under `budget_factor` (the budget's,
  // or one programme's response to its spend). Throws alignsim::RunError if the hazard
  // runs away (models/mechanisms/demand.hpp).
  [[nodiscard]] double daily_engagement_hazard(std::int64_t day, double budget_factor) const;
  // The clock on which a dormant prospect waits: its programme's when programmes respond
  // to their own spend, else the one shared clock.
  [[nodiscard]] EngagementClock& demand_clock_of(std::uint32_t prospect);
  // `uniform`: the inquiry's scoring draw (its noise, or the fixed MQL chance).
  [[nodiscard]] bool becomes_mql(std::uint32_t prospect, double uniform) const;
  [[nodiscard]] std::uint32_t route(std::uint32_t prospect);
  void decide_lead(std::int64_t day, const Lead& lead, std::uint32_t rep);
  void open_opportunity(std::int64_t day, std::uint32_t prospect);
  [[nodiscard]] bool is_key_account(std::uint32_t prospect) const;
  [[nodiscard]] double win_probability_of(std::uint32_t prospect, bool key_account, std::int64_t day) const;
  void return_to_nurture(std::uint32_t prospect);
  [[nodiscard]] sim::DrawKey lead_key(std::uint32_t prospect, Purpose purpose, std::uint32_t index = 0) const;

  // simulation_response.cpp: the reps' queues of first responses (response delay).
  void respond(std::uint32_t rep, ResponseTask task);
  // The rep's triage: urgent (ready at once, ahead of set-aside work) or set aside for a
  // while that is the longer the less it trusts marketing's leads.
  void triage(std::uint32_t rep, ResponseTask& task) const;
  // Starts, in priority order, every task of `rep` whose turn comes before `before_hours`.
  void serve_queue(std::uint32_t rep, double before_hours);
  void serve_queues_to_end_of_day(std::int64_t day);
  // False (and nothing changes) if the task does not fit in what is left of the rep's
  // budget for first responses today.
  [[nodiscard]] bool start_task(std::uint32_t rep, const ResponseTask& task, double start_hours);
  void answer(std::uint32_t rep, const ResponseTask& task, double delay_hours);
  [[nodiscard]] sim::DrawKey task_key(const ResponseTask& task, Purpose purpose) const;

  // simulation_marketers.cpp: the marketers (models/mechanisms/marketers.hpp).
  void set_up_marketers();
  // Each programme spends its share of today's budget (counted; adstocked).
  void spend_programme_budgets();
  // Each programme's clock advances by the hazard times its response to its adstocked
  // spend; the dues of all are merged in one clock's order into due_today_.
  void advance_programme_clocks(std::int64_t day);
  // At a review: each marketer's bar toward higher pay (marketers.adaptation), and the
  // budget rule (marketers.budget_rule).
  void review_bars();
  void review_budget_shares();
  [[nodiscard]] std::uint32_t marketer_of(std::uint32_t prospect) const { return prospects_.programme[prospect]; }
  // The trust rep `rep` puts in a lead from `marketer` (pooled with marketing as a whole).
  [[nodiscard]] double trust_in(std::uint32_t rep, std::uint32_t marketer) const;
  [[nodiscard]] double content_relevance_of(std::uint32_t marketer) const;
  [[nodiscard]] double qualification_lift_of(std::uint32_t marketer) const;
  void note_marketer_mql(std::uint32_t prospect);
  // The rep's verdict on a lead it worked, learned for marketing and for the lead's marketer.
  void learn_from_lead(std::uint32_t rep, std::uint32_t prospect, bool judged_good);
  void field_and_review_day(std::int64_t day);
  void share_at_sync_per_marketer();
  // Each marketer's period (marketer_series.hpp) at the end of reporting period `period`.
  void record_marketers(std::size_t period);
  void start_marketer_trust(std::uint32_t rep);

  // simulation_reps.cpp: rep workday and own prospecting, turnover and onboarding,
  // budget-driven hiring, enablement adoption.
  std::uint32_t hire_rep(std::int64_t day, bool initial_cohort);
  void rep_workdays(std::int64_t day);
  void find_own_leads(std::int64_t day, std::uint32_t rep, double prospecting_hours);
  void log_own_lead(std::int64_t day, std::uint32_t rep, std::uint32_t prospect, std::uint32_t nth);
  void leave_and_replace(std::int64_t day);  // turnover: each active rep may leave, replaced at once
  void turnover_and_hiring(std::int64_t day);
  void adopt_framework(std::int64_t day);
  [[nodiscard]] double experience_years(std::uint32_t rep, std::int64_t day) const;
  [[nodiscard]] RepAtEnd rep_at_end(std::uint32_t rep) const;  // the rep's row of /agents/reps
  [[nodiscard]] sim::DrawKey rep_key(std::uint32_t rep, std::int64_t day, Purpose purpose,
                                     std::uint32_t index = 0) const;

  // simulation_organisation.cpp: feedback, content, syncs, budget, churn.
  void update_budget_and_content(std::int64_t day);
  void report_feedback(std::uint32_t prospect);
  void hold_sync();
  void churn_customers(std::int64_t day);
  void become_customer(std::uint32_t prospect);
  // Lift from content relevance gained since the start (`effect`: engagement or qualification).
  [[nodiscard]] double content_lift_today(double effect) const;

  std::shared_ptr<const ModelParameters> p_;
  RunPhaseCosts* costs_;  // null unless measured
  CrmEventLog* crm_ = nullptr;  // null unless exporting a synthetic CRM
  IncentiveRules pay_;  // how incentives bend scoring, follow-up, demand and syncs; fixed per run
  sim::RandomStreams random_;
  Prospects prospects_;
  Reps reps_;
  Marketers marketers_;
  MarketerSeries marketer_series_;
  Organisation org_;
  // The shared demand clock, one per shard of consecutive prospects (demand_shards.hpp).
  std::vector<EngagementClock> demand_shards_;
  std::size_t requested_demand_shards_;
  int demand_shard_shift_ = 0;  // a shard holds 2^shift consecutive prospects
  std::vector<ShardInquiries> shard_inquiries_;
  std::vector<ShardMql> merged_mqls_;
  // With programmes_respond_to_own_spend: one demand clock per programme instead.
  bool clock_per_programme_ = false;
  std::vector<EngagementClock> programme_clocks_;
  std::vector<EngagementClock::TimedDue> timed_due_today_;
  EngagementClock churn_clock_;
  RunRecorder recorder_;
  RepLedger ledger_;  // per-rep and per-response-bucket outputs (/agents)

  std::vector<std::vector<std::uint32_t>> contacts_by_day_;  // event calendars
  std::vector<std::vector<std::uint32_t>> decisions_by_day_;
  std::vector<EngagementClock::Due> due_today_;
  std::vector<Lead> mqls_today_;

  std::int64_t ever_engaged_ = 0;
  std::int64_t customers_ = 0;
  std::int64_t open_pipeline_ = 0;
  std::uint32_t next_round_robin_ = 0;
};

// Convenience for the runner: builds and runs one simulation.
[[nodiscard]] sim::RunOutput run_model(std::shared_ptr<const ModelParameters> parameters, std::uint32_t replicate);
// The same run, recording what a CRM would have of it into `log` (the synthetic CRM).
[[nodiscard]] sim::RunOutput run_model_logging_crm(std::shared_ptr<const ModelParameters> parameters,
                                                   std::uint32_t replicate, CrmEventLog& log);
// The same run with the demand clock split into `demand_shards` (the tests of sharding).
[[nodiscard]] sim::RunOutput run_model_with_demand_shards(std::shared_ptr<const ModelParameters> parameters,
                                                          std::uint32_t replicate, std::size_t demand_shards);
// The same run, adding its time by phase to `costs` (the benchmark's costs per event).
[[nodiscard]] sim::RunOutput run_model_measured(std::shared_ptr<const ModelParameters> parameters,
                                                std::uint32_t replicate, RunPhaseCosts& costs);

}  // namespace alignsim::model
