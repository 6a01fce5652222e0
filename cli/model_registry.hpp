#pragma once
// The models alignsim can run: the sales-marketing model (the default) and the analytic
// test functions used to validate the sensitivity analysis.
#include "sim/run/model_registry.hpp"

namespace alignsim::cli {

// Thread-safe: built once on first use, immutable afterwards.
[[nodiscard]] const sim::ModelRegistry& model_registry();

}  // namespace alignsim::cli
