#pragma once
// Every model a scenario can name with `model:`. The first is the default.
#include "sim/run/model_registry.hpp"

namespace alignsim::model {

// Thread-safe: built once on first use, immutable afterwards.
[[nodiscard]] const sim::ModelRegistry& registered_models();

}  // namespace alignsim::model
