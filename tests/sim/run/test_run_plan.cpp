// The run order every executor shares (replicate-major): RunPlan owns the arithmetic.
#include "sim/run/runner.hpp"

#include <gtest/gtest.h>

#include <set>

namespace alignsim::sim {
namespace {

TEST(RunPlan, RunsAreNumberedReplicateMajor) {
  const RunPlan plan{3, 4, 1, 1, 0};
  EXPECT_EQ(plan.runs(), 12u);
  EXPECT_EQ(plan.run_index(0, 0), 0u);
  EXPECT_EQ(plan.run_index(2, 0), 2u);  // every entry of replicate 0 first
  EXPECT_EQ(plan.run_index(0, 1), 3u);
  EXPECT_EQ(plan.run_index(2, 3), 11u);
}

TEST(RunPlan, IndexAndCoordinatesAreInverse) {
  for (const std::size_t first : {std::size_t{0}, std::size_t{5}}) {
    const RunPlan plan{7, 3, 1, 1, first};
    std::set<std::size_t> seen;
    for (std::size_t k = 0; k < plan.runs(); ++k) {
      const std::size_t entry = plan.entry_of(k), replicate = plan.replicate_of(k);
      EXPECT_LT(entry, 7u);
      EXPECT_GE(replicate, first);
      EXPECT_LT(replicate, first + 3);
      EXPECT_EQ(plan.run_index(entry, replicate), k);
      seen.insert(replicate * 7 + entry);
    }
    EXPECT_EQ(seen.size(), plan.runs());  // every (entry, replicate) exactly once
  }
}

}  // namespace
}  // namespace alignsim::sim
