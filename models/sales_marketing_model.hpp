#pragma once
// The sales-marketing model as the engine sees it (docs/model.md): its catalog, its
// outputs, and runs prepared once per variant from the validated settings.
#include "sim/run/model_registry.hpp"

namespace alignsim::model {

[[nodiscard]] sim::ModelDefinition sales_marketing_model();

}  // namespace alignsim::model
