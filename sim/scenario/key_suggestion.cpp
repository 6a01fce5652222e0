#include "sim/scenario/key_suggestion.hpp"

#include <algorithm>

namespace alignsim::sim::detail {
namespace {

// Up to a quarter of the typed text may be wrong, at least 1 and at most 3 edits: more
// than that and the "suggestion" is usually an unrelated key that only confuses.
std::size_t typo_budget(std::string_view typed) {
  return std::clamp<std::size_t>(typed.size() / 4, 1, 3);
}

std::string_view last_component(std::string_view key) {
  const auto dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

std::optional<std::string> closest_by_edits(std::string_view typed, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = typo_budget(typed) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(typed, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::optional<std::string> unique_same_leaf(std::string_view typed, const std::vector<std::string>& candidates) {
  const std::string_view leaf = last_component(typed);
  std::optional<std::string> found;
  for (const auto& candidate : candidates) {
    if (candidate == typed || last_component(candidate) != leaf) continue;
    if (found && *found != candidate) return std::nullopt;  // ambiguous: better say nothing
    found = candidate;
  }
  return found;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows (two back for the swap rule) keep memory O(|b|).
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> suggest_key(std::string_view typed, const std::vector<std::string>& candidates) {
  if (auto by_edits = closest_by_edits(typed, candidates)) return by_edits;
  return unique_same_leaf(typed, candidates);
}

}  // namespace alignsim::sim::detail
