#pragma once
// Helpers for model tests: parameters from catalog defaults, overridable by key.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::model::testing {

using Override = std::pair<std::string, sim::ParameterValue>;

// A value as a user writes it after --set key=: reals with every digit, so the text
// parses back to the same double.
inline std::string as_setting_text(const sim::ParameterValue& value) {
  if (const auto* real = std::get_if<double>(&value)) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", *real);
    return text;
  }
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* boolean = std::get_if<bool>(&value)) return *boolean ? "true" : "false";
  return std::get<std::string>(value);
}

// Parameters from the catalog defaults with the overrides applied the way a user's
// --set is: through the scenario loader, so a test cannot use a value (an out-of-range
// rate, an unknown key) that a user could not (sim::ScenarioError otherwise).
inline std::shared_ptr<const ModelParameters> parameters_with(const std::vector<Override>& overrides) {
  std::vector<std::string> sets;
  for (const auto& [key, value] : overrides) sets.push_back(key + "=" + as_setting_text(value));
  const sim::ScenarioSpec scenario = sim::load_scenario(sim::LoadRequest{std::nullopt, sets}, model_catalog());
  return std::make_shared<const ModelParameters>(model_parameters_from(scenario.variants.front().resolved));
}

// Whether the mean of paired differences exceeds three standard errors of that mean (a
// one-sided test at about 0.1%): the bar the model tests set for "clearly larger".
inline bool clearly_positive(const std::vector<double>& differences) {
  double sum = 0.0, sum_sq = 0.0;
  for (double d : differences) {
    sum += d;
    sum_sq += d * d;
  }
  const double n = static_cast<double>(differences.size()), mean = sum / n;
  const double se = std::sqrt(std::max(0.0, sum_sq / n - mean * mean) / (n - 1.0));
  return mean > 3.0 * se;
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

// Pearson's correlation of x and y (same length, not constant).
inline double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace alignsim::model::testing
