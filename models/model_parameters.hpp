#pragma once
// The sales-marketing model's parameters as plain immutable data. Values are filled
// from the parameter catalog (parameter_catalog.cpp), which owns every default, unit,
// range and source; nothing here has a default of its own.
#include <cstdint>

namespace alignsim::model {

// Choice parameters are enums whose order is the catalog's list of words
// (parameter_catalog.cpp), so the simulation compares integers, not strings.
enum class WordOfMouthSource { customers, engaged };
enum class RoutingPolicy { round_robin, least_loaded, random };
enum class TrustLearner { ewma, beta };
enum class BudgetResponse { elasticity, hill };
enum class BudgetRule { fixed, toward_mqls, toward_bookings };

struct RunParameters {
  std::int64_t horizon_days;  // business days reported (after the warm-up)
  std::int64_t warmup_days;   // business days simulated before the reported horizon, not reported
  std::int64_t period_days;   // business days per reporting period
  std::uint64_t seed;
  std::int64_t replicates;
};

// Business days a run simulates: the warm-up, then the reported horizon. Simulated days
// are numbered from 0 at the start of the warm-up (random keys and event calendars use
// these absolute indices); reported day d is simulated day warmup_days + d.
[[nodiscard]] constexpr std::int64_t simulated_days(const RunParameters& r) noexcept {
  return r.warmup_days + r.horizon_days;
}

struct PopulationParameters {
  std::int64_t prospects;
  std::int64_t reps;
  double fit_shape_a;             // Kumaraswamy(a, b) distribution of latent fit
  double fit_shape_b;
  double deal_size_mean_usd;      // lognormal deal size
  double deal_size_sigma;
  double key_account_min_deal_usd;
};

struct FunnelParameters {
  bool recycle_to_nurture;  // non-MQLs, ignored and lost leads return to the dormant pool
};

struct DemandParameters {  // models/mechanisms/demand.cpp
  bool enabled;
  double innovation_rate;  // p, 1/business day
  double imitation_rate;   // q, 1/business day
  WordOfMouthSource word_of_mouth_source;
  double fit_weight;       // how much engagement hazard rises with fit
};

struct ScoringParameters {  // models/mechanisms/scoring.cpp
  bool enabled;
  double threshold;
  double noise_sd;
  double fixed_mql_probability;  // used when disabled
};

struct RoutingParameters {  // models/mechanisms/routing.cpp
  RoutingPolicy policy;
};

struct FollowUpParameters {  // models/mechanisms/followup.cpp
  bool enabled;
  double trust_midpoint;
  double trust_steepness;
  double sla_floor;
  double experience_effect;      // logit per year of the rep's experience
  double load_effect;            // logit fall per lead already waiting for the rep
  double fixed_work_probability;  // used when disabled
  double courtesy_response_probability;  // an unworked lead still gets a reply, never pursued
};

struct ResponseParameters {  // models/mechanisms/response.cpp
  bool enabled;
  double rep_hours_per_day;
  double lead_followup_share;    // share of a rep's day available for marketing leads
  double hours_per_lead;         // rep time for a first contact of a pursued lead
  double courtesy_reply_hours;   // rep time for a courtesy reply to a lead it will not pursue
  double prompt_probability_base;  // triage: a pursued lead is urgent, at zero trust
  double prompt_probability_at_full_trust;
  double prompt_mean_hours;      // time a free rep takes to see a task and answer
  double deprioritised_mean_hours;  // set-aside time of a non-urgent task, scaled by (1 - trust)
  double deprioritised_sigma;       // lognormal log-sd of that time (heavy tail)
  double courtesy_prompt_probability;  // a courtesy reply is urgent
  double max_wait_days;          // a lead waiting longer for its first reply is dropped
  double fixed_mean_hours;          // used when disabled: exponential delay
};

struct QualificationParameters {  // models/mechanisms/qualification.cpp
  bool enabled;
  double probability_at_full_fit;
  double decay_time_hours;
  double decay_floor;
  double fixed_probability;  // used when disabled
};

struct CloseParameters {  // models/mechanisms/close.cpp
  bool enabled;
  double cycle_mean_days;
  double cycle_sigma;
  double win_probability_at_full_fit;
  bool joint_key_account_play;
  double joint_play_win_uplift;
  double fixed_win_probability;  // used when disabled
};

struct TrustParameters {  // models/mechanisms/trust.cpp
  bool learning;
  TrustLearner learner;
  double initial_mean;
  double initial_sd;
  double learning_rate;      // EWMA alpha
  double bad_news_weight;    // EWMA: alpha multiplier for a lead that did not qualify
  double prior_strength;     // Beta: alpha0 + beta0
  double forgetting;         // Beta: multiplier on past evidence per outcome (1 = none)
  double staleness_blame;    // 0: reps judge a lead by its fit alone; 1: by whether it qualified
};

struct RepParameters {  // heterogeneity; the turnover rate is used in models/mechanisms/turnover.cpp
  double experience_mean_years;
  double experience_sigma;       // lognormal log-sd of experience at start
  double ramp_up_years;          // e-folding time of the new-rep win penalty
  double new_rep_win_penalty;    // relative win-probability loss of a rep with no experience
  double capacity_sigma;         // lognormal log-sd of lead-handling capacity between reps
  double admin_share;            // share of hours on administration and other non-selling work
  double annual_turnover;        // share of reps leaving per year (replaced by new hires)
};

struct ProspectingParameters {  // models/mechanisms/prospecting.cpp
  bool enabled;
  double base_share;             // share of free hours spent prospecting at full trust
  double distrust_share;         // extra share at zero trust
  double leads_per_hour;         // own leads found per prospecting hour
  double own_lead_qualify_probability;  // at full fit
  double hoarding_share;         // share of own leads hidden from marketing
};

struct FeedbackParameters {  // models/mechanisms/feedback.cpp
  bool enabled;
  double report_probability;     // a rejected or bad lead is reported with a reason
  double noise_reduction_per_report;
  double minimum_noise_sd;
};

struct ContentParameters {  // models/mechanisms/content.cpp
  bool sales_input;
  double initial_relevance;
  double max_relevance;
  double input_rate;             // per business day, toward max_relevance
  double engagement_effect;
  double qualification_effect;
  double own_content_share_at_zero_relevance;  // reps' off-message content
  double hoarded_win_penalty;    // hoarded deals sell with reps' own content
};

struct IncentiveParameters {  // models/mechanisms/incentives.cpp
  double marketing_mql_weight;   // 1 = marketing paid on MQL volume, 0 = on bookings
  double bookings_pay_threshold_raise; // how far bookings pay raises the scoring bar
  double bookings_pay_targeting; // how far bookings pay shifts demand generation toward well-fitting accounts
  bool shared_pool;              // joint awards and a shared incentive pool
  double shared_pool_followup_shift;
  double shared_pool_sync_boost;
};

struct SyncParameters {  // models/mechanisms/syncs.cpp
  bool enabled;
  std::int64_t interval_days;
  double shared_data_weight;     // pull of shared lead-outcome data on each rep's trust
  bool admit_mistakes;
  double admitted_bad_news_weight;
  double team_averaging;         // weight of the team mean in each rep's trust
};

struct OnboardingParameters {  // models/mechanisms/turnover.cpp
  bool enabled;
  double new_rep_trust;          // calibrated prior of new reps when onboarding teaches the other team
};

struct BudgetParameters {  // models/mechanisms/budget.cpp
  bool follows_revenue;
  double initial_marketing_usd_per_day;
  double marketing_fraction;     // of trailing bookings
  double trailing_days;          // smoothing time of trailing bookings
  double demand_elasticity;      // engagement hazard ~ (budget / initial)^elasticity
  BudgetResponse response;       // how a programme's inquiries respond to its spend
  double hill_half_saturation_usd_per_day;  // hill: adstocked spend at half the maximum response
  double hill_shape;             // hill: slope s of x^s / (x^s + K^s)
  double adstock_retention;      // share of yesterday's adstock carried into today
  bool headcount_follows_bookings;
  double sales_fraction;         // of trailing bookings spent on reps
  double rep_cost_usd_per_day;
  double hiring_delay_days;
  std::int64_t max_reps;
};

struct ChurnParameters {  // models/mechanisms/churn.cpp
  bool enabled;
  double annual_rate;
  double fit_protection;
  double consistency_effect;
};

struct EnablementParameters {  // models/mechanisms/enablement.cpp
  bool enabled;
  std::int64_t meeting_day;
  double meeting_adoption;       // adoption probability at the meeting for a rep with trust 0.5
  double peer_rate;              // daily adoption hazard when all peers use it, at trust 0.5
  double win_uplift;
  double cycle_reduction;
};

struct MarketerParameters {  // models/mechanisms/marketers.cpp
  std::int64_t count;
  double bar_spread;             // range of starting bars around the bar in force
  double relevance_spread;       // range of content relevance around marketing's
  double trust_pooling;          // 1: reps judge leads by marketing as a whole
  std::int64_t admitting_count;  // the first k admit mistakes at syncs
  std::int64_t field_count;      // the first k spend field_share in the field
  double field_share;
  double field_trust_rate;       // per business day at full field time
  double field_relevance_rate;
  bool adaptation;               // bars move toward higher pay
  std::int64_t review_days;
  double bar_step;
  double bar_floor;
  double bar_ceiling;
  double usd_per_mql;
  double bookings_commission;
  double pool_weight;            // shared pool: weight of all bookings in bookings pay
  double budget_spread;          // range of starting budget shares around equal
  BudgetRule budget_rule;        // how budget moves between programmes at reviews
  double budget_step;            // share of the budget moved at a review
};

struct ModelParameters {
  RunParameters run;
  PopulationParameters population;
  FunnelParameters funnel;
  DemandParameters demand;
  ScoringParameters scoring;
  RoutingParameters routing;
  FollowUpParameters followup;
  ResponseParameters response;
  QualificationParameters qualification;
  CloseParameters close;
  TrustParameters trust;
  RepParameters reps;
  ProspectingParameters prospecting;
  FeedbackParameters feedback;
  ContentParameters content;
  IncentiveParameters incentives;
  SyncParameters syncs;
  OnboardingParameters onboarding;
  BudgetParameters budget;
  ChurnParameters churn;
  EnablementParameters enablement;
  MarketerParameters marketers;
};

}  // namespace alignsim::model
