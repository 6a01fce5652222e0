#include "sim/scenario/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/scenario/key_suggestion.hpp"

namespace alignsim::sim {
namespace {

namespace fs = std::filesystem;

// A small catalog with every value kind, a nested section and the run.* keys the loader
// always needs. Sorted order (the catalog's order):
//   demand.channel.mix_share, demand.innovation_rate, demand.lead_volume, demand.seasonal,
//   followup.escalate, followup.routing, followup.sla_floor, run.horizon_days,
//   run.period_days, run.replicates, run.seed, scoring.method, scoring.threshold
ParameterSpec integer_spec(std::string key, std::int64_t value, double minimum, double maximum) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::integer;
  spec.default_value = value;
  spec.minimum = minimum;
  spec.maximum = maximum;
  return spec;
}

ParameterSpec real_spec(std::string key, double value, double minimum, double maximum) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::real;
  spec.default_value = value;
  spec.minimum = minimum;
  spec.maximum = maximum;
  return spec;
}

ParameterSpec boolean_spec(std::string key, bool value) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::boolean;
  spec.default_value = value;
  return spec;
}

ParameterSpec choice_spec(std::string key, std::string value, std::vector<std::string> choices) {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.kind = ValueKind::choice;
  spec.default_value = std::move(value);
  spec.choices = std::move(choices);
  return spec;
}

ParameterCatalog test_catalog() {
  return ParameterCatalog({
      integer_spec("run.horizon_days", 365, 1, 100000),
      integer_spec("run.period_days", 1, 1, 365),
      integer_spec("run.seed", 42, 0, 1e15),
      integer_spec("run.replicates", 10, 1, 100000),
      real_spec("demand.innovation_rate", 0.001, 0, 1),
      integer_spec("demand.lead_volume", 50, 0, 1000),
      boolean_spec("demand.seasonal", false),
      real_spec("demand.channel.mix_share", 0.5, 0, 1),
      real_spec("scoring.threshold", 60, 0, 100),
      choice_spec("scoring.method", "points", {"points", "model", "hybrid"}),
      real_spec("followup.sla_floor", 0.5, 0, 1),
      boolean_spec("followup.escalate", true),
      choice_spec("followup.routing", "round_robin", {"round_robin", "least_loaded"}),
  });
}

::testing::AssertionResult starts_with(const std::string& text, const std::string& prefix) {
  if (text.rfind(prefix, 0) == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\n  message: " << text << "\n expected: " << prefix << "...";
}

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\n  message: " << text << "\n  lacks: " << part;
}

// Each test gets its own fresh directory, removed afterwards.
class ScenarioLoader : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string test_name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = fs::temp_directory_path() / ("alignsim_loader_" + std::to_string(::getpid()) + "_" + test_name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = dir_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

  ScenarioSpec load(const std::string& file, std::vector<std::string> sets = {}) const {
    return load_scenario(LoadRequest{fs::path(file), std::move(sets)}, catalog_);
  }

  // The ScenarioError message, checked to be one line; "" (and a failure) if none.
  std::string error_of(const LoadRequest& request) const {
    try {
      (void)load_scenario(request, catalog_);
    } catch (const ScenarioError& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      return message;
    }
    ADD_FAILURE() << "expected a ScenarioError";
    return "";
  }
  std::string file_error(const std::string& text, std::vector<std::string> sets = {}) const {
    return error_of(LoadRequest{fs::path(write("s.yaml", text)), std::move(sets)});
  }
  std::string set_error(std::vector<std::string> sets) const { return error_of(LoadRequest{std::nullopt, std::move(sets)}); }

  fs::path dir_;
  ParameterCatalog catalog_ = test_catalog();
};

// ---- resolution ----------------------------------------------------------------------

TEST_F(ScenarioLoader, DefaultsOnlyWithoutFile) {
  const ScenarioSpec spec = load_scenario(LoadRequest{}, catalog_);
  EXPECT_EQ(spec.name, "default");
  EXPECT_EQ(spec.description, "");
  EXPECT_EQ(spec.source_file, "");
  ASSERT_EQ(spec.variants.size(), 1u);
  EXPECT_EQ(spec.variants[0].name, "base");
  EXPECT_TRUE(spec.variants[0].overrides.empty());
  ASSERT_EQ(spec.variants[0].resolved.size(), catalog_.all().size());
  for (const auto& [key, setting] : spec.variants[0].resolved) {
    EXPECT_EQ(setting.where.file, "<defaults>") << key;
    EXPECT_EQ(setting.where.line, 0) << key;
    EXPECT_EQ(setting.where.column, 0) << key;
    EXPECT_EQ(setting.value, catalog_.find(key)->default_value) << key;
  }
  EXPECT_EQ(spec.horizon_days, 365);
  EXPECT_EQ(spec.period_days, 1);
  EXPECT_EQ(spec.seed, 42u);
  EXPECT_EQ(spec.replicates, 10);
}

TEST_F(ScenarioLoader, FileOverridesValuesAndRecordsTheirPositions) {
  const std::string file = write("whatif.yaml", R"(name: what_if
description: "A test"
run: {horizon_days: 500, period_days: 5, seed: 1, replicates: 200}
demand:
  innovation_rate: 0.002
  channel:
    mix_share: 0.25
scoring:
  method: model
followup: {escalate: false}
)");
  const ScenarioSpec spec = load(file);
  EXPECT_EQ(spec.name, "what_if");
  EXPECT_EQ(spec.description, "A test");
  EXPECT_EQ(spec.source_file, file);
  EXPECT_EQ(spec.horizon_days, 500);
  EXPECT_EQ(spec.period_days, 5);
  EXPECT_EQ(spec.seed, 1u);
  EXPECT_EQ(spec.replicates, 200);
  const Settings& base = spec.variants.at(0).resolved;
  EXPECT_EQ(get_real(base, "demand.innovation_rate"), 0.002);
  EXPECT_EQ(get_real(base, "demand.channel.mix_share"), 0.25);
  EXPECT_EQ(get_choice(base, "scoring.method"), "model");
  EXPECT_FALSE(get_boolean(base, "followup.escalate"));
  EXPECT_EQ(get_integer(base, "demand.lead_volume"), 50);  // untouched: the default

  const SourceLocation& rate = base.at("demand.innovation_rate").where;
  EXPECT_EQ(rate.file, file);
  EXPECT_EQ(rate.line, 5);
  EXPECT_EQ(rate.column, 20);
  const SourceLocation& seed = base.at("run.seed").where;
  EXPECT_EQ(seed.line, 3);
  EXPECT_EQ(seed.column, 48);
  EXPECT_EQ(base.at("demand.lead_volume").where.file, "<defaults>");
}

TEST_F(ScenarioLoader, NameDefaultsToTheFileStem) {
  EXPECT_EQ(load(write("my_case.yaml", "run: {seed: 3}\n")).name, "my_case");
}

TEST_F(ScenarioLoader, AcceptedNumberSpellingsAndInclusiveBounds) {
  const ScenarioSpec spec = load(write("s.yaml", R"(demand:
  innovation_rate: 1
  lead_volume: +1000
  channel: {mix_share: 1e-3}
scoring: {threshold: -0.0}
run: {replicates: 1}
)"));
  const Settings& base = spec.variants[0].resolved;
  EXPECT_EQ(get_real(base, "demand.innovation_rate"), 1.0);
  EXPECT_EQ(get_integer(base, "demand.lead_volume"), 1000);
  EXPECT_EQ(get_real(base, "demand.channel.mix_share"), 0.001);
  EXPECT_EQ(get_real(base, "scoring.threshold"), 0.0);
  EXPECT_EQ(spec.replicates, 1);
}

TEST_F(ScenarioLoader, ExtendsChainAppliesRootFirstWithPathsRelativeToEachFile) {
  const std::string root = write("parents/root.yaml", R"(name: root
description: from the root
demand: {innovation_rate: 0.1, lead_volume: 7}
scoring: {threshold: 10}
)");
  const std::string mid = write("parents/mid.yaml", R"(extends: root.yaml
demand: {innovation_rate: 0.2}
scoring: {threshold: 20}
)");
  const std::string top = write("top.yaml", "extends: parents/mid.yaml\nscoring: {threshold: 30}\n");
  const ScenarioSpec spec = load(top);
  const Settings& base = spec.variants[0].resolved;
  EXPECT_EQ(get_integer(base, "demand.lead_volume"), 7);
  EXPECT_EQ(base.at("demand.lead_volume").where.file, root);
  EXPECT_EQ(get_real(base, "demand.innovation_rate"), 0.2);
  EXPECT_EQ(base.at("demand.innovation_rate").where.file, mid);
  EXPECT_EQ(base.at("demand.innovation_rate").where.line, 2);
  EXPECT_EQ(get_real(base, "scoring.threshold"), 30.0);
  EXPECT_EQ(base.at("scoring.threshold").where.file, top);
  EXPECT_EQ(spec.name, "root");  // nothing below the root names the scenario
  EXPECT_EQ(spec.description, "from the root");
  EXPECT_EQ(spec.source_file, top);
}

TEST_F(ScenarioLoader, ChildNameAndDescriptionReplaceTheParents) {
  write("parent.yaml", "name: parent\ndescription: parent text\n");
  const ScenarioSpec spec = load(write("child.yaml", "extends: parent.yaml\nname: child\ndescription: child text\n"));
  EXPECT_EQ(spec.name, "child");
  EXPECT_EQ(spec.description, "child text");
}

TEST_F(ScenarioLoader, VariantsResolveOverTheBaseInFileOrder) {
  const std::string file = write("s.yaml", R"(followup: {sla_floor: 0.6}
variants:
  - name: trusted_leads
    description: Trust the leads
    followup: {sla_floor: 0.8}
  - name: mixed
    demand:
      channel: {mix_share: 0.9}
)");
  const ScenarioSpec spec = load(file);
  ASSERT_EQ(spec.variants.size(), 3u);
  EXPECT_EQ(spec.variants[0].name, "base");
  EXPECT_TRUE(spec.variants[0].overrides.empty());
  EXPECT_EQ(get_real(spec.variants[0].resolved, "followup.sla_floor"), 0.6);

  const VariantSpec& trusted = spec.variants[1];
  EXPECT_EQ(trusted.name, "trusted_leads");
  EXPECT_EQ(trusted.description, "Trust the leads");
  ASSERT_EQ(trusted.overrides.size(), 1u);
  EXPECT_EQ(get_real(trusted.overrides, "followup.sla_floor"), 0.8);
  EXPECT_EQ(trusted.overrides.at("followup.sla_floor").where.line, 5);
  EXPECT_EQ(trusted.overrides.at("followup.sla_floor").where.column, 27);
  EXPECT_EQ(get_real(trusted.resolved, "followup.sla_floor"), 0.8);
  EXPECT_EQ(trusted.resolved.size(), catalog_.all().size());

  const VariantSpec& mixed = spec.variants[2];
  EXPECT_EQ(mixed.name, "mixed");
  EXPECT_EQ(get_real(mixed.resolved, "demand.channel.mix_share"), 0.9);
  EXPECT_EQ(get_real(mixed.resolved, "followup.sla_floor"), 0.6);  // from the base
}

TEST_F(ScenarioLoader, VariantsAreInheritedUnlessTheChildGivesItsOwnList) {
  const std::string parent = write("parent.yaml", "variants:\n  - name: from_parent\n    demand: {seasonal: true}\n");
  const ScenarioSpec inherits = load(write("inherits.yaml", "extends: parent.yaml\n"));
  ASSERT_EQ(inherits.variants.size(), 2u);
  EXPECT_EQ(inherits.variants[1].name, "from_parent");
  EXPECT_EQ(inherits.variants[1].overrides.at("demand.seasonal").where.file, parent);

  const ScenarioSpec emptied = load(write("emptied.yaml", "extends: parent.yaml\nvariants: []\n"));
  EXPECT_EQ(emptied.variants.size(), 1u);

  const ScenarioSpec replaced = load(write("replaced.yaml", "extends: parent.yaml\nvariants:\n  - name: own\n"));
  ASSERT_EQ(replaced.variants.size(), 2u);
  EXPECT_EQ(replaced.variants[1].name, "own");
  EXPECT_FALSE(get_boolean(replaced.variants[1].resolved, "demand.seasonal"));
}

TEST_F(ScenarioLoader, SetBeatsFilesButNotAVariantsOwnOverride) {
  const std::string file = write("s.yaml", R"(followup: {sla_floor: 0.6}
variants:
  - name: own_floor
    followup: {sla_floor: 0.8}
  - name: other
    demand: {seasonal: true}
)");
  const ScenarioSpec spec = load(file, {"followup.sla_floor=0.7"});
  EXPECT_EQ(get_real(spec.variants[0].resolved, "followup.sla_floor"), 0.7);
  EXPECT_EQ(get_real(spec.variants[1].resolved, "followup.sla_floor"), 0.8);
  EXPECT_EQ(get_real(spec.variants[2].resolved, "followup.sla_floor"), 0.7);
  const SourceLocation& where = spec.variants[0].resolved.at("followup.sla_floor").where;
  EXPECT_EQ(where.file, "<command line>");
  EXPECT_EQ(where.line, 1);
  EXPECT_EQ(where.column, 20);
}

TEST_F(ScenarioLoader, LaterSetWinsAndSetWorksWithoutAFile) {
  const ScenarioSpec spec = load_scenario(
      LoadRequest{std::nullopt, {"run.seed=5", "demand.seasonal=true", "scoring.method = hybrid", "run.seed=6"}},
      catalog_);
  EXPECT_EQ(spec.seed, 6u);
  EXPECT_EQ(spec.variants[0].resolved.at("run.seed").where.line, 4);
  EXPECT_TRUE(get_boolean(spec.variants[0].resolved, "demand.seasonal"));
  EXPECT_EQ(get_choice(spec.variants[0].resolved, "scoring.method"), "hybrid");
}

TEST_F(ScenarioLoader, Utf8ByteOrderMarkIsAcceptedAndDoesNotShiftColumns) {
  const ScenarioSpec spec = load(write("bom.yaml", "\xEF\xBB\xBF" "demand: {innovation_rate: 0.3}\n"));
  EXPECT_EQ(get_real(spec.variants[0].resolved, "demand.innovation_rate"), 0.3);
  EXPECT_EQ(spec.variants[0].resolved.at("demand.innovation_rate").where.column, 27);
  EXPECT_TRUE(starts_with(file_error("\xEF\xBB\xBF" "demnd: {}\n"), path("s.yaml") + ":1:1: demnd: unknown key"));
}

TEST_F(ScenarioLoader, WindowsLineEndingsAreAccepted) {
  const ScenarioSpec spec = load(write("crlf.yaml", "demand:\r\n  lead_volume: 12\r\nvariants:\r\n  - name: a\r\n"));
  EXPECT_EQ(get_integer(spec.variants[0].resolved, "demand.lead_volume"), 12);
  EXPECT_EQ(spec.variants.at(1).name, "a");
  EXPECT_TRUE(starts_with(file_error("demand: {}\r\n---\r\nrun: {}\r\n"), path("s.yaml") + ":2:1: a second YAML document"));
}

TEST_F(ScenarioLoader, BlockScalarsKeepTheirExactText) {
  const ScenarioSpec kept = load(write("kept.yaml", "name: k\ndescription: |+\n  two lines\n  here\n\n"));
  EXPECT_EQ(kept.description, "two lines\nhere\n\n");
  const ScenarioSpec clipped = load(write("clipped.yaml", "description: >\n  folded\n  text\n"));
  EXPECT_EQ(clipped.description, "folded text\n");
}

// ---- resolved YAML ---------------------------------------------------------------------

TEST_F(ScenarioLoader, ResolvedYamlHasEveryKeyNestedInCatalogOrder) {
  const ScenarioSpec spec = load(write("s.yaml", R"(name: small
description: Say "hi"
followup: {routing: least_loaded}
variants:
  - name: v1
    demand: {channel: {mix_share: 0.75}}
)"));
  const std::string expected = R"(name: small
description: "Say \"hi\""
demand:
  channel:
    mix_share: 0.5
  innovation_rate: 0.001
  lead_volume: 50
  seasonal: false
followup:
  escalate: true
  routing: least_loaded
  sla_floor: 0.5
run:
  horizon_days: 365
  period_days: 1
  replicates: 10
  seed: 42
scoring:
  method: points
  threshold: 60
variants:
  - name: v1
    description: ""
    demand:
      channel:
        mix_share: 0.75
)";
  EXPECT_EQ(spec.resolved_yaml, expected);
}

void expect_same_settings(const Settings& a, const Settings& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (const auto& [key, setting] : a) {
    ASSERT_TRUE(b.count(key)) << what << " " << key;
    EXPECT_EQ(setting.value, b.at(key).value) << what << " " << key;
  }
}

TEST_F(ScenarioLoader, ResolvedYamlLoadsBackToTheSameResolution) {
  write("parent.yaml", "demand: {innovation_rate: 0.123456789012345, lead_volume: 9}\n");
  const std::string file = write("s.yaml", R"(extends: parent.yaml
name: round_trip
description: "Quotes \" and \\ backslash, colon: yes, # hash, tab\t, newline\n, ünïcødé"
run: {seed: 987654321, replicates: 3}
scoring: {method: hybrid, threshold: 1e-7}
variants:
  - name: alpha
    description: first
    followup: {routing: least_loaded, escalate: false}
  - name: beta
    demand: {channel: {mix_share: 0.3333333333333333}}
)");
  const ScenarioSpec first = load(file, {"followup.sla_floor=0.9", "demand.seasonal=true"});
  const ScenarioSpec again = load(file, {"followup.sla_floor=0.9", "demand.seasonal=true"});
  EXPECT_EQ(first.resolved_yaml, again.resolved_yaml);  // deterministic

  const ScenarioSpec reloaded = load(write("resolved.yaml", first.resolved_yaml));
  EXPECT_EQ(reloaded.resolved_yaml, first.resolved_yaml);
  EXPECT_EQ(reloaded.name, first.name);
  EXPECT_EQ(reloaded.description, first.description);
  EXPECT_EQ(reloaded.seed, first.seed);
  EXPECT_EQ(reloaded.replicates, first.replicates);
  EXPECT_EQ(reloaded.horizon_days, first.horizon_days);
  EXPECT_EQ(reloaded.period_days, first.period_days);
  ASSERT_EQ(reloaded.variants.size(), first.variants.size());
  for (std::size_t i = 0; i < first.variants.size(); ++i) {
    EXPECT_EQ(reloaded.variants[i].name, first.variants[i].name);
    EXPECT_EQ(reloaded.variants[i].description, first.variants[i].description);
    expect_same_settings(reloaded.variants[i].overrides, first.variants[i].overrides, "overrides " + first.variants[i].name);
    expect_same_settings(reloaded.variants[i].resolved, first.variants[i].resolved, "resolved " + first.variants[i].name);
  }
  EXPECT_EQ(get_real(reloaded.variants[0].resolved, "demand.innovation_rate"), 0.123456789012345);
  EXPECT_EQ(get_real(reloaded.variants[0].resolved, "followup.sla_floor"), 0.9);
}

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

// ---- files and extends ----------------------------------------------------------------------

TEST_F(ScenarioLoader, MissingTopFileIsReportedWithLineZero) {
  EXPECT_EQ(error_of(LoadRequest{fs::path(path("missing.yaml")), {}}),
            path("missing.yaml") + ":0:0: cannot read the file: No such file or directory (a readable YAML scenario file)");
}

TEST_F(ScenarioLoader, DirectoryIsNotAScenarioFile) {
  EXPECT_TRUE(starts_with(error_of(LoadRequest{dir_, {}}), dir_.string() + ":0:0: cannot read the file: it is a directory"));
}

TEST_F(ScenarioLoader, EndlessFileStopsAtTheSizeLimit) {
  EXPECT_EQ(error_of(LoadRequest{fs::path("/dev/zero"), {}}),
            "/dev/zero:0:0: the file is larger than 16 MiB (scenario files are small YAML text files)");
}

TEST_F(ScenarioLoader, MissingExtendsTargetPointsAtTheExtendsKey) {
  EXPECT_EQ(file_error("name: x\nextends: nope/base.yaml\n"),
            path("s.yaml") + ":2:1: extends: cannot read '" + path("nope/base.yaml") +
                "': No such file or directory (a readable YAML file; a relative path starts at this file's directory)");
}

TEST_F(ScenarioLoader, ProblemsInAnExtendedFileNameThatFile) {
  const std::string parent = write("sub/parent.yaml", "demand:\n  lead_volume: -1\n");
  EXPECT_TRUE(starts_with(file_error("extends: sub/parent.yaml\n"), parent + ":2:16: demand.lead_volume: '-1' is out of range"));
}

TEST_F(ScenarioLoader, ExtendsCycleNamesTheChain) {
  const std::string a = write("a.yaml", "extends: b.yaml\n");
  const std::string b = write("b.yaml", "demand: {}\nextends: ./sub/../a.yaml\n");
  EXPECT_EQ(error_of(LoadRequest{fs::path(a), {}}),
            b + ":2:1: extends: the files extend each other in a cycle: " + a + " -> " + b + " -> " + a +
                " (extends must form a chain that ends in a file without extends)");
  const std::string self = write("self.yaml", "extends: self.yaml\n");
  EXPECT_TRUE(starts_with(error_of(LoadRequest{fs::path(self), {}}),
                          self + ":1:1: extends: the files extend each other in a cycle: " + self + " -> " + self));
}

TEST_F(ScenarioLoader, MalformedYamlIsWrappedWithItsPosition) {
  EXPECT_EQ(file_error("demand: {innovation_rate: 0.1\n"),
            path("s.yaml") + ":2:1: invalid YAML: end of map flow not found (valid YAML; check brackets, quotes, colons "
                             "and indentation)");
  EXPECT_TRUE(starts_with(file_error("demand:\n  lead_volume: 1\n bad: [\n"), path("s.yaml") + ":3:"));
  // yaml-cpp alone would read the rest of the file into the open quote.
  EXPECT_EQ(file_error("name: \"unterminated\nrun: {seed: 1}\n"),
            path("s.yaml") + ":1:7: quoted text is not closed before the end of the file (close it with the same quote mark)");
  EXPECT_TRUE(starts_with(file_error("demand: {lead_volume: 1}\n\"open key\n"), path("s.yaml") + ":2:1: quoted text is not closed"));
  EXPECT_TRUE(starts_with(file_error("variants:\n  - name: a\n    description: \"never closed"),
                          path("s.yaml") + ":3:18: quoted text is not closed"));
  EXPECT_TRUE(starts_with(file_error("name: 'unterminated\nrun: {seed: 1}\n"), path("s.yaml") + ":1:7: quoted text is not closed"));
  EXPECT_TRUE(starts_with(file_error("demand: *nowhere\n"), path("s.yaml") + ":1:9: invalid YAML: the referenced anchor is not defined"));
}

TEST_F(ScenarioLoader, EmptyOrCommentOnlyFiles) {
  const std::string expected =
      path("s.yaml") + ":0:0: the file is empty or holds only comments (a mapping of scenario keys, e.g. 'run: {seed: 1}')";
  EXPECT_EQ(file_error(""), expected);
  EXPECT_EQ(file_error("# nothing\n\n   # here either\n"), expected);
  EXPECT_EQ(file_error("\n  \n"), expected);
}

TEST_F(ScenarioLoader, TopLevelMustBeAMapping) {
  EXPECT_EQ(file_error("- a\n- b\n"),
            path("s.yaml") + ":1:1: the top level is a list, not a mapping (a mapping of scenario keys, e.g. 'run: {seed: 1}')");
  EXPECT_TRUE(starts_with(file_error("# comment\njust some text\n"), path("s.yaml") + ":2:1: the top level is a single value, not a mapping"));
}

TEST_F(ScenarioLoader, OnlyOneYamlDocumentPerFile) {
  EXPECT_EQ(file_error("demand: {}\n---\nrun: {seed: 2}\n"),
            path("s.yaml") + ":2:1: a second YAML document starts here (one YAML document per scenario file; use extends "
                             "to combine files)");
  EXPECT_TRUE(starts_with(file_error("demand: {}\n...\nrun: {seed: 2}\n"),
                          path("s.yaml") + ":3:1: text after the document end marker '...'"));
  // A single document may still start with "---" and end with "...".
  EXPECT_EQ(load(write("ok.yaml", "# header\n--- # the scenario\ndemand: {lead_volume: 4}\n...\n# end\n")).variants[0].resolved.at("demand.lead_volume").value,
            ParameterValue(std::int64_t{4}));
}

TEST_F(ScenarioLoader, DeepNestingGivesAClearErrorInsteadOfAStackOverflow) {
  EXPECT_TRUE(starts_with(file_error("demand: " + std::string(100000, '[') + "\n"),
                          path("s.yaml") + ":2:1: nesting is too deep (scenario files nest only a few levels)"));
  std::string block_lists;
  for (int i = 0; i < 100000; ++i) block_lists += "- ";
  EXPECT_TRUE(contains(file_error(block_lists + "x\n"), ": nesting is too deep"));
  std::string flow_maps;
  for (int i = 0; i < 100000; ++i) flow_maps += "{a: ";
  EXPECT_TRUE(contains(file_error(flow_maps + "\n"), ": nesting is too deep"));
  EXPECT_TRUE(contains(set_error({"demand.lead_volume=" + std::string(100000, '[')}), "<command line>:1:20: demand.lead_volume: nesting is too deep"));
  // Nesting the catalog does not have is simply the wrong type, found without descending.
  EXPECT_TRUE(starts_with(file_error("demand: {lead_volume: " + std::string(200, '[') + std::string(200, ']') + "}\n"),
                          path("s.yaml") + ":1:23: demand.lead_volume: a list where a single value is expected"));
}

TEST_F(ScenarioLoader, BinaryOrWronglyEncodedFiles) {
  const std::string hint = " (scenario files are UTF-8 YAML text; is this the right file?)";
  EXPECT_EQ(file_error(std::string("demand: {}\nab\0cd", 16)), path("s.yaml") + ":2:3: the file contains a NUL byte" + hint);
  EXPECT_EQ(file_error("name: caf\xE9\n"), path("s.yaml") + ":1:10: the file is not valid UTF-8" + hint);
  EXPECT_EQ(file_error("name: a\x01" "b\n"), path("s.yaml") + ":1:8: the file contains control character \\x01" + hint);
  EXPECT_EQ(file_error("\xFF\xFE" "d\0e\0m\0"), path("s.yaml") + ":1:1: the file is not valid UTF-8" + hint);  // UTF-16
  EXPECT_EQ(file_error("name: caf\xC3\xA9\xC3\n"), path("s.yaml") + ":1:12: the file is not valid UTF-8" + hint);
}

// Deterministic pseudo-random bytes for the robustness tests (splitmix64).
struct ByteSource {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

TEST_F(ScenarioLoader, GarbageBytesGiveAScenarioError) {
  ByteSource bytes{7};
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>(bytes.next() & 0xFF);
  EXPECT_TRUE(starts_with(file_error(garbage), path("s.yaml") + ":1:"));
}

// Random edits of a valid file must load or fail with a one-line ScenarioError naming the
// file: never another exception, a crash or a hang.
TEST_F(ScenarioLoader, MutatedInputNeverLeaksAnotherException) {
  const std::string valid = R"(name: fuzz
run: {horizon_days: 500, seed: 1}
demand:
  innovation_rate: 0.002
  channel: {mix_share: 0.25}
variants:
  - name: a
    followup: {sla_floor: 0.8, routing: least_loaded}
)";
  const std::string alphabet = "[]{}:,-?&*!|>'\"#%@` \n\t.0123456789abcdefxyz~\\\xC3\xA9\xFF";
  ByteSource bytes{42};
  for (int round = 0; round < 400; ++round) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(bytes.next() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = bytes.next() % (text.size() + 1);
      const char c = alphabet[bytes.next() % alphabet.size()];
      switch (bytes.next() % 3) {
        case 0: text.insert(at, 1, c); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = c; break;
      }
    }
    const std::string file = write("fuzz.yaml", text);
    try {
      (void)load(file, {"run.seed=" + text.substr(bytes.next() % text.size(), 3)});
    } catch (const ScenarioError& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_TRUE(message.rfind(file + ":", 0) == 0 || message.rfind("<command line>:1:", 0) == 0) << message;
    } catch (const std::exception& other) {
      ADD_FAILURE() << "round " << round << " leaked " << other.what() << " for:\n" << text;
    }
  }
}

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

// ---- key suggestions -------------------------------------------------------------------------------

TEST(KeySuggestion, EditDistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(detail::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(detail::edit_distance("seed", "sede"), 1u);
  EXPECT_EQ(detail::edit_distance("", "abc"), 3u);
  EXPECT_EQ(detail::edit_distance("same", "same"), 0u);
}

TEST(KeySuggestion, SuggestsOnlyCloseKeysAndPrefersTheFirstOnTies) {
  const std::vector<std::string> keys{"run.seed", "run.need", "demand.rate", "scoring.rate_floor"};
  EXPECT_EQ(detail::suggest_key("run.sed", keys), "run.seed");
  EXPECT_EQ(detail::suggest_key("run.xeed", keys), "run.seed");  // tie with run.need: first wins
  EXPECT_EQ(detail::suggest_key("followup.rate_floor", keys), "scoring.rate_floor");  // same leaf
  EXPECT_EQ(detail::suggest_key("run.replicates", keys), std::nullopt);
  EXPECT_EQ(detail::suggest_key("other.rate", std::vector<std::string>{"demand.rate", "supply.rate"}), std::nullopt);  // ambiguous leaf
}

}  // namespace
}  // namespace alignsim::sim
