// Scenario loading: how files, extends, variants and --set resolve, and the resolved YAML.
#include "tests/sim/scenario/scenario_loader_fixture.hpp"

namespace alignsim::sim {
namespace {

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

}  // namespace
}  // namespace alignsim::sim
