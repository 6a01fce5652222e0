#include "models/parameter_catalog.hpp"

#include <stdexcept>

#include "models/parameter_binding.hpp"

namespace alignsim::model {
namespace binding {
namespace {

std::vector<Binding> run_and_population_bindings() {
  using M = ModelParameters;
  return {
      integer("run.horizon_days", &RunParameters::horizon_days, &M::run, 520, 1, 26000,
              {"business days", "length of the simulated period (260 business days = 1 year)", "convention"}),
      integer("run.period_days", &RunParameters::period_days, &M::run, 5, 1, 2600,
              {"business days", "length of one reporting period of the time series (5 = a week)", "convention"}),
      integer("run.seed", &RunParameters::seed, &M::run, 20261125, 0, 9.0e15,
              {"", "root seed of all random streams; fixed by default so runs are reproducible", "convention"}),
      integer("run.replicates", &RunParameters::replicates, &M::run, 100, 1, 65536,
              {"runs", "Monte-Carlo replicates per variant (replicate r of every variant shares random streams)",
               "convention"}),
      integer("population.prospects", &PopulationParameters::prospects, &M::population, 20000, 1, 1.0e8,
              {"accounts", "number of prospect accounts in the addressable market", kAssumption}),
      integer("population.reps", &PopulationParameters::reps, &M::population, 20, 1, 100000,
              {"reps", "number of sales reps receiving marketing leads", kAssumption}),
      real("population.fit_shape_a", &PopulationParameters::fit_shape_a, &M::population, 2.0, 0.1, 50,
           {"", "shape a of the Kumaraswamy(a, b) distribution of latent fit phi in [0,1]", kAssumption}),
      real("population.fit_shape_b", &PopulationParameters::fit_shape_b, &M::population, 2.5, 0.1, 50,
           {"", "shape b of the Kumaraswamy(a, b) distribution of latent fit phi in [0,1]", kAssumption}),
      real("population.deal_size_mean_usd", &PopulationParameters::deal_size_mean_usd, &M::population, 25000, 1,
           1.0e9, {"USD", "mean first-year deal size (lognormal)", kAssumption}),
      real("population.deal_size_sigma", &PopulationParameters::deal_size_sigma, &M::population, 1.0, 0, 4,
           {"", "log-scale spread of deal size; key accounts are its large tail", kAssumption}),
      real("population.key_account_min_deal_usd", &PopulationParameters::key_account_min_deal_usd, &M::population,
           100000, 0, 1.0e12, {"USD", "deal size from which an account counts as a key account", "seed 000 bullet 2"}),
      boolean("funnel.recycle_to_nurture", &FunnelParameters::recycle_to_nurture, &M::funnel, true,
              {"", "non-MQL inquiries, ignored and lost leads return to the dormant pool and may engage again",
               "MODEL.md entities"}),
  };
}

std::vector<Binding> demand_and_scoring_bindings() {
  using M = ModelParameters;
  return {
      boolean("demand.enabled", &DemandParameters::enabled, &M::demand, true,
              {"", "M1: dormant prospects engage (make an inquiry); off = no new inquiries", "Bass 1969"}),
      real("demand.innovation_rate", &DemandParameters::innovation_rate, &M::demand, 0.0015, 0, 1,
           {"1/business day", "M1: Bass innovation coefficient p, engagement hazard from marketing alone",
            "Bass 1969; seed 001"}),
      real("demand.imitation_rate", &DemandParameters::imitation_rate, &M::demand, 0.0, 0, 1,
           {"1/business day", "M1: Bass imitation coefficient q, hazard per unit share of adopters",
            "Bass 1969"}),
      choice("demand.word_of_mouth_source", &DemandParameters::word_of_mouth_source, &M::demand, "customers",
             {"customers", "engaged"},
             {"", "M1: who counts as an adopter for word of mouth (engaged = classic Bass on inquiries)",
              "Bass 1969"}),
      real("demand.fit_weight", &DemandParameters::fit_weight, &M::demand, 0.5, 0, 1,
           {"", "M1: hazard multiplier is 1 + w(2 phi - 1): well-fitting accounts engage more often", kAssumption}),
      boolean("scoring.enabled", &ScoringParameters::enabled, &M::scoring, true,
              {"", "M2: inquiries are scored (fit + noise) against a threshold; off = fixed MQL probability",
               "seed 004"}),
      real("scoring.threshold", &ScoringParameters::threshold, &M::scoring, 0.85, -1, 2,
           {"score", "M2: score at or above which an inquiry becomes an MQL", "seed 004"}),
      real("scoring.noise_sd", &ScoringParameters::noise_sd, &M::scoring, 0.25, 0, 5,
           {"score", "M2: standard deviation of scoring error around true fit", kAssumption}),
      real("scoring.fixed_mql_probability", &ScoringParameters::fixed_mql_probability, &M::scoring, 0.22, 0, 1,
           {"", "M2 off: probability an inquiry becomes an MQL", "Aberdeen 2014 (22%)"}),
      choice("routing.policy", &RoutingParameters::policy, &M::routing, "round_robin",
             {"round_robin", "least_loaded", "random"},
             {"", "M3: how MQLs are assigned to reps", "HBR 2011"}),
  };
}

std::vector<Binding> sales_bindings() {
  using M = ModelParameters;
  return {
      boolean("followup.enabled", &FollowUpParameters::enabled, &M::followup, true,
              {"", "M4: rep works a lead with probability rising in trust; off = fixed probability", "seed 000"}),
      real("followup.trust_midpoint", &FollowUpParameters::trust_midpoint, &M::followup, 0.34, 0, 1,
           {"trust", "M4: trust at which a rep works half of marketing leads", kAssumption}),
      real("followup.trust_steepness", &FollowUpParameters::trust_steepness, &M::followup, 10, 0, 100,
           {"1/trust", "M4: logistic steepness of work probability in trust", kAssumption}),
      real("followup.sla_floor", &FollowUpParameters::sla_floor, &M::followup, 0.0, 0, 1,
           {"", "M4: service-level agreement: minimum probability a lead is worked", "seed 000; HBR 2011"}),
      real("followup.fixed_work_probability", &FollowUpParameters::fixed_work_probability, &M::followup, 0.36, 0,
           1, {"", "M4 off: probability an MQL is worked", "Aberdeen 2014 (36%)"}),
      real("followup.courtesy_response_probability", &FollowUpParameters::courtesy_response_probability,
           &M::followup, 0.64, 0, 1,
           {"", "M4: probability an unworked MQL still gets a reply (counted as a response, never pursued)",
            "HBR 2011 (23% never respond) vs Sabnis et al. 2013 (70% never pursued)"}),
      boolean("response.enabled", &ResponseParameters::enabled, &M::response, true,
              {"", "M5: response delay from queue, capacity and trust; off = exponential fixed mean", "HBR 2011"}),
      real("response.rep_hours_per_day", &ResponseParameters::rep_hours_per_day, &M::response, 8, 0.5, 24,
           {"hours/business day", "M5: working hours of a rep", "convention"}),
      real("response.lead_followup_share", &ResponseParameters::lead_followup_share, &M::response, 0.25, 0.001, 1,
           {"", "M5: share of a rep's hours available for first contacts of marketing leads",
            "CSO Insights 2011"}),
      real("response.hours_per_lead", &ResponseParameters::hours_per_lead, &M::response, 0.5, 0.01, 24,
           {"hours", "M5: rep time for one first contact", kAssumption}),
      real("response.prompt_probability_base", &ResponseParameters::prompt_probability_base, &M::response, 0.6,
           0, 1, {"", "M5: probability a lead is answered at once by a rep with zero trust", "HBR 2011"}),
      real("response.prompt_probability_at_full_trust", &ResponseParameters::prompt_probability_at_full_trust,
           &M::response, 1.0, 0, 1,
           {"", "M5: probability a lead is answered at once by a rep with full trust (linear in between)",
            "HBR 2011"}),
      real("response.prompt_mean_hours", &ResponseParameters::prompt_mean_hours, &M::response, 0.1, 0.001, 24,
           {"hours", "M5: mean delay of a prompt answer", "HBR 2011"}),
      real("response.deprioritised_mean_hours", &ResponseParameters::deprioritised_mean_hours, &M::response, 90, 0,
           2000, {"hours", "M5: mean extra wait of a deprioritised lead at zero trust, scaled by (1 - trust)",
                  "HBR 2011 (mean 42 h)"}),
      real("response.deprioritised_sigma", &ResponseParameters::deprioritised_sigma, &M::response, 1.3, 0, 4,
           {"", "M5: log-scale spread of the deprioritised wait (lognormal: a heavy tail of late replies)",
            "HBR 2011 (24% after 24 h, mean 42 h)"}),
      real("response.courtesy_prompt_probability", &ResponseParameters::courtesy_prompt_probability,
           &M::response, 0.1, 0, 1,
           {"", "M5: probability a courtesy reply to an unworked lead is sent at once", "HBR 2011"}),
      real("response.fixed_mean_hours", &ResponseParameters::fixed_mean_hours, &M::response, 24, 0, 2000,
           {"hours", "M5 off: mean of an exponential response delay", kAssumption}),
  };
}

std::vector<Binding> outcome_bindings() {
  using M = ModelParameters;
  return {
      boolean("qualification.enabled", &QualificationParameters::enabled, &M::qualification, true,
              {"", "M6: P(qualify) = p_max * fit * decay(response hours); off = fixed probability",
               "HBR 2011; MIT/InsideSales 2007"}),
      real("qualification.probability_at_full_fit", &QualificationParameters::probability_at_full_fit,
           &M::qualification, 1.0, 0, 1, {"", "M6: qualification probability of a perfect-fit lead answered at once",
                                            kAssumption}),
      real("qualification.decay_time_hours", &QualificationParameters::decay_time_hours, &M::qualification, 0.45,
           0.001, 1000, {"hours", "M6: e-folding time of lead freshness", "HBR 2011 (7x first hour, 60x 24 h)"}),
      real("qualification.decay_floor", &QualificationParameters::decay_floor, &M::qualification, 0.007, 0, 1,
           {"", "M6: freshness left after a long delay", "HBR 2011 (60x at 24 h)"}),
      real("qualification.fixed_probability", &QualificationParameters::fixed_probability, &M::qualification, 0.3,
           0, 1, {"", "M6 off: probability a worked lead qualifies", kAssumption}),
      boolean("close.enabled", &CloseParameters::enabled, &M::close, true,
              {"", "M7: win probability from fit and joint plays; off = fixed probability", "seed 000"}),
      real("close.cycle_mean_days", &CloseParameters::cycle_mean_days, &M::close, 45, 1, 2000,
           {"business days", "M7: mean sales cycle from qualification to decision (lognormal)", kAssumption}),
      real("close.cycle_sigma", &CloseParameters::cycle_sigma, &M::close, 0.5, 0, 3,
           {"", "M7: log-scale spread of the sales cycle", kAssumption}),
      real("close.win_probability_at_full_fit", &CloseParameters::win_probability_at_full_fit, &M::close, 0.95, 0, 1,
           {"", "M7: win probability of a perfect-fit opportunity (scales with fit)", kAssumption}),
      boolean("close.joint_key_account_play", &CloseParameters::joint_key_account_play, &M::close, false,
              {"", "M7: sales and marketing pursue key accounts together", "seed 000 bullet 2"}),
      real("close.joint_play_win_uplift", &CloseParameters::joint_play_win_uplift, &M::close, 0.3, 0, 5,
           {"", "M7: relative rise in win probability of a key account under a joint play (capped at 0.95)",
            kAssumption}),
      real("close.fixed_win_probability", &CloseParameters::fixed_win_probability, &M::close, 0.3, 0, 1,
           {"", "M7 off: probability an opportunity is won", kAssumption}),
      boolean("trust.learning", &TrustParameters::learning, &M::trust, true,
              {"", "M8: reps update trust from outcomes of leads they work; off = trust stays at its start",
               "seeds 000, 002, 003; Denrell & March 2001"}),
      choice("trust.learner", &TrustParameters::learner, &M::trust, "ewma", {"ewma", "beta"},
             {"", "M8: exponentially weighted average, or Beta counts with forgetting", "Denrell & March 2001"}),
      real("trust.initial_mean", &TrustParameters::initial_mean, &M::trust, 0.35, 0, 1,
           {"trust", "M8: mean starting trust of reps in marketing leads (sceptical)", "seed 001"}),
      real("trust.initial_sd", &TrustParameters::initial_sd, &M::trust, 0.1, 0, 0.5,
           {"trust", "M8: spread of starting trust between reps (clamped to [0,1])", kAssumption}),
      real("trust.learning_rate", &TrustParameters::learning_rate, &M::trust, 0.1, 0, 1,
           {"", "M8 ewma: weight alpha of the newest outcome", kAssumption}),
      real("trust.bad_news_weight", &TrustParameters::bad_news_weight, &M::trust, 1.25, 1, 10,
           {"", "M8 ewma: alpha multiplier for a lead that did not qualify (bad news weighs more)",
            "negativity bias; Baumeister et al. 2001"}),
      real("trust.prior_strength", &TrustParameters::prior_strength, &M::trust, 4, 0.01, 1000,
           {"leads", "M8 beta: alpha0 + beta0, pseudo-count of the starting trust", kAssumption}),
      real("trust.staleness_blame", &TrustParameters::staleness_blame, &M::trust, 1.0, 0, 1,
           {"", "M8: how far reps blame marketing for leads that went stale while they waited (1 = judge by "
                "qualification alone, 0 = by fit alone)", kAssumption}),
      real("trust.forgetting", &TrustParameters::forgetting, &M::trust, 0.98, 0, 1,
           {"", "M8 beta: multiplier on past evidence at each new outcome (1 = no forgetting)", kAssumption}),
  };
}

}  // namespace

std::vector<Binding> core_bindings() {
  std::vector<Binding> out;
  for (auto part : {run_and_population_bindings(), demand_and_scoring_bindings(), sales_bindings(),
                    outcome_bindings()}) {
    for (auto& b : part) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace binding

namespace {
const std::vector<binding::Binding>& bindings() {
  static const std::vector<binding::Binding> all = [] {
    auto out = binding::core_bindings();
    for (auto& b : binding::alignment_bindings()) out.push_back(std::move(b));
    return out;
  }();
  return all;
}
}  // namespace

const sim::ParameterCatalog& model_catalog() {
  static const sim::ParameterCatalog catalog = [] {
    std::vector<sim::ParameterSpec> specs;
    for (const auto& b : bindings()) specs.push_back(b.spec);
    return sim::ParameterCatalog(std::move(specs));
  }();
  return catalog;
}

ModelParameters model_parameters_from(const sim::Settings& resolved) {
  ModelParameters p{};
  for (const auto& b : bindings()) {
    const auto it = resolved.find(b.spec.key);
    if (it == resolved.end()) throw std::logic_error("setting not resolved: " + b.spec.key);
    b.assign(p, it->second.value);
  }
  return p;
}

}  // namespace alignsim::model
