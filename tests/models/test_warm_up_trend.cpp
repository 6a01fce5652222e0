// The default warm-up removes the start-up trend of the baseline's key weekly series
// (docs/model.md section 5), and the same test detects the trend without a warm-up.
//
// Statistic: per replicate r, the early change minus a later change over the same gap,
// d_r = (weeks 17-24 - weeks 1-8) - (weeks 41-48 - weeks 25-32). A start-up transient
// (an empty pipeline filling, trust settling) moves the early change only; the slow,
// steady drift of the market does not move d (it is in both changes). Over R = 40
// replicates the test asks |mean d| <= 3 SE, SE = sd(d_r) / sqrt(R) (z = 3 keeps the
// false alarm of seven series near 2% if no transient existed).
//
// Why not the early change alone (this test's first form): the baseline's market drifts
// as well-fitting accounts become customers (docs/model.md section 5): over two years
// MQLs fall about 20% and worked leads 25%, already about 3% from weeks 1-8 to 17-24.
// Measured with 200 replicates on 3 December 2026, the early change of worked leads
// alone is 3-4 SE below zero both before and after issue 17 changed the draws
// (z -4.2 and -3.2); at 40 replicates it had passed by chance before and failed after.
// The drift steepens slowly (depletion accelerates), which the difference of changes
// sees only with many replicates: z of about 3.5-4 for wins and the open pipeline at 200
// replicates, under 2.3 for every series at 40.
//
// The baseline runs at its budget's fixed point (the two overrides below): with its
// $1,000/day start the budget grows about 6-fold into its fixed point over the first year
// (M15), a trend of the scenario's setting that no warm-up holding the budget removes.
#include <gtest/gtest.h>

#include <cmath>

#include "model_test_support.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace alignsim::model {
namespace {

constexpr int kReplicates = 40;

std::shared_ptr<const ModelParameters> baseline(const std::vector<std::string>& sets) {
  sim::LoadRequest request;
  request.file = std::string(ALIGNSIM_SOURCE_DIR) + "/scenarios/baseline.yaml";
  request.set_overrides = sets;
  request.set_overrides.push_back("budget.initial_marketing_usd_per_day=6000");
  request.set_overrides.push_back("demand.innovation_rate=0.00352");
  const auto scenario = sim::load_scenario(request, model_catalog());
  return std::make_shared<const ModelParameters>(model_parameters_from(scenario.variants[0].resolved));
}

struct Trend {
  double mean = 0, se = 0;
  [[nodiscard]] double z() const { return mean / se; }
};

enum class Key { mqls, worked, qualified, wins, open_pipeline, customers_added, trust, count };
const char* const kNames[] = {"MQLs", "worked", "qualified", "wins", "open pipeline", "customers added", "mean trust"};

// Weekly value of `key` in week w (0-based) of one run.
double weekly(const sim::RunOutput& out, const ModelParameters& p, Key key, std::size_t w) {
  auto at = [&](Series s, std::size_t period) { return testing::series(out, p, s, period); };
  switch (key) {
    case Key::mqls: return at(Series::mqls, w);
    case Key::worked: return at(Series::mqls_worked, w);
    case Key::qualified: return at(Series::qualified, w);
    case Key::wins: return at(Series::wins, w);
    case Key::open_pipeline: return at(Series::open_pipeline, w);
    case Key::customers_added: return at(Series::customers, w + 1) - at(Series::customers, w);  // net, week w+1
    case Key::trust: return at(Series::mean_rep_trust, w);
    case Key::count: break;
  }
  return 0.0;
}

double window_mean(const sim::RunOutput& out, const ModelParameters& p, Key key, std::size_t first, std::size_t n) {
  double sum = 0;
  for (std::size_t w = first; w < first + n; ++w) sum += weekly(out, p, key, w);
  return sum / static_cast<double>(n);
}

std::vector<Trend> start_up_trends(const std::shared_ptr<const ModelParameters>& p) {
  const auto keys = static_cast<std::size_t>(Key::count);
  std::vector<double> sum(keys), sum_sq(keys);
  for (int r = 0; r < kReplicates; ++r) {
    const auto out = run_model(p, static_cast<std::uint32_t>(r));
    for (std::size_t k = 0; k < keys; ++k) {
      const auto change = [&](std::size_t from, std::size_t to) {
        return window_mean(out, *p, static_cast<Key>(k), to, 8) - window_mean(out, *p, static_cast<Key>(k), from, 8);
      };
      const double d = change(0, 16) - change(24, 40);
      sum[k] += d;
      sum_sq[k] += d * d;
    }
  }
  std::vector<Trend> trends(keys);
  for (std::size_t k = 0; k < keys; ++k) {
    const double mean = sum[k] / kReplicates;
    const double variance = (sum_sq[k] - kReplicates * mean * mean) / (kReplicates - 1);
    trends[k] = {mean, std::sqrt(variance / kReplicates)};
  }
  return trends;
}

TEST(WarmUpTrend, DefaultWarmUpLeavesNoStartUpTrendInTheBaseline) {
  const auto p = baseline({});
  ASSERT_EQ(p->run.warmup_days, 140);  // the catalog default
  const auto trends = start_up_trends(p);
  for (std::size_t k = 0; k < trends.size(); ++k) {
    EXPECT_LE(std::fabs(trends[k].z()), 3.0) << kNames[k] << ": early minus later change = " << trends[k].mean
                                              << " (SE " << trends[k].se << ")";
  }
}

TEST(WarmUpTrend, WithoutWarmUpTheSameTestFindsTheStartUpTrend) {
  const auto trends = start_up_trends(baseline({"run.warmup_days=0"}));
  // MQLs are left out: they depend on the market and the budget only, both of which
  // start at their steady state here; every stage after them starts empty. Mean trust is
  // left out too: with the baseline's four marketers (M18) whose bars adapt, its drift
  // over the first 24 cold weeks is smaller than the replicates' spread can resolve at 40
  // replicates (z = 2.8 when measured on 2 December 2026); the warmed-up test above still
  // holds it.
  for (Key key : {Key::worked, Key::qualified, Key::wins, Key::open_pipeline, Key::customers_added}) {
    const Trend& t = trends[static_cast<std::size_t>(key)];
    EXPECT_GT(std::fabs(t.z()), 3.0) << kNames[static_cast<std::size_t>(key)] << ": " << t.mean << " (SE " << t.se
                                     << ")";
  }
}

}  // namespace
}  // namespace alignsim::model
