// Response time follows from the reps' load and capacity (M5, docs/model.md): with less
// time for first responses, leads wait longer, continuously across the HBR buckets, and
// a follow-up SLA, which adds work to the same queues, speeds answers up where reps have
// time and slows them down where they do not. Five reps take the default market's leads
// (about 1.9 MQLs per rep and day) so that the budget binds; trust learning and the
// revenue-driven budget are off so that the load is the only thing that changes;
// replicates are paired (same seeds).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "model_test_support.hpp"

namespace alignsim::model {
namespace {

constexpr int kReplicates = 20;

std::vector<double> per_replicate(double followup_share, double sla_floor, Summary metric) {
  const auto p = testing::parameters_with({{"population.reps", std::int64_t{5}},
                                           {"response.lead_followup_share", followup_share},
                                           {"followup.sla_floor", sla_floor},
                                           {"trust.learning", false},
                                           {"budget.follows_revenue", false}});
  std::vector<double> values;
  for (int r = 0; r < kReplicates; ++r) values.push_back(testing::summary(run_model(p, r), metric));
  return values;
}

// b - a, replicate by replicate, and whether it is clearly positive (3 standard errors).
struct PairedDifference {
  double mean = 0.0;
  bool clearly_positive = false;
};

PairedDifference paired(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = b[i] - a[i];
  double mean = 0.0;
  for (double x : d) mean += x / static_cast<double>(d.size());
  return {mean, testing::clearly_positive(d)};
}

TEST(ResponseLoad, LessTimeForLeadsMeansSlowerFirstResponsesAcrossTheBuckets) {
  // Daily budgets of 2, 1.2, 0.8 and 0.56 working hours for first responses (8 h days).
  const std::vector<double> shares{0.25, 0.15, 0.1, 0.07};
  for (std::size_t i = 1; i < shares.size(); ++i) {
    SCOPED_TRACE("lead_followup_share " + std::to_string(shares[i - 1]) + " -> " + std::to_string(shares[i]));
    const auto more = [&](Summary metric) {  // the metric rises as the share falls
      return paired(per_replicate(shares[i - 1], 0, metric), per_replicate(shares[i], 0, metric)).clearly_positive;
    };
    const auto fewer = [&](Summary metric) {
      return paired(per_replicate(shares[i], 0, metric), per_replicate(shares[i - 1], 0, metric)).clearly_positive;
    };
    EXPECT_TRUE(fewer(Summary::response_within_1h_share));
    EXPECT_TRUE(more(Summary::response_over_24h_share));
    EXPECT_TRUE(more(Summary::response_never_share));  // more leads still waiting at the end, or dropped
  }
  // A run's median wait is heavy-tailed between replicates (one overloaded rep can hold
  // many leads), so it is compared over the whole range only.
  EXPECT_TRUE(paired(per_replicate(shares.front(), 0, Summary::median_response_hours),
                     per_replicate(shares.back(), 0, Summary::median_response_hours))
                  .clearly_positive);
}

TEST(ResponseLoad, AnSlaSpeedsAnswersWhereRepsHaveTimeAndSlowsThemWhereTheyDoNot) {
  const auto with_and_without_sla = [](double share, Summary metric) {
    return paired(per_replicate(share, 0.0, metric), per_replicate(share, 0.9, metric));
  };
  // Ample time: the SLA's extra worked leads are answered, most of them within the hour.
  EXPECT_TRUE(with_and_without_sla(0.25, Summary::response_within_1h_share).clearly_positive);
  // Tight time: the same extra leads queue behind each other, and answers come later.
  const PairedDifference tight = with_and_without_sla(0.1, Summary::response_within_1h_share);
  EXPECT_LT(tight.mean, 0.0);
  EXPECT_TRUE(with_and_without_sla(0.1, Summary::median_response_hours).clearly_positive);
}

}  // namespace
}  // namespace alignsim::model
