#pragma once
// A loaded, validated scenario: plain immutable data. Simulations take it by
// shared_ptr<const ScenarioSpec> and own all their mutable state.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"

namespace alignsim::sim {

struct SweepSpec;  // sim/sweep.hpp

struct SourceLocation {
  std::string file;  // "<defaults>" for built-in defaults, "<command line>" for --set
  int line = 0;      // 1-based; 0 when not from a file
  int column = 0;    // 1-based; 0 when not from a file
};

struct SettingValue {
  ParameterValue value;
  SourceLocation where;
};

// Key path -> value. A resolved map holds every catalog key.
using Settings = std::map<std::string, SettingValue>;

struct VariantSpec {
  std::string name;
  std::string description;
  Settings overrides;  // only the keys this variant changes (empty for the base)
  Settings resolved;   // base settings with the overrides applied: every catalog key
};

// One lever of `alignsim serve`'s page (the `levers:` section, docs/explorer.md): a
// catalog parameter the room may change, optionally within a narrower range than the
// catalog's. Presentation only: levers change no run, so they are not part of the
// resolved YAML and never reach a results file.
struct LeverSpec {
  std::string key;
  std::optional<double> low;   // numbers only; nullopt: the catalog's minimum
  std::optional<double> high;  // numbers only; nullopt: the catalog's maximum
  SourceLocation where;
};

struct ScenarioSpec {
  std::string name;
  std::string description;
  std::string source_file;             // "" for the built-in default scenario
  std::vector<std::string> files;      // every file read: source_file and its extends chain
  std::vector<VariantSpec> variants;   // variants[0] is the base scenario itself
  std::string resolved_yaml;           // the whole resolved scenario as YAML text
  std::string model;                   // `model:` of the file chain; "" if none names one
  std::shared_ptr<const SweepSpec> sweep;  // the experiment design; null without one
  std::vector<LeverSpec> levers;       // the file's `levers:`; empty: none given

  // Run-wide settings (the same for every variant; variants may not override run.*).
  std::int64_t horizon_days = 0;
  std::int64_t warmup_days = 0;  // run.warmup_days if the model has one: simulated, not reported
  std::int64_t period_days = 0;
  std::uint64_t seed = 0;
  std::int64_t replicates = 0;
};

// Typed access to a resolved value; throws std::logic_error if the key or type is wrong
// (that is a programming error: validation already guaranteed key and type).
[[nodiscard]] double get_real(const Settings& s, const std::string& key);
[[nodiscard]] std::int64_t get_integer(const Settings& s, const std::string& key);
[[nodiscard]] bool get_boolean(const Settings& s, const std::string& key);
[[nodiscard]] const std::string& get_choice(const Settings& s, const std::string& key);

}  // namespace alignsim::sim
