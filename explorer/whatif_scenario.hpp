#pragma once
// What-ifs as a scenario file: the served scenario as its base (`extends:`) and one
// variant per what-if (`what_if` for the page's current one; what_if_1, what_if_2, ...
// for those collected by "add to report") that sets the levers it moved. Loading that text is the same
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

// One what-if of a scenario file: its variant name and the levers it moves.
struct NamedWhatIf {
  std::string name;
  LeverValues values;
};

// What the served scenario was loaded from: the file (made absolute, so `extends:` finds
// it from any directory) and the command line's --set, --replicates and --seed.
struct ServedScenario {
  experiment::ScenarioRequest request;
  std::vector<Lever> levers;
};

// The served scenario: `request` as `alignsim serve` loaded it into `loaded`, with the
// file made absolute, and its levers (explorer/levers.hpp).
[[nodiscard]] ServedScenario served_scenario(experiment::ScenarioRequest request, const experiment::Experiment& loaded);

// The scenario text of what-ifs, each variant described by its levers in plain words
// (lever_words). Throws UsageError for a key that is no lever, or a value that is not a
// plain number, true/false or a listed choice (so nothing but a value reaches the YAML).
[[nodiscard]] std::string whatif_scenario_text(const ServedScenario& served, const std::vector<NamedWhatIf>& what_ifs);
// The page's current what-if: one variant, `what_if`.
[[nodiscard]] std::string whatif_scenario_text(const ServedScenario& served, const LeverValues& values);

// A what-if's levers in plain words, as the page lists them and the variant's description
// says: "followup.sla_floor set to 0.8 (base 0); trust.initial_mean set to 0.5 (base 0.35)".
// Throws UsageError for a key that is no lever.
[[nodiscard]] std::string lever_words(const ServedScenario& served, const LeverValues& values);

// The base and what_if loaded from that text, with the served request's --set applied.
// Throws ScenarioError (the loader's message) for a value the catalog refuses.
[[nodiscard]] experiment::Experiment load_whatif(const ServedScenario& served, const LeverValues& values);

// "Save as scenario" (one what-if) and "add to report" (the collected ones): the
// what-ifs fully resolved (every setting, seed and the `replicates` the page's answers
// rest on), so `alignsim run` of the file prints the numbers the page showed, on any
// machine. Throws like load_whatif.
[[nodiscard]] std::string saved_scenario_text(const ServedScenario& served, const std::vector<NamedWhatIf>& what_ifs,
                                              std::int64_t replicates);

}  // namespace alignsim::explorer
