// SIGINT/SIGTERM while runs execute: the runner hands out no more runs, delivers the ones
// in flight in order, then throws Interrupted (sim/run/interruption.hpp).
#include "sim/run/interruption.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <vector>

#include "sim/errors.hpp"
#include "sim/run/runner.hpp"
#include "tests/sim/run/one_value_run.hpp"

namespace alignsim::sim {
namespace {

using testing::one_value;

TEST(Interruption, RunnerStopsHandingOutRunsAndDeliversThoseInFlight) {
  const InterruptionHandlers handlers;
  const RunPlan plan{2, 500, 1, 0, 0};
  std::vector<std::size_t> delivered;
  const auto run = [](std::size_t entry, std::size_t replicate) {
    if (replicate == 3 && entry == 0) std::raise(SIGINT);
    return one_value(static_cast<double>(replicate * 2 + entry));
  };
  const auto sink = [&](std::size_t entry, std::size_t replicate, RunOutput&& output) {
    EXPECT_EQ(output.summary.at(0), static_cast<double>(replicate * 2 + entry));
    delivered.push_back(plan.run_index(entry, replicate));
  };
  try {
    static_cast<void>(run_all(plan, run, sink, RunnerOptions{2, false, nullptr}));
    FAIL() << "no Interrupted thrown";
  } catch (const Interrupted& e) {
    EXPECT_EQ(e.signal(), SIGINT);
    EXPECT_EQ(std::string(e.what()), "interrupted by SIGINT");
  }
  // The run that saw the signal and every run before it were delivered, in order, and
  // far fewer than all: at most the tokens in flight (4 per thread) after it.
  ASSERT_GE(delivered.size(), 7u);
  EXPECT_LT(delivered.size(), 7u + 4 * 2 + 1);
  for (std::size_t k = 0; k < delivered.size(); ++k) EXPECT_EQ(delivered[k], k);
}

TEST(Interruption, NoSignalMeansEveryRun) {
  const InterruptionHandlers handlers;
  EXPECT_EQ(interrupting_signal(), 0);
  std::size_t delivered = 0;
  const auto failed = run_all(
      RunPlan{2, 20, 1, 0, 0}, [](std::size_t, std::size_t) { return one_value(1.0); },
      [&](std::size_t, std::size_t, RunOutput&&) { ++delivered; }, RunnerOptions{2, false, nullptr});
  EXPECT_EQ(failed, 0u);
  EXPECT_EQ(delivered, 40u);
}

TEST(Interruption, SignalNamesAreSpelledOut) {
  EXPECT_EQ(signal_name(SIGINT), "SIGINT");
  EXPECT_EQ(signal_name(SIGTERM), "SIGTERM");
}

}  // namespace
}  // namespace alignsim::sim
