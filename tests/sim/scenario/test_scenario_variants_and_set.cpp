// Scenario loading: the variants list and --set overrides.
#include "tests/sim/scenario/scenario_loader_fixture.hpp"

namespace alignsim::sim {
namespace {

// ---- variants ---------------------------------------------------------------------------------

TEST_F(ScenarioLoader, VariantsMustBeAListOfMappings) {
  EXPECT_TRUE(starts_with(file_error("variants: {a: 1}\n"), path("s.yaml") + ":1:11: variants: a mapping where a list is expected (a list of variants"));
  EXPECT_TRUE(starts_with(file_error("variants:\n"), path("s.yaml") + ":1:1: variants: no value given"));
  EXPECT_EQ(file_error("variants:\n  - just_a_name\n"),
            path("s.yaml") + ":2:5: variants[0]: a single value where a variant is expected (a mapping with name: and the "
                             "settings the variant changes)");
}

TEST_F(ScenarioLoader, VariantNamesAreRequiredValidAndUnique) {
  const std::string rule = " (lower-case letters, digits and _, starting with a letter; not 'base')";
  EXPECT_EQ(file_error("variants:\n  - description: x\n"), path("s.yaml") + ":2:5: variants[0]: the variant has no name" + rule);
  EXPECT_EQ(file_error("variants:\n  - name: Fast\n"), path("s.yaml") + ":2:11: variants[0].name: 'Fast' is not a valid variant name" + rule);
  EXPECT_EQ(file_error("variants:\n  - name: base\n"), path("s.yaml") + ":2:11: variants[0].name: 'base' is not a valid variant name" + rule);
  EXPECT_TRUE(starts_with(file_error("variants:\n  - name: 2fast\n"), path("s.yaml") + ":2:11: variants[0].name: '2fast' is not a valid"));
  EXPECT_TRUE(starts_with(file_error("variants:\n  - name: a-b\n"), path("s.yaml") + ":2:11: variants[0].name: 'a-b' is not a valid"));
  EXPECT_EQ(file_error("variants:\n  - name: a\n  - name: a\n"),
            path("s.yaml") + ":3:11: variants[1].name: 'a' is already the name of variants[0] (each variant needs its own name)");
}

TEST_F(ScenarioLoader, VariantsMayNotChangeRunSettings) {
  EXPECT_EQ(file_error("variants:\n  - name: a\n    run: {seed: 2}\n"),
            path("s.yaml") + ":3:5: variants[0].run: a variant may not change run settings (run settings are shared by "
                             "all variants; set them at the top level)");
}

TEST_F(ScenarioLoader, VariantValuesAreValidatedLikeBaseValues) {
  EXPECT_EQ(file_error("variants:\n  - name: a\n    scoring: {threshold: 101}\n"),
            path("s.yaml") + ":3:26: variants[0].scoring.threshold: '101' is out of range (a number in [0, 100])");
}

// ---- --set ------------------------------------------------------------------------------------------

TEST_F(ScenarioLoader, SetWithoutEqualsSign) {
  EXPECT_EQ(set_error({"run.seed"}), "<command line>:1:1: run.seed: missing '=' (--set key.path=value, e.g. run.seed=7)");
  EXPECT_EQ(set_error({"=5"}), "<command line>:1:1: no key before '=' (--set key.path=value, e.g. run.seed=7)");
}

TEST_F(ScenarioLoader, SetUnknownKeyNamesItsPositionAndSuggests) {
  EXPECT_EQ(set_error({"run.seed=1", "demand.inovation_rate=0.1"}),
            "<command line>:2:1: demand.inovation_rate: unknown key; did you mean 'demand.innovation_rate'? (a parameter "
            "key; `alignsim params` lists them all)");
  EXPECT_EQ(set_error({"demand=1"}),
            "<command line>:1:1: demand: a section, not a single setting (one of its keys: channel, innovation_rate, "
            "lead_volume, seasonal)");
}

TEST_F(ScenarioLoader, SetBadValuesPointAfterTheEqualsSign) {
  EXPECT_EQ(set_error({"demand.lead_volume=1.5"}),
            "<command line>:1:20: demand.lead_volume: '1.5' is not a whole number (an integer in [0, 1000])");
  EXPECT_EQ(set_error({"run.seed=3", "demand.lead_volume="}),
            "<command line>:2:20: demand.lead_volume: no value given (an integer in [0, 1000])");
  EXPECT_EQ(set_error({"demand.lead_volume={a: 1}"}),
            "<command line>:1:20: demand.lead_volume: a mapping where a single value is expected (an integer in [0, 1000])");
  EXPECT_EQ(set_error({"demand.seasonal=yes"}), "<command line>:1:17: demand.seasonal: 'yes' is not a boolean (true or false)");
  EXPECT_EQ(set_error({"demand.innovation_rate=2"}),
            "<command line>:1:24: demand.innovation_rate: '2' is out of range (a number in [0, 1])");
  EXPECT_TRUE(starts_with(set_error({"scoring.method=[unclosed"}), "<command line>:1:16: scoring.method: invalid YAML: "));
  EXPECT_TRUE(starts_with(set_error({"scoring.method=a: b"}), "<command line>:1:16: scoring.method: a mapping where"));
  EXPECT_TRUE(starts_with(set_error({"scoring.method=\"model"}), "<command line>:1:16: scoring.method: quoted text is not closed"));
}

TEST_F(ScenarioLoader, FileProblemsAreReportedBeforeSetProblems) {
  EXPECT_TRUE(starts_with(file_error("demand: {lead_volume: x}\n", {"nonsense"}), path("s.yaml") + ":1:23: demand.lead_volume:"));
}

}  // namespace
}  // namespace alignsim::sim
