#pragma once
// The explorer's tests serve tests/cli/data/explorer.yaml, a small market (a change
// costs well under a second), exactly as `alignsim serve` loads it.
#include <string>

#include "explorer/levers.hpp"
#include "explorer/whatif_scenario.hpp"

namespace alignsim::explorer::test {

inline const std::string kScenario = std::string(ALIGNSIM_SOURCE_DIR) + "/tests/cli/data/explorer.yaml";

inline ServedScenario served_scenario(const experiment::ScenarioRequest& extra = {}) {
  experiment::ScenarioRequest request = extra;
  request.file = kScenario;
  return explorer::served_scenario(request, experiment::load_experiment(request));
}

}  // namespace alignsim::explorer::test
