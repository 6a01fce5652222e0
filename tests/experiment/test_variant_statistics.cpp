// VariantStatistics clips confidence intervals to each metric's range: with few
// replicates a t interval of a share reaches below 0, which the true mean cannot.
#include "experiment/variant_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace alignsim::experiment {
namespace {

const std::vector<sim::MetricSpec>& metrics() {
  static const std::vector<sim::MetricSpec> specs{
      {"share", "1", "a share", 0.0, 1.0},
      {"count", "leads", "a count", 0.0},
      {"signed", "USD", "unbounded"},
  };
  return specs;
}

VariantStatistics three_replicates(const std::vector<double>& shares, const std::vector<double>& counts) {
  VariantStatistics statistics(1, metrics());
  for (std::size_t r = 0; r < shares.size(); ++r) {
    statistics.add(0, r, sim::RunOutput{{shares[r], counts[r], counts[r] - 10.0}, {}, ""});
  }
  return statistics;
}

TEST(VariantStatistics, IntervalsAreClippedToTheMetricsRange) {
  // Shares 0, 0, 0.3: mean 0.1, standard error 0.1, t(0.975, 2) = 4.3027 -> [-0.330, 0.530].
  const VariantStatistics statistics = three_replicates({0.0, 0.0, 0.3}, {1, 2, 30});
  const sim::ConfidenceInterval share = statistics.mean(0, 0);
  EXPECT_NEAR(share.estimate, 0.1, 1e-12);
  EXPECT_EQ(share.low, 0.0);
  EXPECT_NEAR(share.high, 0.1 + 4.302652729911275 * 0.1, 1e-9);
  EXPECT_NEAR(share.half_width, 4.302652729911275 * 0.1, 1e-9) << "the half-width stays the t interval's";
  EXPECT_EQ(statistics.mean(0, 1).low, 0.0);
  // The same values shifted below zero, for a metric without a range: not clipped.
  EXPECT_LT(statistics.mean(0, 2).low, -10.0);
  // The /statistics table holds the clipped bounds (columns mean, sd, ci95_low, ci95_high, ...).
  const auto table = statistics.statistics_table();
  EXPECT_EQ(table[0][2], 0.0);
  EXPECT_NEAR(table[0][3], share.high, 1e-15);
}

TEST(VariantStatistics, UpperBoundIsClippedAndUndefinedIntervalsStayUndefined) {
  const VariantStatistics high = three_replicates({1.0, 1.0, 0.7}, {5, 5, 5});
  EXPECT_EQ(high.mean(0, 0).high, 1.0);
  EXPECT_LT(high.mean(0, 0).low, 0.9);
  const VariantStatistics one = three_replicates({0.5}, {5});
  EXPECT_TRUE(std::isnan(one.mean(0, 0).low)) << "one replicate has no interval; clipping must not invent one";
  EXPECT_TRUE(std::isnan(one.mean(0, 0).high));
}

}  // namespace
}  // namespace alignsim::experiment
