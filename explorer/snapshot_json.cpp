#include "explorer/snapshot_json.hpp"

#include <cmath>
#include <cstdio>

#include "experiment/outcome_text.hpp"
#include "explorer/json_text.hpp"

namespace alignsim::explorer {
namespace {

using experiment::format_value;
using experiment::interval_text;

std::string field(const std::string& name, const std::string& json) { return json_string(name) + ":" + json; }

std::string lever_json(const Lever& lever) {
  const sim::ParameterSpec& p = *lever.parameter;
  std::string choices;
  for (const std::string& choice : p.choices) choices += (choices.empty() ? "" : ",") + json_string(choice);
  return "{" + field("key", json_string(p.key)) + "," + field("kind", json_string(sim::kind_name(p.kind))) + "," +
         field("unit", json_string(p.unit)) + "," + field("meaning", json_string(p.meaning)) + "," +
         field("allowed", json_string(sim::allowed_description(p))) + "," + field("low", json_number(lever.low)) + "," +
         field("high", json_number(lever.high)) + "," + field("step", json_number(lever.step)) + "," +
         field("base", json_string(sim::value_to_text(lever.base))) + "," + field("choices", "[" + choices + "]") + "}";
}

// The bar of an effect: a relative change in % for amounts, percentage points for shares
// (the same choice as the terminal's "at a glance" cell).
std::string bar_json(const sim::PairedDifference& paired, const std::string& unit) {
  sim::ConfidenceInterval ci = paired.relative_interval();
  std::string scale = "%";
  if (unit == "1" || !std::isfinite(ci.estimate)) {
    ci = paired.difference_interval();
    scale = unit == "1" ? "pts" : unit;
  }
  const double factor = scale == "%" || scale == "pts" ? 100.0 : 1.0;
  return "{" + field("estimate", json_number(factor * ci.estimate)) + "," + field("low", json_number(factor * ci.low)) +
         "," + field("high", json_number(factor * ci.high)) + "," + field("scale", json_string(scale)) + "}";
}

std::string outcome_json(const experiment::KeyOutcome& k, const sim::MetricSpec& metric,
                         const experiment::VariantStatistics& statistics) {
  const auto base = statistics.mean(0, k.metric), what_if = statistics.mean(1, k.metric);
  const sim::PairedDifference& paired = statistics.paired(1, k.metric);
  const auto diff = paired.difference_interval();
  return "{" + field("label", json_string(k.label)) + "," + field("metric", json_string(metric.name)) + "," +
         field("unit", json_string(metric.unit)) + "," + field("better", json_string(sim::better_name(metric.better))) +
         "," + field("headline_rank", std::to_string(metric.headline_rank)) + "," +
         field("base", json_string(interval_text(base.estimate, base.low, base.high, metric.unit, false))) + "," +
         field("base_level", json_string(format_value(base.estimate, metric.unit))) + "," +
         field("what_if", json_string(interval_text(what_if.estimate, what_if.low, what_if.high, metric.unit, false))) +
         "," + field("difference", json_string(interval_text(diff.estimate, diff.low, diff.high, metric.unit, true))) +
         "," + field("relative", json_string(metric.unit == "1" ? "" : experiment::percent_change(paired.relative_interval()))) +
         "," + field("headline", json_string(experiment::headline_change(paired, metric.unit))) + "," +
         field("bar", bar_json(paired, metric.unit)) + "}";
}

// Six significant digits: the fan is drawn, not read, and the update stays small.
std::string short_number(double value) {
  if (!std::isfinite(value)) return "null";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string bands_json(const std::vector<std::array<double, 5>>& bands) {
  std::string out = "[";
  for (std::size_t p = 0; p < bands.size(); ++p) {
    out += p == 0 ? "[" : ",[";
    for (std::size_t q = 0; q < bands[p].size(); ++q) out += (q == 0 ? "" : ",") + short_number(bands[p][q]);
    out += "]";
  }
  return out + "]";
}

std::string fan_json(const FanBands& fan, const sim::MetricSpec& series, std::uint64_t period_days) {
  std::string unit = series.unit;
  if (const auto per = unit.find("/period"); per != std::string::npos) unit.erase(per);  // cumulative
  std::string quantiles;
  for (const double q : kFanQuantiles) quantiles += (quantiles.empty() ? "" : ",") + short_number(q);
  return "{" + field("label", json_string("cumulative " + series.shown_name())) + "," + field("unit", json_string(unit)) +
         "," + field("period_days", std::to_string(period_days)) + "," + field("quantiles", "[" + quantiles + "]") +
         "," + field("base", bands_json(fan.bands(0))) + "," + field("what_if", bands_json(fan.bands(1))) + "}";
}

}  // namespace

std::string page_setup_json(const experiment::Experiment& served, const std::vector<Lever>& levers,
                            const ProgressPlan& plan) {
  std::string lever_list;
  for (const Lever& lever : levers) lever_list += (lever_list.empty() ? "" : ",") + lever_json(lever);
  return "{" + field("scenario", json_string(served.spec.name)) + "," +
         field("description", json_string(served.spec.description)) + "," +
         field("seed", json_string(std::to_string(served.spec.seed))) + "," +
         field("first_replicates", std::to_string(plan.first_replicates)) + "," +
         field("max_replicates", std::to_string(plan.max_replicates)) + "," + field("levers", "[" + lever_list + "]") +
         "}";
}

std::string progress_json(std::uint64_t generation, const Progress& progress, const sim::OutputLayout& outputs,
                          std::uint64_t period_days) {
  const std::vector<sim::MetricSpec>& metrics = outputs.summary;
  std::string outcomes;
  for (const experiment::KeyOutcome& k : experiment::key_outcomes_of(metrics)) {
    outcomes += (outcomes.empty() ? "" : ",") + outcome_json(k, metrics[k.metric], progress.statistics);
  }
  return "{" + field("generation", std::to_string(generation)) + "," +
         field("replicates", std::to_string(progress.replicates)) + "," +
         field("final", progress.final ? "true" : "false") + "," +
         field("target_met", progress.target_met ? "true" : "false") + "," + field("outcomes", "[" + outcomes + "]") +
         (progress.fan ? "," + field("fan", fan_json(*progress.fan, outputs.series[progress.fan->metric()], period_days))
                       : std::string()) +
         "}";
}

std::string error_json(std::uint64_t generation, const std::string& message) {
  return "{" + field("generation", std::to_string(generation)) + "," + field("error", json_string(message)) + "}";
}

}  // namespace alignsim::explorer
