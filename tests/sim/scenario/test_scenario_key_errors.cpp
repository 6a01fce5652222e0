// Scenario loading: unknown keys, wrong types and values, duplicate keys; each error names FILE:LINE:COL and the key.
#include "tests/sim/scenario/scenario_loader_fixture.hpp"

namespace alignsim::sim {
namespace {

// ---- unknown keys -------------------------------------------------------------------------

TEST_F(ScenarioLoader, UnknownTopLevelKeySuggestsTheSection) {
  const std::string message = file_error("demnd:\n  innovation_rate: 0.1\n");
  EXPECT_EQ(message, path("s.yaml") +
                         ":1:1: demnd: unknown key; did you mean 'demand'? (top-level keys: name, description, "
                         "extends, variants, demand, followup, run, scoring)");
}

TEST_F(ScenarioLoader, UnknownKeyInASectionSuggestsTheFullKey) {
  const std::string message = file_error("demand:\n  inovation_rate: 0.1\n");
  EXPECT_EQ(message, path("s.yaml") +
                         ":2:3: demand.inovation_rate: unknown key; did you mean 'demand.innovation_rate'? (keys in "
                         "demand: channel, innovation_rate, lead_volume, seasonal)");
}

TEST_F(ScenarioLoader, KeyInTheWrongSectionSuggestsTheRightOne) {
  EXPECT_TRUE(contains(file_error("scoring:\n  sla_floor: 0.1\n"), ":2:3: scoring.sla_floor: unknown key; did you mean 'followup.sla_floor'?"));
}

TEST_F(ScenarioLoader, UnknownKeyFarFromEveryKeyGetsNoSuggestion) {
  const std::string message = file_error("demand:\n  completely_different: 1\n");
  EXPECT_TRUE(starts_with(message, path("s.yaml") + ":2:3: demand.completely_different: unknown key (keys in demand:"));
  EXPECT_FALSE(contains(message, "did you mean"));
}

TEST_F(ScenarioLoader, UnknownKeysInsideVariantsNameTheVariant) {
  EXPECT_TRUE(starts_with(file_error("variants:\n  - name: a\n    followup: {sla_flor: 0.8}\n"),
                          path("s.yaml") + ":3:16: variants[0].followup.sla_flor: unknown key; did you mean "
                                           "'followup.sla_floor'? (keys in followup:"));
  EXPECT_EQ(file_error("variants:\n  - name: a\n  - name: b\n    descripton: x\n"),
            path("s.yaml") + ":4:5: variants[1].descripton: unknown key; did you mean 'description'? (keys in a "
                             "variant: name, description, demand, followup, scoring)");
}

TEST_F(ScenarioLoader, DottedKeysAreRejectedWithTheNestedForm) {
  EXPECT_EQ(file_error("demand.innovation_rate: 0.1\n"),
            path("s.yaml") + ":1:1: demand.innovation_rate: a dotted key is not read in scenario files (nest it: "
                             "'demand: {innovation_rate: ...}')");
}

// ---- wrong types and values ---------------------------------------------------------------

TEST_F(ScenarioLoader, MappingOrListWhereAValueIsExpected) {
  EXPECT_EQ(file_error("demand:\n  innovation_rate: {a: 1}\n"),
            path("s.yaml") + ":2:20: demand.innovation_rate: a mapping where a single value is expected (a number in [0, 1])");
  EXPECT_EQ(file_error("demand:\n  lead_volume: [1, 2]\n"),
            path("s.yaml") + ":2:16: demand.lead_volume: a list where a single value is expected (an integer in [0, 1000])");
}

TEST_F(ScenarioLoader, ValueWhereASectionIsExpected) {
  EXPECT_EQ(file_error("demand: 5\n"),
            path("s.yaml") + ":1:9: demand: a single value where a section is expected (a mapping of keys in demand: "
                             "channel, innovation_rate, lead_volume, seasonal)");
  EXPECT_TRUE(starts_with(file_error("demand:\n  channel: [0.5]\n"),
                          path("s.yaml") + ":2:12: demand.channel: a list where a section is expected"));
}

TEST_F(ScenarioLoader, TextOrQuotedTextWhereANumberIsExpected) {
  EXPECT_EQ(file_error("demand: {innovation_rate: fast}\n"),
            path("s.yaml") + ":1:27: demand.innovation_rate: 'fast' is not a number (a number in [0, 1])");
  EXPECT_EQ(file_error("demand: {innovation_rate: \"0.5\"}\n"),
            path("s.yaml") + ":1:27: demand.innovation_rate: '0.5' is quoted text, not a number; remove the quotes (a "
                             "number in [0, 1])");
  EXPECT_TRUE(starts_with(file_error("demand: {innovation_rate: 0x10}\n"),
                          path("s.yaml") + ":1:27: demand.innovation_rate: '0x10' is not a number"));
}

TEST_F(ScenarioLoader, FractionOrTextForAnInteger) {
  EXPECT_EQ(file_error("demand: {lead_volume: 1.5}\n"),
            path("s.yaml") + ":1:23: demand.lead_volume: '1.5' is not a whole number (an integer in [0, 1000])");
  EXPECT_EQ(file_error("demand: {lead_volume: lots}\n"),
            path("s.yaml") + ":1:23: demand.lead_volume: 'lots' is not an integer (an integer in [0, 1000])");
  EXPECT_TRUE(starts_with(file_error("run: {seed: 99999999999999999999}\n"),
                          path("s.yaml") + ":1:13: run.seed: '99999999999999999999' does not fit in a 64-bit integer"));
}

TEST_F(ScenarioLoader, OnlyTrueAndFalseAreBooleans) {
  EXPECT_EQ(file_error("demand: {seasonal: yes}\n"),
            path("s.yaml") + ":1:20: demand.seasonal: 'yes' is not a boolean (true or false)");
  EXPECT_EQ(file_error("followup:\n  escalate: on\n"),
            path("s.yaml") + ":2:13: followup.escalate: 'on' is not a boolean (true or false)");
  EXPECT_TRUE(starts_with(file_error("followup:\n  escalate: True\n"), path("s.yaml") + ":2:13: followup.escalate: 'True' is not"));
}

TEST_F(ScenarioLoader, ChoiceOutsideItsList) {
  EXPECT_EQ(file_error("scoring: {method: magic}\n"),
            path("s.yaml") + ":1:19: scoring.method: 'magic' is not one of the choices (one of: points, model, hybrid)");
}

TEST_F(ScenarioLoader, MissingValuePointsAtTheKey) {
  EXPECT_EQ(file_error("demand:\n  innovation_rate:\nrun: {seed: 1}\n"),
            path("s.yaml") + ":2:3: demand.innovation_rate: no value given (a number in [0, 1])");
  EXPECT_TRUE(starts_with(file_error("demand:\n"), path("s.yaml") + ":1:1: demand: no value given (a mapping of keys in demand:"));
  EXPECT_TRUE(starts_with(file_error("demand: {innovation_rate: ~}\n"), path("s.yaml") + ":1:10: demand.innovation_rate: no value given"));
}

TEST_F(ScenarioLoader, NonFiniteNumbersAreRejected) {
  for (const std::string word : {".nan", ".inf", "-.inf", ".NaN", "nan", "inf", "infinity"}) {
    EXPECT_EQ(file_error("demand: {innovation_rate: " + word + "}\n"),
              path("s.yaml") + ":1:27: demand.innovation_rate: '" + word + "' is not a finite number (a number in [0, 1])");
  }
  EXPECT_TRUE(starts_with(file_error("scoring: {threshold: 1e999}\n"),
                          path("s.yaml") + ":1:22: scoring.threshold: '1e999' cannot be stored as a finite number"));
}

TEST_F(ScenarioLoader, ValuesOutsideTheInclusiveRange) {
  EXPECT_EQ(file_error("demand: {innovation_rate: 1.5}\n"),
            path("s.yaml") + ":1:27: demand.innovation_rate: '1.5' is out of range (a number in [0, 1])");
  EXPECT_EQ(file_error("demand: {innovation_rate: -0.001}\n"),
            path("s.yaml") + ":1:27: demand.innovation_rate: '-0.001' is out of range (a number in [0, 1])");
  EXPECT_EQ(file_error("run: {replicates: 0}\n"),
            path("s.yaml") + ":1:19: run.replicates: '0' is out of range (an integer in [1, 100000])");
}

TEST_F(ScenarioLoader, ExplicitYamlTagsAreRejected) {
  EXPECT_EQ(file_error("demand: {innovation_rate: !!float 0.5}\n"),
            path("s.yaml") + ":1:27: demand.innovation_rate: the YAML tag 'tag:yaml.org,2002:float' is not supported (a "
                             "number in [0, 1])");
}

TEST_F(ScenarioLoader, KeysMustBeScalars) {
  EXPECT_TRUE(starts_with(file_error("? [a, b]\n: 1\n"), path("s.yaml") + ":1:3: a key must be a single word, not a list"));
  EXPECT_TRUE(starts_with(file_error("demand:\n  ? {a: 1}\n  : 1\n"),
                          path("s.yaml") + ":2:5: demand: a key must be a single word, not a mapping"));
}

TEST_F(ScenarioLoader, NameDescriptionAndExtendsMustBeText) {
  EXPECT_EQ(file_error("name: [a]\n"), path("s.yaml") + ":1:7: name: a list where a single value is expected (non-empty text)");
  EXPECT_EQ(file_error("name: ''\n"), path("s.yaml") + ":1:7: name: the text is empty (non-empty text)");
  EXPECT_EQ(file_error("description:\n"), path("s.yaml") + ":1:1: description: no value given (text)");
  EXPECT_EQ(file_error("extends: ''\n"), path("s.yaml") + ":1:10: extends: the text is empty (non-empty text)");
}

// ---- duplicates ---------------------------------------------------------------------------

TEST_F(ScenarioLoader, DuplicateKeysAreReportedAtTheSecondOccurrence) {
  EXPECT_EQ(file_error("demand:\n  innovation_rate: 0.1\n  innovation_rate: 0.2\n"),
            path("s.yaml") + ":3:3: demand.innovation_rate: duplicate key, first given at line 2 (each key may appear "
                             "once per mapping)");
  EXPECT_TRUE(starts_with(file_error("demand: {}\nrun: {seed: 1}\ndemand: {lead_volume: 3}\n"),
                          path("s.yaml") + ":3:1: demand: duplicate key, first given at line 1"));
  EXPECT_TRUE(starts_with(file_error("variants:\n  - name: a\n    demand: {seasonal: true, seasonal: false}\n"),
                          path("s.yaml") + ":3:30: variants[0].demand.seasonal: duplicate key, first given at line 3"));
  EXPECT_TRUE(starts_with(file_error("name: a\nname: b\n"), path("s.yaml") + ":2:1: name: duplicate key, first given at line 1"));
}

}  // namespace
}  // namespace alignsim::sim
