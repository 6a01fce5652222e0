// The demand clock split into shards (models/demand_shards.hpp): whatever the shard
// count, and on one thread or two, a run gives bitwise the single clock's results, on
// both the parallel step and the serial one the CRM log takes; and the model's choice
// of shard count depends on the market's size only.
#include "models/demand_shards.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <cstring>

#include "model_test_support.hpp"
#include "models/simulation.hpp"

namespace alignsim::model {
namespace {

std::shared_ptr<const ModelParameters> market(std::int64_t prospects, std::vector<testing::Override> more = {}) {
  std::vector<testing::Override> overrides{{"population.prospects", prospects},
                                           {"run.horizon_days", std::int64_t{160}},
                                           {"run.warmup_days", std::int64_t{40}}};
  overrides.insert(overrides.end(), more.begin(), more.end());
  return testing::parameters_with(overrides);
}

bool same_bits(const sim::RunOutput& a, const sim::RunOutput& b) {
  auto equal = [](const std::vector<double>& x, const std::vector<double>& y) {
    return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
  };
  return equal(a.summary, b.summary) && equal(a.series, b.series) && equal(a.agents, b.agents);
}

template <typename Run>
sim::RunOutput on_threads(int threads, Run run) {
  oneapi::tbb::task_arena arena(threads);
  return arena.execute(run);
}

TEST(DemandShards, CountFollowsTheMarketsSizeOnly) {
  EXPECT_EQ(demand_shard_count(0), 1u);
  EXPECT_EQ(demand_shard_count(20'000), 1u);  // the baseline: one clock, no parallel step
  EXPECT_EQ(demand_shard_count(2 * kProspectsPerDemandShard), 2u);
  EXPECT_EQ(demand_shard_count(1'000'000), 15u);
  EXPECT_EQ(demand_shard_count(1'000'000'000), kMaxDemandShards);
}

TEST(DemandShards, LayoutHoldsEveryProspectInPowerOfTwoShards) {
  const auto layout_of = [](std::size_t prospects) { return demand_shard_layout(prospects, demand_shard_count(prospects)); };
  EXPECT_EQ(layout_of(20'000).shards, 1u);
  EXPECT_EQ(layout_of(1'000'000).shards, 8u);  // asks for 15, gets 8 of 2^17
  EXPECT_EQ(layout_of(1'000'000).shift, 17);
  EXPECT_EQ(layout_of(2 * kProspectsPerDemandShard + 5000).shards, 2u);  // the CRM-log test's market
  for (const std::size_t prospects : {1u, 6000u, 131'073u, 1'000'000u}) {
    for (const std::size_t wanted : {1u, 2u, 3u, 7u, 16u}) {
      const DemandShardLayout layout = demand_shard_layout(prospects, wanted);
      const std::size_t per_shard = std::size_t{1} << layout.shift;
      EXPECT_LE(layout.shards, wanted) << prospects << " / " << wanted;
      EXPECT_GE(layout.shards * per_shard, prospects) << prospects << " / " << wanted;  // every prospect has a shard
      EXPECT_LT((layout.shards - 1) * per_shard, prospects) << prospects << " / " << wanted;  // no empty shard
    }
  }
}

TEST(DemandShards, AnyShardCountGivesTheSingleClocksBitsOnOneOrTwoThreads) {
  const auto p = market(20000, {{"run.horizon_days", std::int64_t{260}}});
  const sim::RunOutput single = run_model_with_demand_shards(p, 5, 1);
  ASSERT_GT(testing::summary(single, Summary::inquiries), 2000.0);  // the runs had real demand
  ASSERT_GT(testing::summary(single, Summary::mqls), 300.0);
  for (const std::size_t shards : {2u, 3u, 7u, 16u}) {
    for (const int threads : {1, 2}) {
      const auto sharded = on_threads(threads, [&] { return run_model_with_demand_shards(p, 5, shards); });
      EXPECT_TRUE(same_bits(single, sharded)) << shards << " shards on " << threads << " threads";
    }
  }
}

TEST(DemandShards, SyncsSumsOverMqlsKeepTheDuesOrder) {
  // With syncs sharing data, the lead quality of MQLs since the last sync is a
  // floating-point sum over the day's MQLs in the dues' order: the merged shards must
  // keep that order. A full-fit qualification chance of 0.7 (not a short binary
  // fraction) makes the sum's rounding depend on the order: with the merge reversed,
  // this test fails.
  const auto p = market(20000, {{"syncs.enabled", true}, {"syncs.interval_days", std::int64_t{10}},
                                 {"syncs.shared_data_weight", 0.3}, {"feedback.enabled", true},
                                 {"qualification.probability_at_full_fit", 0.7}});
  const sim::RunOutput single = run_model_with_demand_shards(p, 2, 1);
  const auto sharded = on_threads(2, [&] { return run_model_with_demand_shards(p, 2, 5); });
  EXPECT_TRUE(same_bits(single, sharded));
}

TEST(DemandShards, TheCrmLogsSerialStepGivesTheParallelStepsBits) {
  // A market large enough for the model to choose several shards: run_model takes the
  // parallel step, the CRM log the serial one over the same merged shards.
  const auto p = market(static_cast<std::int64_t>(2 * kProspectsPerDemandShard) + 5000,
                        {{"run.horizon_days", std::int64_t{60}}, {"run.warmup_days", std::int64_t{10}}});
  CrmEventLog log;
  const sim::RunOutput logged = run_model_logging_crm(p, 1, log);
  const auto parallel = on_threads(2, [&] { return run_model(p, 1); });
  ASSERT_GT(testing::summary(parallel, Summary::inquiries), 1000.0);
  EXPECT_TRUE(same_bits(logged, parallel));
  EXPECT_TRUE(same_bits(run_model_with_demand_shards(p, 1, 1), parallel));
}

}  // namespace
}  // namespace alignsim::model
