// A what-if as scenario text: only levers, only plain values reach the YAML, and the
// loader's own validation refuses what the catalog refuses.
#include <gtest/gtest.h>

#include "sim/errors.hpp"
#include "tests/explorer/explorer_fixture.hpp"

namespace alignsim::explorer {
namespace {

using test::served_scenario;

TEST(WhatIfScenario, IsTheServedScenarioWithOneVariantSettingTheMovedLevers) {
  const ServedScenario served = served_scenario();
  const std::string text = whatif_scenario_text(served, {{"followup.sla_floor", "0.8"}, {"trust.initial_mean", "0.5"}});
  EXPECT_NE(text.find("extends: \"" + test::kScenario + "\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  - name: what_if\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    followup:\n      sla_floor: 0.8\n    trust:\n      initial_mean: 0.5\n"), std::string::npos)
      << text;
  const experiment::Experiment loaded = load_whatif(served, {{"followup.sla_floor", "0.8"}});
  ASSERT_EQ(loaded.spec.variants.size(), 2u);
  EXPECT_EQ(loaded.spec.variants[1].name, "what_if");
  EXPECT_EQ(sim::get_real(loaded.spec.variants[1].resolved, "followup.sla_floor"), 0.8);
  EXPECT_EQ(sim::get_real(loaded.spec.variants[0].resolved, "followup.sla_floor"), 0.0);
  EXPECT_EQ(loaded.spec.replicates, 24);
}

TEST(WhatIfScenario, AReportHasOneVariantPerWhatIfDescribedByItsLevers) {
  const ServedScenario served = served_scenario();
  const std::vector<NamedWhatIf> what_ifs = {{"what_if_1", {{"followup.sla_floor", "0.8"}}},
                                             {"what_if_2", {{"followup.sla_floor", "0.6"}, {"trust.initial_mean", "0.5"}}},
                                             {"what_if_3", {}}};
  const std::string text = saved_scenario_text(served, what_ifs, 16);
  EXPECT_NE(text.find("  - name: what_if_1\n    description: \"followup.sla_floor set to 0.8 (base 0)\"\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("  - name: what_if_2\n    description: \"followup.sla_floor set to 0.6 (base 0); "
                      "trust.initial_mean set to 0.5 (base 0.35)\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  - name: what_if_3\n    description: \"no lever moved: the base itself\"\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("  replicates: 16\n"), std::string::npos) << text;
  EXPECT_THROW((void)saved_scenario_text(served, {{"what_if_1", {{"run.seed", "1"}}}}, 16), UsageError);
}

TEST(WhatIfScenario, TheScenariosLeversSectionChoosesTheLevers) {
  const ServedScenario served = served_scenario();
  ASSERT_EQ(served.levers.size(), 2u);
  EXPECT_EQ(served.levers[0].parameter->key, "followup.sla_floor");
  EXPECT_EQ(served.levers[1].parameter->key, "trust.initial_mean");
  EXPECT_EQ(served.levers[1].low, 0.2);
  EXPECT_EQ(served.levers[1].high, 0.9);
  EXPECT_DOUBLE_EQ(served.levers[1].step, 0.005);
}

TEST(WhatIfScenario, WithoutALeversSectionTheVariantsMovesComeFirst) {
  experiment::ScenarioRequest request;
  request.file = std::string(ALIGNSIM_SOURCE_DIR) + "/scenarios/whatif.yaml";
  const std::vector<Lever> levers = levers_of(experiment::load_experiment(request));
  ASSERT_FALSE(levers.empty());
  EXPECT_LE(levers.size(), kMaxDefaultLevers);
  EXPECT_EQ(levers.front().parameter->key, "trust.initial_mean");  // what the first variant changes
  for (const Lever& lever : levers) EXPECT_NE(lever.parameter->key.rfind("run.", 0), 0u) << lever.parameter->key;
}

TEST(WhatIfScenario, OnlyPlainValuesOfLeversReachTheYaml) {
  const ServedScenario served = served_scenario();
  EXPECT_THROW((void)whatif_scenario_text(served, {{"run.seed", "1"}}), UsageError);
  EXPECT_THROW((void)whatif_scenario_text(served, {{"followup.sla_floor", "0.5\n    run: {seed: 1}"}}), UsageError);
  EXPECT_THROW((void)whatif_scenario_text(served, {{"followup.sla_floor", "!!binary x"}}), UsageError);
  EXPECT_THROW((void)whatif_scenario_text(served, {{"followup.sla_floor", ""}}), UsageError);
}

TEST(WhatIfScenario, AValueOutOfRangeGetsTheCatalogsMessage) {
  try {
    (void)load_whatif(served_scenario(), {{"followup.sla_floor", "1.5"}});
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()),
              "<what-if>:7:18: variants[0].followup.sla_floor: '1.5' is out of range (a number in [0, 1])");
  }
}

}  // namespace
}  // namespace alignsim::explorer
