// The run identity's text is stored in journals and shard files, so its form is a file
// format: these tests pin it, and check that parse() inverts text().
#include "experiment/run_identity.hpp"

#include <gtest/gtest.h>

namespace alignsim::experiment {
namespace {

RunIdentity example() {
  RunIdentity identity;
  identity.scenario_fnv1a64 = "0123456789abcdef";
  identity.scenario_name = "whatif";
  identity.version = "0.1.0";
  identity.git_revision = "abc123";
  identity.shard = "3/8";
  return identity;
}

TEST(RunIdentity, TextHasTheStoredFormat) {
  EXPECT_EQ(example().text(),
            "alignsim run identity 1\nscenario_fnv1a64: 0123456789abcdef\nscenario_name: whatif\n"
            "alignsim_version: 0.1.0\ngit_revision: abc123\nshard: 3/8\n");
  RunIdentity adaptive = example();
  adaptive.target_ci = "wins=5 max_replicates 400";
  EXPECT_NE(adaptive.text().find("\ntarget_ci: wins=5 max_replicates 400\nalignsim_version: 0.1.0\n"),
            std::string::npos);
}

TEST(RunIdentity, ParseInvertsText) {
  RunIdentity adaptive = example();
  adaptive.target_ci = "wins=5 max_replicates 400";
  for (const RunIdentity& identity : {example(), adaptive}) EXPECT_EQ(RunIdentity::parse(identity.text()), identity);
}

TEST(RunIdentity, ShardsOfOneRunAgreeWithoutTheirShard) {
  RunIdentity other_shard = example();
  other_shard.shard = "4/8";
  EXPECT_NE(other_shard, example());
  EXPECT_EQ(other_shard.without_shard(), example().without_shard());
  RunIdentity other_scenario = other_shard;
  other_scenario.scenario_fnv1a64 = "fedcba9876543210";
  EXPECT_NE(other_scenario.without_shard(), example().without_shard());
}

TEST(RunIdentity, OfAnExperimentNamesItsScenarioAndBuild) {
  ScenarioRequest request;
  request.sets = {"run.replicates=3"};
  const Experiment experiment = load_experiment(request);
  const RunIdentity whole = RunIdentity::of(experiment, {}, std::nullopt);
  EXPECT_EQ(whole.shard, "all");
  EXPECT_EQ(whole.scenario_name, experiment.spec.name);
  EXPECT_EQ(whole.scenario_fnv1a64.size(), 16u);
  ExperimentOptions adaptive;
  adaptive.target_ci = "wins=5";
  adaptive.max_replicates = 400;
  EXPECT_EQ(RunIdentity::of(experiment, adaptive, sim::ShardSpec{1, 4}).target_ci, "wins=5 max_replicates 400");
  EXPECT_EQ(RunIdentity::of(experiment, {}, sim::ShardSpec{1, 4}).shard, "1/4");
}

}  // namespace
}  // namespace alignsim::experiment
