// Progressive paired answers without HTTP: the milestones, the answer after N
// replicates equal to the statistics `alignsim run` computes from the same runs, the
// same at 1 and 2 threads, a stale change abandoned within the runs in flight, the
// interval target, and a flood of changes where the last one wins.
#include <gtest/gtest.h>

#include <oneapi/tbb/global_control.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include "experiment/outcome_text.hpp"
#include "explorer/explorer_session.hpp"
#include "explorer/progressive_run.hpp"
#include "tests/explorer/explorer_fixture.hpp"

namespace alignsim::explorer {
namespace {

using test::served_scenario;

struct Published {
  std::size_t replicates;
  bool final;
  double paired_bookings;  // the what-if's paired mean difference of the first headline metric
};

std::size_t first_headline(const std::vector<sim::MetricSpec>& metrics) {
  return experiment::headline_outcomes_of(metrics).front().metric;
}

std::vector<Published> run_all_updates(const experiment::RunTable& runs, const sim::OutputLayout& outputs,
                                       const ProgressPlan& plan, std::size_t threads, ProgressOutcome* outcome = nullptr) {
  std::vector<Published> updates;
  const std::size_t m = first_headline(outputs.summary);
  const ProgressOutcome result = run_progressively(
      runs, outputs, plan, [] { return false; },
      [&](const Progress& p) {
        updates.push_back({p.replicates, p.final, p.statistics.paired(1, m).difference_interval().estimate});
      },
      {threads, false, nullptr});
  if (outcome != nullptr) *outcome = result;
  return updates;
}

TEST(ProgressiveRun, MilestonesDoubleFromTheFirstEstimateToTheMaximum) {
  EXPECT_EQ(milestones({8, 200, std::nullopt}), (std::vector<std::size_t>{8, 16, 32, 64, 128, 200}));
  EXPECT_EQ(milestones({8, 24, std::nullopt}), (std::vector<std::size_t>{8, 16, 24}));
  EXPECT_EQ(milestones({8, 8, std::nullopt}), (std::vector<std::size_t>{8}));
  EXPECT_EQ(milestones({8, 5, std::nullopt}), (std::vector<std::size_t>{5}));
}

TEST(ProgressiveRun, EachUpdateEqualsTheStatisticsOfThatManyReplicatesInRunOrder) {
  const experiment::Experiment loaded = load_whatif(served_scenario(), {{"followup.sla_floor", "0.6"}});
  const experiment::RunTable runs(loaded);
  const auto& outputs = loaded.model->outputs();
  const auto& metrics = outputs.summary;
  const oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, 2);
  ProgressOutcome outcome;
  const std::vector<Published> updates = run_all_updates(runs, outputs, {8, 24, std::nullopt}, 2, &outcome);
  ASSERT_EQ(updates.size(), 3u);
  EXPECT_EQ(updates[0].replicates, 8u);
  EXPECT_FALSE(updates[0].final);
  EXPECT_EQ(updates[2].replicates, 24u);
  EXPECT_TRUE(updates[2].final);
  EXPECT_TRUE(outcome.completed);
  EXPECT_EQ(outcome.computed_runs, 48u);

  // What `alignsim run` computes: every run of the table, fed in run order.
  experiment::VariantStatistics reference(2, metrics);
  const std::size_t m = first_headline(metrics);
  for (std::size_t r = 0; r < 24; ++r) {
    for (std::size_t v = 0; v < 2; ++v) reference.add(v, r, runs.run(v, r));
    if (r + 1 == 8) {
      EXPECT_EQ(updates[0].paired_bookings, reference.paired(1, m).difference_interval().estimate);
    }
  }
  EXPECT_EQ(updates[2].paired_bookings, reference.paired(1, m).difference_interval().estimate);
  EXPECT_NE(updates[2].paired_bookings, 0.0);  // the lever moved bookings
}

TEST(ProgressiveRun, UpdatesAreTheSameAtOneAndTwoThreads) {
  const experiment::Experiment loaded = load_whatif(served_scenario(), {{"trust.initial_mean", "0.7"}});
  const experiment::RunTable runs(loaded);
  const auto& outputs = loaded.model->outputs();
  const oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, 2);
  const auto one = run_all_updates(runs, outputs, {8, 16, std::nullopt}, 1);
  const auto two = run_all_updates(runs, outputs, {8, 16, std::nullopt}, 2);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].paired_bookings, two[i].paired_bookings);
}

TEST(ProgressiveRun, AStaleChangeStopsAfterTheRunsInFlightAndPublishesNothingMore) {
  const experiment::Experiment loaded = load_whatif(served_scenario(), {{"followup.sla_floor", "0.6"}});
  const experiment::RunTable runs(loaded);
  const auto& outputs = loaded.model->outputs();
  std::atomic<bool> stale{false};
  std::vector<std::size_t> published;
  const ProgressOutcome outcome = run_progressively(
      runs, outputs, {8, 200, std::nullopt}, [&] { return stale.load(); },
      [&](const Progress& p) {
        published.push_back(p.replicates);
        stale = true;  // a newer change arrives right after the first estimate
      },
      {2, false, nullptr});
  EXPECT_EQ(published, std::vector<std::size_t>{8});
  EXPECT_FALSE(outcome.completed);
  EXPECT_LT(outcome.computed_runs, 16u + 16u);  // the first 16 runs, then at most those in flight
}

TEST(ProgressiveRun, TheIntervalTargetEndsRefiningEarly) {
  const experiment::Experiment loaded = load_whatif(served_scenario(), {{"followup.sla_floor", "0.6"}});
  const experiment::RunTable runs(loaded);
  const auto& outputs = loaded.model->outputs();
  const auto& metrics = outputs.summary;
  ProgressPlan plan{8, 24, experiment::TargetCi{first_headline(metrics), 1e300, 24}};
  ProgressOutcome outcome;
  const auto updates = run_all_updates(runs, outputs, plan, 2, &outcome);
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_TRUE(updates[0].final);
  EXPECT_EQ(outcome.replicates, 8u);
}

TEST(FanBands, QuantilesOfTheCumulativeSeriesPerPeriod) {
  FanBands fan(2, 1, 2);  // series metric 1 of 2, two periods
  for (const double scale : {1.0, 2.0, 3.0}) {
    fan.add(0, sim::RunOutput{{}, {9, 9, scale, scale * 10}, ""});  // metric 0 is ignored
  }
  fan.add(0, sim::RunOutput{{}, {9, 9, std::nan(""), 1}, "failed"});  // left out
  const auto bands = fan.bands(0);
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0][2], 2.0);   // median of 1, 2, 3
  EXPECT_EQ(bands[1][2], 22.0);  // median of 11, 22, 33: cumulative
  EXPECT_DOUBLE_EQ(bands[1][0], 11.0 + 0.1 * 11.0);  // 5% (type 7) of 11, 22, 33
  EXPECT_DOUBLE_EQ(bands[1][4], 33.0 - 0.1 * 11.0);
  EXPECT_TRUE(std::isnan(fan.bands(1)[0][2]));  // no runs yet
}

TEST(FanBands, FansTheSeriesNamedLikeTheFirstHeadline) {
  const experiment::Experiment loaded = load_whatif(served_scenario(), {});
  const sim::OutputLayout& outputs = loaded.model->outputs();
  const auto fanned = fan_metric(outputs);
  ASSERT_TRUE(fanned.has_value());
  EXPECT_EQ(outputs.series[*fanned].name, outputs.summary[first_headline(outputs.summary)].name);
}

TEST(ExplorerSession, AFloodOfChangesEndsWithTheFinalAnswerToTheLastOne) {
  EventHub hub;
  ExplorerSession session(served_scenario(), {8, 24, std::nullopt}, {2, false, nullptr}, hub);
  std::uint64_t last = 0;
  for (int i = 0; i < 30; ++i) last = session.change({{"followup.sla_floor", std::to_string(0.3 + 0.01 * i)}});
  const std::string final_of_last = "{\"generation\":" + std::to_string(last) + ",\"replicates\":24,\"final\":true";
  std::uint64_t seen = 0;
  bool found = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!found && std::chrono::steady_clock::now() < deadline) {
    const auto event = hub.wait_newer(seen, std::chrono::milliseconds(500));
    if (!event) continue;
    seen = event->number;
    found = event->data.rfind(final_of_last, 0) == 0;
  }
  EXPECT_TRUE(found) << "no final update for generation " << last;
  // Bounded work: one job ran at a time, and the flood did not queue 30 of them.
  EXPECT_LT(seen, 30u * 3u);
}

}  // namespace
}  // namespace alignsim::explorer
