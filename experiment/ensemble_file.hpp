#pragma once
// An ensemble of plausible parameter vectors (issue 13 item 4): the ensemble.yaml that
// `alignsim calibrate` writes (experiment/calibration_file.hpp), read back for runs over
// it. Each member is a full set of values for the same factors; a run over the
// ensemble gives replicate r member r mod M, for every variant alike, so the variants
// stay paired over parameters as well as over random numbers. Read once, checked whole
// against the model's catalog: every error is one "FILE:LINE:COL: key: problem
// (allowed)" line (ScenarioError). Thread-safe (no shared state).
#include <cstddef>
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"

namespace alignsim::experiment {

struct Ensemble {
  std::string file;
  std::vector<std::string> keys;          // the factors, in file order
  std::vector<sim::Settings> members;     // each: every key with its value and where it was read
  std::vector<std::vector<double>> values;  // members[m]'s numeric values, key order
  std::string text_fnv1a64;               // hash of the file's text, for run identities
  [[nodiscard]] std::size_t size() const noexcept { return members.size(); }
};

// Throws ScenarioError naming file, line and key: a key the catalog lacks or that is not
// numeric, a member with too few or too many values, a value outside the parameter's
// allowed range, no members.
[[nodiscard]] Ensemble read_ensemble_file(const std::string& path, const sim::ParameterCatalog& catalog);
[[nodiscard]] Ensemble read_ensemble_text(const std::string& name, const std::string& text,
                                          const sim::ParameterCatalog& catalog);

// `settings` with every ensemble key at member m's value, except the keys in `keep`
// (a variant's own overrides: its move stays the move).
[[nodiscard]] sim::Settings settings_with_member(const sim::Settings& settings, const Ensemble& ensemble,
                                                 std::size_t member, const sim::Settings& keep);

}  // namespace alignsim::experiment
