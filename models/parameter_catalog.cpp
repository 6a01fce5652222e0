// The sales-marketing model's parameter catalog: run settings, the population and rep
// heterogeneity here; each mechanism's parameters in its file in models/mechanisms/.
#include "models/parameter_catalog.hpp"

#include <stdexcept>

#include "models/mechanisms/mechanism_bindings.hpp"
#include "models/parameter_ranges.hpp"

namespace alignsim::model {
namespace binding {
namespace {

using M = ModelParameters;

std::vector<Binding> run_and_population_bindings() {
  return {
      integer("run.horizon_days", &RunParameters::horizon_days, &M::run, 520, 1, 26000,
              {"business days", "length of the reported period (260 business days = 1 year), after the warm-up",
               "convention"}),
      integer("run.warmup_days", &RunParameters::warmup_days, &M::run, 140, 0, 26000,
              {"business days",
               "days simulated before the reported horizon and left out of every output, so a run starts from the "
               "scenario's own going concern (pipeline, customers, trust, budget); the default's rule is in "
               "docs/model.md section 5",
               "docs/model.md section 5"}),
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

// Rep heterogeneity (the turnover rate belongs to turnover.hpp).
std::vector<Binding> rep_bindings() {
  return {
      real("reps.experience_mean_years", &RepParameters::experience_mean_years, &M::reps, 3.0, 0, 40,
           {"years", "mean sales experience of the starting reps (lognormal)", kAssumption}),
      real("reps.experience_sigma", &RepParameters::experience_sigma, &M::reps, 0.6, 0, 3,
           {"", "log-scale spread of rep experience", kAssumption}),
      real("reps.ramp_up_years", &RepParameters::ramp_up_years, &M::reps, 0.5, 0.01, 10,
           {"years", "e-folding time of a new rep's win-rate penalty", kAssumption}),
      real("reps.new_rep_win_penalty", &RepParameters::new_rep_win_penalty, &M::reps, 0.4, 0, 1,
           {"", "relative win-probability loss of a rep with no experience", kAssumption}),
      real("reps.capacity_sigma", &RepParameters::capacity_sigma, &M::reps, 0.25, 0, 2,
           {"", "log-scale spread of lead-handling capacity between reps (mean 1)", kAssumption}),
      real("reps.admin_share", &RepParameters::admin_share, &M::reps, 0.35, 0, 0.9,
           {"", "share of rep hours on administration, meetings and other non-selling work",
            "CSO Insights 2011 (41% selling, 24% lead generation, rest other)"}),
  };
}

// In the order of docs/model.md, so `alignsim params` and docs/parameters.md read like it.
std::vector<Binding> all_bindings() {
  std::vector<Binding> out;
  for (auto part : {run_and_population_bindings(), rep_bindings(), demand_bindings(), scoring_bindings(),
                    routing_bindings(), followup_bindings(), response_bindings(), qualification_bindings(),
                    close_bindings(), trust_bindings(), prospecting_bindings(), feedback_bindings(),
                    content_bindings(), incentives_bindings(), syncs_bindings(), turnover_bindings(),
                    budget_bindings(), churn_bindings(), enablement_bindings(), marketers_bindings()}) {
    for (auto& b : part) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace
}  // namespace binding

namespace {
const std::vector<binding::Binding>& bindings() {
  static const std::vector<binding::Binding> all = binding::all_bindings();
  return all;
}
}  // namespace

const sim::ParameterCatalog& model_catalog() {
  static const sim::ParameterCatalog catalog = [] {
    std::vector<sim::ParameterSpec> specs;
    for (const auto& b : bindings()) specs.push_back(b.spec);
    attach_plausible_ranges(specs);
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
