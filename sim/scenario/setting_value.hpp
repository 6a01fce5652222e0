#pragma once
// Reading one parameter value from YAML text, shared by the scenario loader (settings,
// --set) and the sweep reader (factor ranges, explicit design points). Internal to the
// loader; thread-safe (pure functions).
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "sim/scenario/parameter.hpp"

namespace alignsim::sim::detail {

struct ScalarText {
  std::string text;
  bool quoted = false;  // quoted scalars are text in YAML, never numbers or booleans
};

// A parsed value, or why the text is not acceptable.
struct ValueOrProblem {
  std::optional<ParameterValue> value;
  std::string problem;
};

// The value `scalar` gives parameter `spec`, checked against its kind, range and choices.
[[nodiscard]] ValueOrProblem parse_setting(const ParameterSpec& spec, const ScalarText& scalar);
// Why `node` cannot serve as one value, or "" if it is a usable scalar.
[[nodiscard]] std::string single_value_problem(const YAML::Node& node);
[[nodiscard]] ScalarText scalar_text(const YAML::Node& node);

}  // namespace alignsim::sim::detail
