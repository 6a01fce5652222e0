#pragma once
// Single values of a `sweep:` section (counts, words, values read as a parameter would
// be) and the key lists, shared by the section reader and the factor reader. Internal
// to the scenario loader; thread-safe.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/scenario/parameter.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {

inline constexpr const char* kCommandLine = "<command line>";
inline constexpr std::size_t kMaxPoints = 100'000'000;

// A single value read as if it were parameter `spec` (kind, range and choices checked).
[[nodiscard]] ParameterValue read_value(const ParameterSpec& spec, const std::string& shown, const YAML::Node& node,
                                        const SourceLocation& at);
// An integer from `minimum` to kMaxPoints.
[[nodiscard]] std::size_t read_count(const MapEntry& entry, const std::string& shown, double minimum);
// One non-empty word.
[[nodiscard]] std::string read_word(const MapEntry& entry, const std::string& shown, const std::string& allowed);
// An unknown key among `keys`, with a suggestion.
[[noreturn]] void throw_unknown(const MapEntry& entry, const std::string& shown, const std::vector<std::string>& keys);

}  // namespace alignsim::sim::detail
