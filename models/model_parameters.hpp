#pragma once
// The sales-marketing model's parameters as plain immutable data. Values are filled
// from the parameter catalog (parameter_catalog.cpp), which owns every default, unit,
// range and source; nothing here has a default of its own.
#include <cstdint>
#include <string>

namespace alignsim::model {

struct RunParameters {
  std::int64_t horizon_days;  // business days simulated
  std::int64_t period_days;   // business days per reporting period
  std::uint64_t seed;
  std::int64_t replicates;
};

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

struct DemandParameters {  // M1
  bool enabled;
  double innovation_rate;  // p, 1/business day
  double imitation_rate;   // q, 1/business day
  std::string word_of_mouth_source;  // "customers" or "engaged"
  double fit_weight;       // how much engagement hazard rises with fit
};

struct ScoringParameters {  // M2
  bool enabled;
  double threshold;
  double noise_sd;
  double fixed_mql_probability;  // used when disabled
};

struct RoutingParameters {  // M3
  std::string policy;  // round_robin, least_loaded, random
};

struct FollowUpParameters {  // M4
  bool enabled;
  double trust_midpoint;
  double trust_steepness;
  double sla_floor;
  double fixed_work_probability;  // used when disabled
};

struct ResponseParameters {  // M5
  bool enabled;
  double rep_hours_per_day;
  double lead_followup_share;    // share of a rep's day available for marketing leads
  double hours_per_lead;         // rep time for a first contact
  double prompt_probability_at_full_trust;
  double prompt_mean_hours;
  double deprioritised_mean_hours;  // extra wait of a low-trust lead, scaled by (1 - trust)
  double fixed_mean_hours;          // used when disabled: exponential delay
};

struct QualificationParameters {  // M6
  bool enabled;
  double probability_at_full_fit;
  double decay_time_hours;
  double decay_floor;
  double fixed_probability;  // used when disabled
};

struct CloseParameters {  // M7
  bool enabled;
  double cycle_mean_days;
  double cycle_sigma;
  double win_probability_at_full_fit;
  bool joint_key_account_play;
  double joint_play_win_uplift;
  double fixed_win_probability;  // used when disabled
};

struct TrustParameters {  // M8
  bool learning;
  std::string learner;  // "ewma" or "beta"
  double initial_mean;
  double initial_sd;
  double learning_rate;      // EWMA alpha
  double bad_news_weight;    // EWMA: alpha multiplier for a lead that did not qualify
  double prior_strength;     // Beta: alpha0 + beta0
  double forgetting;         // Beta: multiplier on past evidence per outcome (1 = none)
  double staleness_blame;    // 0: reps judge a lead by its fit alone; 1: by whether it qualified
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
};

}  // namespace alignsim::model
