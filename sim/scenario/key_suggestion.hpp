#pragma once
// "Did you mean ...?" for misspelt scenario keys. Pure functions, thread-safe.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignsim::sim::detail {

// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
// two neighbouring characters each cost 1 (a swap is the most common typing slip).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate the user most likely meant by `typed` (a full dotted key such as
// "demand.inovation_rate"), or nullopt when nothing is close enough to be a typo.
// Tries a small edit distance first, then a unique candidate with the same last
// component (the right key written in the wrong section). Ties go to the earlier
// candidate, so the answer is deterministic for a given candidate order.
[[nodiscard]] std::optional<std::string> suggest_key(std::string_view typed,
                                                     const std::vector<std::string>& candidates);

}  // namespace alignsim::sim::detail
