#include "experiment/comparison.hpp"

#include <memory>

#include "experiment/run_table.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::experiment {
namespace {

const std::vector<std::string>& run_keys() {
  static const std::vector<std::string> keys{"run.horizon_days", "run.warmup_days", "run.period_days", "run.seed",
                                             "run.replicates"};
  return keys;
}

}  // namespace

void require_same_run_settings(const std::vector<Experiment>& scenarios) {
  const sim::Settings& first = scenarios.front().spec.variants.front().resolved;
  for (std::size_t i = 1; i < scenarios.size(); ++i) {
    if (scenarios[i].model != scenarios.front().model) {
      throw ScenarioError(sim::detail::format_scenario_error({scenarios[i].spec.source_file, 0, 0}, "model",
                                                             "uses another model than " + scenarios.front().spec.source_file,
                                                             "compared scenarios must use the same model"));
    }
    const sim::Settings& other = scenarios[i].spec.variants.front().resolved;
    for (const std::string& key : run_keys()) {
      if (!first.contains(key)) continue;  // a model without this run setting (same model: neither has it)
      if (sim::get_integer(other, key) == sim::get_integer(first, key)) continue;
      const auto& setting = other.at(key);
      const sim::SourceLocation where = setting.where.line > 0 ? setting.where
                                                                : sim::SourceLocation{scenarios[i].spec.source_file, 0, 0};
      throw ScenarioError(sim::detail::format_scenario_error(
          where, key,
          sim::value_to_text(setting.value) + " differs from " + sim::value_to_text(first.at(key).value) + " in " +
              scenarios.front().spec.source_file,
          "compared scenarios must share every run.* setting"));
    }
  }
}

void attach_comparison_ensemble(std::vector<Experiment>& scenarios, const std::string& path) {
  const sim::Settings first = scenarios.front().spec.variants.front().resolved;
  for (Experiment& scenario : scenarios) {
    attach_ensemble(scenario, path);
    sim::VariantSpec& base = scenario.spec.variants.front();
    for (const std::string& key : scenario.ensemble->keys) {
      const auto own = base.resolved.find(key);
      const auto reference = first.find(key);
      if (own != base.resolved.end() && reference != first.end() && !(own->second.value == reference->second.value)) {
        base.overrides.insert_or_assign(key, own->second);
      }
    }
  }
}

ComparisonResults run_comparison(const std::vector<Experiment>& scenarios, const sim::RunnerOptions& runner) {
  const Experiment& first = scenarios.front();
  const sim::OutputLayout& outputs = first.model->outputs();
  const auto replicates = static_cast<std::size_t>(first.spec.replicates);
  const std::size_t periods = sim::reporting_periods(first.spec.horizon_days, first.spec.period_days);
  std::vector<std::unique_ptr<const RunTable>> runs;
  for (const Experiment& scenario : scenarios) runs.push_back(std::make_unique<const RunTable>(scenario));
  ComparisonResults out{VariantStatistics(scenarios.size(), outputs.summary), {}, std::nullopt};
  if (first.ensemble) out.ensemble_effects.emplace(scenarios.size(), outputs.summary.size(), *first.ensemble);
  const RoundsPlan plan{scenarios.size(), replicates, outputs.summary.size(), outputs.series.size() * periods, {}, {}};
  out.rounds = run_in_rounds(
      plan,
      // Entry 0 is the base variant; over an ensemble RunTable runs replicate r at member r mod M.
      [&](std::size_t s, std::size_t replicate) { return runs[s]->run(0, replicate); },
      [&](std::size_t s, std::size_t replicate, sim::RunOutput&& run) {
        out.statistics.add(s, replicate, run);
        if (out.ensemble_effects) out.ensemble_effects->add(s, replicate, run);
      },
      runner);
  return out;
}

}  // namespace alignsim::experiment
