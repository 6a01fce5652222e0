#include "explorer/levers.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace alignsim::explorer {
namespace {

bool is_number(const sim::ParameterSpec& spec) {
  return spec.kind == sim::ValueKind::real || spec.kind == sim::ValueKind::integer;
}

// The largest 1, 2 or 5 times a power of ten not above `raw`: slider values stay short
// decimals ("0.35", not "0.35000000000000003"), which is also what a saved scenario shows.
double round_step(double raw) {
  if (!(raw > 0)) return 1.0;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double multiple : {5.0, 2.0}) {
    if (multiple * power <= raw) return multiple * power;
  }
  return power;
}

bool is_run_setting(const std::string& key) { return key.rfind("run.", 0) == 0; }

Lever lever_for(const experiment::Experiment& experiment, const std::string& key, const sim::LeverSpec* spec) {
  const sim::ParameterSpec* parameter = experiment.model->catalog().find(key);
  if (parameter == nullptr) throw std::logic_error("lever " + key + " is not in the catalog");
  Lever lever{parameter, 0, 0, 0, experiment.spec.variants.front().resolved.at(key).value};
  if (is_number(*parameter)) {
    lever.low = spec && spec->low ? *spec->low : parameter->minimum;
    lever.high = spec && spec->high ? *spec->high : parameter->maximum;
    lever.step = parameter->kind == sim::ValueKind::integer ? 1.0 : round_step((lever.high - lever.low) / 100.0);
  }
  return lever;
}

// The variants' keys first (the moves the scenario is about), then what the base's files set.
std::vector<std::string> default_keys(const sim::ScenarioSpec& spec) {
  std::vector<std::string> keys;
  auto add = [&](const std::string& key) {
    if (!is_run_setting(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  };
  for (auto variant = spec.variants.begin() + 1; variant != spec.variants.end(); ++variant) {
    for (const auto& [key, setting] : variant->overrides) add(key);
  }
  for (const auto& [key, setting] : spec.variants.front().resolved) {
    if (setting.where.line > 0) add(key);  // set by a file of the chain, not a default
  }
  if (keys.size() > kMaxDefaultLevers) keys.resize(kMaxDefaultLevers);
  return keys;
}

}  // namespace

std::vector<Lever> levers_of(const experiment::Experiment& experiment) {
  std::vector<Lever> levers;
  for (const sim::LeverSpec& spec : experiment.spec.levers) levers.push_back(lever_for(experiment, spec.key, &spec));
  if (!levers.empty()) return levers;
  for (const std::string& key : default_keys(experiment.spec)) levers.push_back(lever_for(experiment, key, nullptr));
  return levers;
}

}  // namespace alignsim::explorer
