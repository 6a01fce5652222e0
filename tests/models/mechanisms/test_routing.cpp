// Routing (models/mechanisms/routing.cpp): each policy on constructed teams, with the
// exact rep every lead goes to.
#include "models/mechanisms/routing.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace alignsim::model {
namespace {

TEST(Routing, RoundRobinTakesActiveRepsInTurn) {
  const std::vector<std::uint32_t> active{2, 5, 7};
  std::uint32_t next = 0;
  std::vector<std::uint32_t> assigned;
  for (int lead = 0; lead < 7; ++lead) assigned.push_back(round_robin_rep(active, next));
  EXPECT_EQ(assigned, (std::vector<std::uint32_t>{2, 5, 7, 2, 5, 7, 2}));
  EXPECT_EQ(next, 1u);
}

TEST(Routing, RoundRobinWrapsWhenTheTeamHasShrunk) {
  std::uint32_t next = 2;  // the third rep was next
  const std::vector<std::uint32_t> shrunk{2, 7};
  EXPECT_EQ(round_robin_rep(shrunk, next), 2u);  // 2 % 2 = 0: back to the first
  EXPECT_EQ(round_robin_rep(shrunk, next), 7u);
  EXPECT_EQ(round_robin_rep(shrunk, next), 2u);
}

TEST(Routing, LeastLoadedTakesFewestWaitingAndTiesGoToLowestId) {
  std::vector<std::int32_t> waiting(9, 0);
  waiting[2] = 3;
  waiting[5] = 1;
  waiting[7] = 1;
  waiting[8] = 0;  // not active: ignored
  const std::vector<std::uint32_t> active{2, 5, 7};
  EXPECT_EQ(least_loaded_rep(active, waiting), 5u);
  waiting[5] = 2;
  EXPECT_EQ(least_loaded_rep(active, waiting), 7u);
  waiting[7] = 3;
  waiting[5] = 3;
  EXPECT_EQ(least_loaded_rep(active, waiting), 2u);  // three-way tie
}

TEST(Routing, LeastLoadedSpreadsASequenceOfLeads) {
  // Each assignment adds one waiting lead, as the run does.
  std::vector<std::int32_t> waiting{0, 2, 0, 1};
  const std::vector<std::uint32_t> active{0, 1, 2, 3};
  std::vector<std::uint32_t> assigned;
  for (int lead = 0; lead < 6; ++lead) {
    const std::uint32_t rep = least_loaded_rep(active, waiting);
    assigned.push_back(rep);
    ++waiting[rep];
  }
  EXPECT_EQ(assigned, (std::vector<std::uint32_t>{0, 2, 0, 2, 3, 0}));
}

TEST(Routing, RandomMapsTheUniformOntoEqualSlices) {
  const std::vector<std::uint32_t> active{2, 5, 7, 11};
  EXPECT_EQ(random_rep(active, 0.0), 2u);
  EXPECT_EQ(random_rep(active, 0.2499), 2u);
  EXPECT_EQ(random_rep(active, 0.25), 5u);
  EXPECT_EQ(random_rep(active, 0.5), 7u);
  EXPECT_EQ(random_rep(active, 0.74), 7u);
  EXPECT_EQ(random_rep(active, 0.75), 11u);
  EXPECT_EQ(random_rep(active, 0.9999999), 11u);
  EXPECT_EQ(random_rep(active, 1.0), 11u);  // guarded: never past the last rep
  EXPECT_EQ(random_rep({4}, 0.6), 4u);
}

}  // namespace
}  // namespace alignsim::model
