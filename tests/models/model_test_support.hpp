#pragma once
// Helpers for model tests: parameters from catalog defaults, overridable by key.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"

namespace alignsim::model::testing {

using Override = std::pair<std::string, sim::ParameterValue>;

inline std::shared_ptr<const ModelParameters> parameters_with(const std::vector<Override>& overrides) {
  sim::Settings settings;
  for (const auto& spec : model_catalog().all()) settings[spec.key] = {spec.default_value, {"<defaults>", 0, 0}};
  for (const auto& [key, value] : overrides) {
    if (model_catalog().find(key) == nullptr) throw std::logic_error("test uses unknown key " + key);
    settings[key].value = value;
  }
  return std::make_shared<const ModelParameters>(model_parameters_from(settings));
}

inline double summary(const sim::RunOutput& out, Summary metric) {
  return out.summary[static_cast<std::size_t>(metric)];
}

inline double series(const sim::RunOutput& out, const ModelParameters& p, Series metric, std::size_t period) {
  return out.series[static_cast<std::size_t>(metric) * sim::reporting_periods(p.run.horizon_days, p.run.period_days) + period];
}

// Every adaptive mechanism off: each stage a fixed-probability coin, no reps'
// own prospecting, no courtesy replies, no churn, constant budget and team.
inline std::vector<Override> fixed_rate_funnel() {
  return {{"scoring.enabled", false},
          {"followup.enabled", false},
          {"followup.courtesy_response_probability", 0.0},
          {"response.enabled", false},
          {"qualification.enabled", false},
          {"close.enabled", false},
          {"trust.learning", false},
          {"demand.fit_weight", 0.0},
          {"demand.imitation_rate", 0.0},
          {"prospecting.enabled", false},
          {"churn.enabled", false},
          {"budget.follows_revenue", false},
          {"reps.annual_turnover", 0.0}};
}

}  // namespace alignsim::model::testing
