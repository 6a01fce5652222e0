// Key suggestions ("did you mean"): edit distance and which close key is offered.
#include "sim/scenario/key_suggestion.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alignsim::sim {
namespace {

TEST(KeySuggestion, EditDistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(detail::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(detail::edit_distance("seed", "sede"), 1u);
  EXPECT_EQ(detail::edit_distance("", "abc"), 3u);
  EXPECT_EQ(detail::edit_distance("same", "same"), 0u);
}

TEST(KeySuggestion, SuggestsOnlyCloseKeysAndPrefersTheFirstOnTies) {
  const std::vector<std::string> keys{"run.seed", "run.need", "demand.rate", "scoring.rate_floor"};
  EXPECT_EQ(detail::suggest_key("run.sed", keys), "run.seed");
  EXPECT_EQ(detail::suggest_key("run.xeed", keys), "run.seed");  // tie with run.need: first wins
  EXPECT_EQ(detail::suggest_key("followup.rate_floor", keys), "scoring.rate_floor");  // same leaf
  EXPECT_EQ(detail::suggest_key("run.replicates", keys), std::nullopt);
  EXPECT_EQ(detail::suggest_key("other.rate", std::vector<std::string>{"demand.rate", "supply.rate"}), std::nullopt);  // ambiguous leaf
}

}  // namespace
}  // namespace alignsim::sim
