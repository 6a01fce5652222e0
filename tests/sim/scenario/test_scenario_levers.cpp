// Scenario loading: the `levers:` section that `alignsim serve` offers as sliders; each
// mistake is one FILE:LINE:COL: key: problem (allowed) line.
#include "tests/sim/scenario/scenario_loader_fixture.hpp"

namespace alignsim::sim {
namespace {

TEST_F(ScenarioLoader, LeversAreReadInOrderWithOptionalRanges) {
  const ScenarioSpec spec = load(write("s.yaml",
                                       "levers:\n"
                                       "  - followup.sla_floor\n"
                                       "  - {key: scoring.threshold, low: 20, high: 80}\n"
                                       "  - key: demand.lead_volume\n"
                                       "    high: 200\n"
                                       "  - followup.escalate\n"));
  ASSERT_EQ(spec.levers.size(), 4u);
  EXPECT_EQ(spec.levers[0].key, "followup.sla_floor");
  EXPECT_FALSE(spec.levers[0].low.has_value());
  EXPECT_EQ(spec.levers[1].key, "scoring.threshold");
  EXPECT_EQ(spec.levers[1].low, 20.0);
  EXPECT_EQ(spec.levers[1].high, 80.0);
  EXPECT_EQ(spec.levers[2].high, 200.0);
  EXPECT_EQ(spec.levers[2].where.line, 4);
  EXPECT_EQ(spec.levers[3].key, "followup.escalate");
}

TEST_F(ScenarioLoader, LeversChangeNeitherSettingsNorTheResolvedScenario) {
  const ScenarioSpec plain = load(write("plain.yaml", "followup: {sla_floor: 0.7}\n"));
  const ScenarioSpec with_levers = load(write("levers.yaml", "followup: {sla_floor: 0.7}\nlevers: [followup.sla_floor]\n"));
  EXPECT_EQ(with_levers.resolved_yaml.substr(with_levers.resolved_yaml.find('\n')),
            plain.resolved_yaml.substr(plain.resolved_yaml.find('\n')));  // only the name differs
  EXPECT_TRUE(plain.levers.empty());
}

TEST_F(ScenarioLoader, LeversAreInheritedAndAChildListReplacesTheParents) {
  write("parent.yaml", "levers: [followup.sla_floor]\n");
  EXPECT_EQ(load(write("child.yaml", "extends: parent.yaml\n")).levers.at(0).key, "followup.sla_floor");
  const ScenarioSpec replaced = load(write("other.yaml", "extends: parent.yaml\nlevers: [scoring.threshold]\n"));
  ASSERT_EQ(replaced.levers.size(), 1u);
  EXPECT_EQ(replaced.levers[0].key, "scoring.threshold");
}

TEST_F(ScenarioLoader, ALeverMustBeAParameterOutsideRun) {
  EXPECT_EQ(file_error("levers: [followup.sla_flor]\n"),
            path("s.yaml") + ":1:10: levers[0]: 'followup.sla_flor' is not a parameter; did you mean "
                             "'followup.sla_floor'? (a key that `alignsim params` lists)");
  EXPECT_EQ(file_error("levers:\n  - run.seed\n"),
            path("s.yaml") + ":2:5: levers[0]: a lever may not change run settings (run settings are shared by base "
                             "and what-if; choose a model parameter)");
  EXPECT_TRUE(starts_with(file_error("levers:\n  - {low: 1}\n"), path("s.yaml") + ":2:5: levers[0]: the lever names no parameter"));
  EXPECT_TRUE(starts_with(file_error("levers:\n  - {key: scoring.threshold, step: 1}\n"),
                          path("s.yaml") + ":2:30: levers[0].step: unknown key (keys in a lever: key, low, high)"));
}

TEST_F(ScenarioLoader, LeverRangesLieInTheCatalogsRange) {
  EXPECT_EQ(file_error("levers:\n  - {key: followup.sla_floor, low: 0.2, high: 1.5}\n"),
            path("s.yaml") + ":2:47: levers[0].high: '1.5' is out of range (a number in [0, 1])");
  EXPECT_EQ(file_error("levers:\n  - {key: followup.sla_floor, low: 0.6, high: 0.4}\n"),
            path("s.yaml") + ":2:5: levers[0]: low 0.6 is not below high 0.4 (low < high, both within a number in [0, 1])");
  EXPECT_TRUE(starts_with(file_error("levers:\n  - {key: followup.escalate, low: 0}\n"),
                          path("s.yaml") + ":2:30: levers[0].low: followup.escalate is boolean, which has no range"));
}

TEST_F(ScenarioLoader, LeversIsAListAndNamesEachParameterOnce) {
  EXPECT_EQ(file_error("levers: followup.sla_floor\n"),
            path("s.yaml") + ":1:9: levers: a single value where a list is expected (a list of levers, each a parameter "
                             "key, or a mapping with key: and optional low: and high:)");
  EXPECT_EQ(file_error("levers: [followup.sla_floor, {key: followup.sla_floor}]\n"),
            path("s.yaml") + ":1:30: levers[1]: 'followup.sla_floor' is already levers[0] (each parameter is one lever)");
  EXPECT_TRUE(starts_with(file_error("levers: [[a]]\n"), path("s.yaml") + ":1:10: levers[0]: a list where a lever is expected"));
}

TEST_F(ScenarioLoader, AVariantMayNotDeclareLevers) {
  EXPECT_TRUE(contains(file_error("variants:\n  - name: a\n    levers: [followup.sla_floor]\n"),
                       ":3:5: variants[0].levers: unknown key"));
}

}  // namespace
}  // namespace alignsim::sim
