// Effects over an ensemble (experiment/ensemble_effects.hpp) and the ensemble file
// (experiment/ensemble_file.hpp), against hand-computed numbers.
#include <gtest/gtest.h>

#include <cmath>

#include "experiment/ensemble_effects.hpp"
#include "experiment/experiment.hpp"
#include "sim/errors.hpp"

namespace alignsim::experiment {
namespace {

TEST(Quantile, IsType7) {
  // R: quantile(c(1, 2, 3, 4, 10), c(0.05, 0.5, 0.95)) = 1.2, 3, 8.8
  EXPECT_NEAR(quantile({10, 1, 3, 2, 4}, 0.05), 1.2, 1e-12);
  EXPECT_NEAR(quantile({10, 1, 3, 2, 4}, 0.5), 3.0, 1e-12);
  EXPECT_NEAR(quantile({10, 1, 3, 2, 4, NAN}, 0.95), 8.8, 1e-12);
  EXPECT_TRUE(std::isnan(quantile({NAN}, 0.5)));
}

TEST(Spearman, RanksWithTiesAveraged) {
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0, 1e-12);
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0, 1e-12);
  // x ranks 1, 2, 3, 4; y = (1, 1, 2, 3) ranks 1.5, 1.5, 3, 4: Pearson of the ranks = 0.9486833
  EXPECT_NEAR(spearman({1, 2, 3, 4}, {1, 1, 2, 3}), 0.9486832980505138, 1e-12);
  EXPECT_TRUE(std::isnan(spearman({1, 2, 3}, {5, 5, 5})));
  EXPECT_TRUE(std::isnan(spearman({1, 2}, {1, 2})));
}

sim::RunOutput run_with(double value) {
  sim::RunOutput run;
  run.summary = {value};
  return run;
}

TEST(EnsembleEffects, AveragesEachMembersPairsAndRanksTheAssumptions) {
  Ensemble ensemble;
  ensemble.keys = {"a", "b"};
  // a rises with the member index, b falls then rises: the effect follows a.
  ensemble.values = {{1, 5}, {2, 1}, {3, 4}, {4, 2}, {5, 3}};
  ensemble.members.resize(5);
  EnsembleEffects effects(2, 1, ensemble);
  // Member m (replicates m and m + 5): base 10, what-if 10 (1 + m / 10) and 10 (1 + m / 10) + 2, 0.
  for (std::size_t r = 0; r < 10; ++r) {
    const std::size_t m = r % 5;
    effects.add(0, r, run_with(10));
    effects.add(1, r, run_with(10 * (1 + 0.1 * double(m)) + (r < 5 ? 2 : 0)));
  }
  EXPECT_EQ(effects.replicates_per_member(), 2u);
  const std::vector<double> relative = effects.member_effects(1, 0, true);
  ASSERT_EQ(relative.size(), 5u);
  for (std::size_t m = 0; m < 5; ++m) EXPECT_NEAR(relative[m], 0.1 * double(m) + 0.1, 1e-12);  // +1 of 10 on average
  const std::vector<double> difference = effects.member_effects(1, 0, false);
  EXPECT_NEAR(difference[3], 4.0, 1e-12);
  const EffectRange range = effects.range(1, 0, true);
  EXPECT_EQ(range.members, 5u);
  EXPECT_NEAR(range.low, 0.1 + 0.4 * 0.05, 1e-12);  // type 7 over 0.1 .. 0.5
  EXPECT_NEAR(range.high, 0.1 + 0.4 * 0.95, 1e-12);
  ASSERT_FALSE(range.drivers.empty());
  EXPECT_EQ(range.drivers[0].first, 0u);
  EXPECT_NEAR(range.drivers[0].second, 1.0, 1e-12);
  // b's ranks 5, 1, 4, 2, 3 against 1..5: rho = -0.3, rho^2 0.09 < 0.1, not named.
  EXPECT_EQ(range.drivers.size(), 1u);
}

TEST(EnsembleEffects, LeaveFailedPairsOut) {
  Ensemble ensemble;
  ensemble.keys = {"a"};
  ensemble.values = {{1}};
  ensemble.members.resize(1);
  EnsembleEffects effects(2, 1, ensemble);
  effects.add(0, 0, run_with(10));
  effects.add(1, 0, run_with(NAN));
  effects.add(0, 1, run_with(10));
  effects.add(1, 1, run_with(12));
  EXPECT_NEAR(effects.member_effects(1, 0, true)[0], 0.2, 1e-12);
}

TEST(EnsembleFile, ReadsMembersAndNamesFileLineAndKeyOfABadValue) {
  const Experiment base = load_experiment({});
  const sim::ParameterCatalog& catalog = base.model->catalog();
  const Ensemble ensemble = read_ensemble_text(
      "e.yaml", "factors:\n  - followup.trust_midpoint\n  - population.reps\nmembers:\n  - [0.3, 12]\n  - [0.4, 7]\n", catalog);
  ASSERT_EQ(ensemble.size(), 2u);
  EXPECT_EQ(ensemble.keys[1], "population.reps");
  EXPECT_DOUBLE_EQ(ensemble.values[1][0], 0.4);
  EXPECT_EQ(std::get<std::int64_t>(ensemble.members[0].at("population.reps").value), 12);
  EXPECT_EQ(ensemble.members[1].at("followup.trust_midpoint").where.line, 6);
  sim::Settings keep;
  keep.emplace("population.reps", sim::SettingValue{std::int64_t{3}, {}});
  const sim::Settings with = settings_with_member(base.spec.variants[0].resolved, ensemble, 1, keep);
  EXPECT_DOUBLE_EQ(sim::get_real(with, "followup.trust_midpoint"), 0.4);
  EXPECT_EQ(sim::get_integer(with, "population.reps"), sim::get_integer(base.spec.variants[0].resolved, "population.reps"));
  try {
    static_cast<void>(read_ensemble_text("e.yaml", "factors: [population.reps]\nmembers:\n  - [1.5]\n", catalog));
    FAIL() << "a fractional integer was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("e.yaml:3:6: members[0].population.reps"), std::string::npos) << e.what();
  }
  EXPECT_THROW(static_cast<void>(read_ensemble_text("e.yaml", "factors: [followup.routing]\nmembers:\n  - [1]\n", catalog)),
               ScenarioError);
  EXPECT_THROW(static_cast<void>(read_ensemble_text("e.yaml", "factors: [a.b]\nextra: 1\n", catalog)), ScenarioError);
}

}  // namespace
}  // namespace alignsim::experiment
