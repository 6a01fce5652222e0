// The up-front resource check (experiment/resource_check.hpp): the estimate is the
// model's per-run memory times the runs in flight plus the results' dataset sizes, and a
// refusal states the estimate, what the machine has and what to change.
#include <gtest/gtest.h>

#include "experiment/resource_check.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {
namespace {

Experiment load(std::vector<std::string> sets) {
  ScenarioRequest request;
  request.file = ALIGNSIM_SOURCE_DIR "/tests/golden/tiny.yaml";
  request.sets = std::move(sets);
  return load_experiment(request);
}

std::string refusal(const ResourceNeeds& needs, const MachineResources& machine) {
  try {
    refuse_impossible_work(needs, machine, "/data", "population.prospects");
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(ResourceCheck, MemoryIsTheModelsEstimateTimesTheRunsInFlight) {
  const Experiment small = load({}), large = load({"population.prospects=100000000"});
  const RunTable small_runs(small), large_runs(large);
  const ResourceNeeds one = estimate_needs(large_runs, {6, 1, true}), four = estimate_needs(large_runs, {6, 4, true});
  EXPECT_EQ(one.memory_per_run, large_runs.variant(0).memory_bytes());
  EXPECT_GT(one.memory_per_run, 6'000'000'000U);
  EXPECT_EQ(four.concurrent_runs, 4U);
  EXPECT_EQ(four.memory - one.memory, 3 * (one.memory_per_run + one.in_flight_per_thread));
  // More threads than runs: only the runs there are run at once.
  EXPECT_EQ(estimate_needs(large_runs, {6, 100, true}).concurrent_runs, 6U);
  EXPECT_LT(estimate_needs(small_runs, {6, 2, true}).memory, std::uint64_t{100} << 20);
}

TEST(ResourceCheck, OutputIsBoundedByTheDatasetSizes) {
  const Experiment tiny = load({});
  const RunTable runs(tiny);
  const ResourceNeeds needs = estimate_needs(runs, {1000, 2, true}), no_journal = estimate_needs(runs, {1000, 2, false});
  const std::uint64_t values = (runs.summary_size() + runs.series_size() + runs.agents_size()) * 8;
  EXPECT_GE(needs.output_bytes, 1000 * values);
  EXPECT_LE(needs.output_bytes, 1000 * values + (2U << 20));
  EXPECT_GE(needs.journal_bytes, 1000 * values);
  EXPECT_EQ(no_journal.journal_bytes, 0U);
}

TEST(ResourceCheck, RefusalStatesTheEstimateWhatIsAvailableAndWhatToChange) {
  ResourceNeeds needs;
  needs.memory_per_run = 6'400'000'000;
  needs.concurrent_runs = 8;
  needs.memory = 8 * needs.memory_per_run + (64U << 20);
  const std::string memory = refusal(needs, {std::uint64_t{24'000'000'000}, std::nullopt});
  EXPECT_NE(memory.find("8 runs at once need about 51.3 GB (6.4 GB per run"), std::string::npos) << memory;
  EXPECT_NE(memory.find("24.0 GB is available; pass --threads 3 or fewer"), std::string::npos) << memory;
  EXPECT_NE(memory.find("population.prospects"), std::string::npos) << memory;
  EXPECT_NE(refusal(needs, {std::uint64_t{1'000'000'000}, std::nullopt}).find("even one run does not fit"),
            std::string::npos);

  needs.memory = 0;
  needs.output_bytes = 135'000'000'000;
  needs.journal_bytes = 138'000'000'000;
  const std::string disk = refusal(needs, {std::nullopt, std::uint64_t{80'000'000'000}});
  EXPECT_NE(disk.find("not enough disk space in '/data': the results need up to 273 GB (file 135 GB, journal 138 GB) "
                      "and 80.0 GB is free"),
            std::string::npos)
      << disk;
  EXPECT_EQ(refusal(needs, {std::nullopt, std::nullopt}), "") << "unknown resources are not checked";
  EXPECT_EQ(refusal(needs, {std::nullopt, std::uint64_t{300'000'000'000}}), "");
}

}  // namespace
}  // namespace alignsim::experiment
