#pragma once
// A what-if as a scenario file: the served scenario as its base (`extends:`) and one
// variant, `what_if`, that sets the levers the page moved. Loading that text is the same
// validation a scenario file gets (a value out of range gets the catalog's message), and
// the text is what "save as scenario" gives, so `alignsim run` of it reproduces the page.
// Thread-safe (pure functions).
#include <map>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "explorer/levers.hpp"

namespace alignsim::explorer {

inline constexpr const char* kWhatIfVariant = "what_if";

// Lever key -> the value as the page sends it ("0.8", "true", "least_loaded").
using LeverValues = std::map<std::string, std::string>;

// What the served scenario was loaded from: the file (made absolute, so `extends:` finds
// it from any directory) and the command line's --set, --replicates and --seed.
struct ServedScenario {
  experiment::ScenarioRequest request;
  std::vector<Lever> levers;
};

// The served scenario: `request` as `alignsim serve` loaded it into `loaded`, with the
// file made absolute, and its levers (explorer/levers.hpp).
[[nodiscard]] ServedScenario served_scenario(experiment::ScenarioRequest request, const experiment::Experiment& loaded);

// The scenario text of a what-if. Throws UsageError for a key that is no lever, or a
// value that is not a plain number, true/false or a listed choice (so nothing but a
// value reaches the YAML).
[[nodiscard]] std::string whatif_scenario_text(const ServedScenario& served, const LeverValues& values);

// The base and what_if loaded from that text, with the served request's --set applied.
// Throws ScenarioError (the loader's message) for a value the catalog refuses.
[[nodiscard]] experiment::Experiment load_whatif(const ServedScenario& served, const LeverValues& values);

// "Save as scenario": the what-if fully resolved (every setting, seed and the
// `replicates` the page's answer rests on), so `alignsim run` of the file prints the
// numbers the page showed, on any machine. Throws like load_whatif.
[[nodiscard]] std::string saved_scenario_text(const ServedScenario& served, const LeverValues& values,
                                              std::int64_t replicates);

}  // namespace alignsim::explorer
