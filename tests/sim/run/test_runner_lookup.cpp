// Runs that need no simulation (journal replays, shard reads) come from a RunLookup. A
// lookup that throws failed to read an input: the runner must rethrow it, not record a
// failed run (which a merge would write into a complete-looking results file).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/run/runner.hpp"
#include "tests/sim/run/one_value_run.hpp"

namespace alignsim::sim {
namespace {

using testing::one_value;

TEST(RunnerLookup, ThrowingLookupIsRethrownAfterTheRunsBeforeIt) {
  const RunPlan plan{2, 50, 1, 0, 0};
  std::vector<std::size_t> delivered;
  std::size_t computed = 0;
  const RunLookup known = [&](std::size_t entry, std::size_t replicate) -> std::optional<RunOutput> {
    if (plan.run_index(entry, replicate) == 13) throw OutputError("shard file 'x.h5': damaged");
    return one_value(1.0);
  };
  const RunFunction run = [&](std::size_t, std::size_t) {
    ++computed;
    return one_value(2.0);
  };
  const RunSink sink = [&](std::size_t entry, std::size_t replicate, RunOutput&& output) {
    EXPECT_TRUE(output.error.empty());
    delivered.push_back(plan.run_index(entry, replicate));
  };
  try {
    static_cast<void>(run_all(plan, known, run, sink, RunnerOptions{2, false, nullptr}));
    FAIL() << "the lookup's exception was swallowed";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()), "shard file 'x.h5': damaged");
  }
  // Exactly the runs before the failed lookup reached the sink, in order; none was computed.
  ASSERT_EQ(delivered.size(), 13u);
  for (std::size_t k = 0; k < delivered.size(); ++k) EXPECT_EQ(delivered[k], k);
  EXPECT_EQ(computed, 0u);
}

TEST(RunnerLookup, ThrowingRunStaysAFailedRun) {
  const RunPlan plan{1, 4, 1, 0, 0};
  std::vector<std::string> errors;
  const RunLookup known = [](std::size_t, std::size_t replicate) -> std::optional<RunOutput> {
    if (replicate == 0) return one_value(1.0);
    return std::nullopt;  // compute it
  };
  const RunFunction run = [](std::size_t, std::size_t replicate) {
    if (replicate == 2) throw RunError("demand hazard overflow");
    return one_value(2.0);
  };
  const auto failed = run_all(
      plan, known, run, [&](std::size_t, std::size_t, RunOutput&& output) { errors.push_back(output.error); },
      RunnerOptions{2, false, nullptr});
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(errors, (std::vector<std::string>{"", "", "demand hazard overflow", ""}));
}

TEST(RunnerLookup, LookedUpRunOfTheWrongSizeIsAFailedRun) {
  const RunPlan plan{1, 1, 2, 0, 0};
  std::string error;
  const auto failed = run_all(
      plan, [](std::size_t, std::size_t) -> std::optional<RunOutput> { return one_value(1.0); },
      [](std::size_t, std::size_t) { return one_value(2.0); },
      [&](std::size_t, std::size_t, RunOutput&& output) { error = output.error; }, RunnerOptions{1, false, nullptr});
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(error, "run produced the wrong number of values");
}

}  // namespace
}  // namespace alignsim::sim
