#pragma once
// Loads and validates a scenario once, into an immutable ScenarioSpec: the document
// (the file and its extends chain, parsed once) checked against a parameter catalog.
//
// Precedence, lowest first: catalog defaults < files reached through `extends` (the
// root of the chain first) < the named file < --set overrides. --set changes the base;
// a variant's own override of the same key still wins for that variant.
// The file format and every error message are described in docs/scenarios.md.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_document.hpp"
#include "sim/scenario/sweep_reader.hpp"

namespace alignsim::sim {

struct LoadRequest {
  std::optional<std::filesystem::path> file;  // nullopt (and no text): built-in defaults only
  std::vector<std::string> set_overrides;     // "key.path=value" from --set, in order
  std::optional<std::string> text{};          // scenario text instead of a file
  std::string text_name = "<text>";           // what messages call the text
};

// What the caller knows beyond the catalog, for experiments (docs/experiments.md).
struct LoadContext {
  std::vector<std::string> models;   // known model names; empty: `model:` is not checked
  std::vector<std::string> outputs;  // the model's summary metrics, to check sweep.outputs
  SweepOptions sweep;                // --design, --samples, --levels, --factor
};

// Throws alignsim::ScenarioError whose what() is exactly one line:
//   FILE:LINE:COL: key.path: what is wrong (what is allowed)
// LINE and COL are 1-based; "0:0" means the file as a whole (missing, unreadable, empty).
// For --set problems FILE is "<command line>", LINE the 1-based position of that --set
// among set_overrides and COL the column in its "key=value" text. The "key.path: " part
// is left out when a problem concerns no key (malformed YAML, unreadable file).
// Values set by --set carry where = {"<command line>", N, column of the value}.
// Throws std::logic_error if the catalog lacks the integer parameters run.horizon_days,
// run.period_days, run.seed and run.replicates (a programming error, not user input).
// A `sweep:` section (or --design) yields spec.sweep, checked here as a whole; a sweep
// runs the base scenario, so it cannot be combined with variants.
// Thread-safe: reads only its arguments (and, in the first form, the files they name).
[[nodiscard]] ScenarioSpec load_scenario(const ScenarioDocument& document, const std::vector<std::string>& set_overrides,
                                         const ParameterCatalog& catalog, const LoadContext& context = {});
// Reads the document of `request` (sim/scenario/scenario_document.hpp), then loads it.
[[nodiscard]] ScenarioSpec load_scenario(const LoadRequest& request, const ParameterCatalog& catalog,
                                         const LoadContext& context = {});
[[nodiscard]] ScenarioSource source_of(const LoadRequest& request);

}  // namespace alignsim::sim
