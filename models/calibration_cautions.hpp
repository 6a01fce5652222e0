#pragma once
// Settings that load and run but leave the range the baseline was calibrated in
// (docs/model.md, calibration table). Results are then not wrong, but they answer a
// different question than the user probably asked; `alignsim check` and `run` say so.
#include <vector>

#include "models/model_parameters.hpp"
#include "sim/run/model_registry.hpp"

namespace alignsim::model {

// The calibrated baseline's marketing budget per prospect: $1,000 per business day for
// 20,000 prospects.
inline constexpr double kCalibratedBudgetPerProspect = 1000.0 / 20000.0;
// How far (a factor either way) the budget per prospect may stray before a caution.
inline constexpr double kBudgetPerProspectTolerance = 5.0;

[[nodiscard]] std::vector<sim::SettingCaution> calibration_cautions(const ModelParameters& parameters);

}  // namespace alignsim::model
