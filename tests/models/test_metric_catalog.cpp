// The model's metric catalogue: the enum order is checked at compile time
// (metric_catalog.cpp); here, the presentation it defines is consistent.
#include "models/metric_catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

namespace alignsim::model {
namespace {

TEST(MetricCatalog, EnumsIndexTheirSpecs) {
  const sim::OutputLayout& layout = model_output_layout();
  ASSERT_EQ(layout.summary.size(), static_cast<std::size_t>(Summary::count));
  ASSERT_EQ(layout.series.size(), static_cast<std::size_t>(Series::count));
  EXPECT_EQ(layout.summary[static_cast<std::size_t>(Summary::bookings_usd)].name, "bookings_usd");
  EXPECT_EQ(layout.summary[static_cast<std::size_t>(Summary::feedback_reports)].name, "feedback_reports");
  EXPECT_EQ(layout.series[static_cast<std::size_t>(Series::selling_time_share)].name, "selling_time_share");
}

TEST(MetricCatalog, RanksAreDistinctAndHeadlinesAreKeyOutcomes) {
  std::set<int> key_ranks, headline_ranks;
  std::set<std::string> names;
  for (const sim::MetricSpec& m : model_output_layout().summary) {
    EXPECT_TRUE(names.insert(m.name).second) << m.name;
    EXPECT_FALSE(m.label.empty()) << m.name << " has no label";
    if (m.key_outcome_rank > 0) {
      EXPECT_TRUE(key_ranks.insert(m.key_outcome_rank).second) << m.name;
    }
    if (m.headline_rank > 0) {
      EXPECT_TRUE(headline_ranks.insert(m.headline_rank).second) << m.name;
      EXPECT_GT(m.key_outcome_rank, 0) << m.name << " is a headline but not a key outcome";
    }
  }
  EXPECT_EQ(headline_ranks, (std::set<int>{1, 2, 3, 4}));
  EXPECT_EQ(*key_ranks.rbegin(), static_cast<int>(key_ranks.size()));  // 1..K without gaps
}

// Each chart's ranks are 1..N without gaps or repeats, so the report draws every
// listed metric once, in order.
std::vector<int> ranks_of(const std::vector<sim::MetricSpec>& specs, int sim::MetricSpec::*rank) {
  std::vector<int> ranks;
  for (const sim::MetricSpec& m : specs) {
    if (m.*rank > 0) ranks.push_back(m.*rank);
  }
  std::sort(ranks.begin(), ranks.end());
  return ranks;
}

std::vector<int> one_to(int n) {
  std::vector<int> ranks(static_cast<std::size_t>(n));
  std::iota(ranks.begin(), ranks.end(), 1);
  return ranks;
}

TEST(MetricCatalog, EachChartListsItsMetricsOnceInOrder) {
  const sim::OutputLayout& layout = model_output_layout();
  EXPECT_EQ(ranks_of(layout.summary, &sim::MetricSpec::chart_rank), one_to(6));
  EXPECT_EQ(ranks_of(layout.summary, &sim::MetricSpec::funnel_rank), one_to(10));
  EXPECT_EQ(ranks_of(layout.series, &sim::MetricSpec::chart_rank), one_to(6));
  EXPECT_EQ(ranks_of(layout.series, &sim::MetricSpec::runs_chart_rank), one_to(2));
  EXPECT_EQ(layout.summary[static_cast<std::size_t>(Summary::bookings_usd)].chart_rank, 1);
  EXPECT_EQ(layout.summary[static_cast<std::size_t>(Summary::inquiries)].funnel_rank, 1);
  EXPECT_EQ(layout.series[static_cast<std::size_t>(Series::mean_rep_trust)].runs_chart_rank, 1);
  for (const sim::MetricSpec& m : layout.summary) {  // the funnel's stages are counts, its steps shares
    if (m.funnel_rank > 0) {
      EXPECT_EQ(m.unit == "1", m.funnel_rank > 5) << m.name;
    }
  }
}

TEST(MetricCatalog, SharesLieInTheUnitIntervalAndNothingIsNegative) {
  for (const sim::MetricSpec& m : model_output_layout().summary) {
    EXPECT_EQ(m.lowest, 0.0) << m.name;
    if (m.unit == "1" && m.name != "marketing_budget_share_of_revenue") {
      EXPECT_EQ(m.highest, 1.0) << m.name;
    }
  }
}

}  // namespace
}  // namespace alignsim::model
