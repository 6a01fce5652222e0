#pragma once
// The model's parameter catalog: one definition per parameter (key, unit, default,
// range, meaning, source), and the binding from validated settings to ModelParameters.
#include "models/model_parameters.hpp"
#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"

namespace alignsim::model {

// Thread-safe: built once on first use, immutable afterwards.
[[nodiscard]] const sim::ParameterCatalog& model_catalog();

// Every catalog key must be present in `resolved` (the loader guarantees it).
[[nodiscard]] ModelParameters model_parameters_from(const sim::Settings& resolved);

}  // namespace alignsim::model
