// The response queue (models/mechanisms/response.cpp): the rep's lead queue is a single
// server, so waits follow the Lindley recursion W(n+1) = max(0, W(n) + S - A(n+1)).
// Exact waits for a hand-computed arrival sequence.
#include "models/mechanisms/response.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "models/parameter_catalog.hpp"
#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

ResponseParameters response_parameters() {
  ResponseParameters r = testing::parameters_with({})->response;
  r.rep_hours_per_day = 8;
  r.lead_followup_share = 0.25;
  r.hours_per_lead = 0.5;
  return r;
}

TEST(ResponseQueue, ServiceTimeIsTheDaySharedByTheLeadsARepCanTake) {
  const ResponseParameters r = response_parameters();
  // 8 h x 0.25 / 0.5 h = 4 leads a day: each occupies 24 / 4 = 6 wall-clock hours.
  EXPECT_EQ(service_hours(r, 1.0), 6.0);
  EXPECT_EQ(service_hours(r, 2.0), 3.0);  // twice the capacity, half the time
  EXPECT_EQ(service_hours(r, 0.5), 12.0);
}

TEST(ResponseQueue, WaitsFollowTheLindleyRecursion) {
  const double service = service_hours(response_parameters(), 1.0);  // 6 h
  // Arrivals (absolute hours) and the waits worked out by hand:
  //   1.0: idle rep, starts at once (free at 7)      wait 0
  //   2.0: starts at 7 (free at 13)                  wait 5
  //   3.0: starts at 13 (free at 19)                 wait 10
  //  20.0: rep idle since 19, starts at once (26)    wait 0
  //  30.0: idle since 26 (36)                        wait 0
  //  30.5: starts at 36 (42)                         wait 5.5
  //  31.0: starts at 42 (48)                         wait 11
  //  60.0: idle (66)                                 wait 0
  const std::vector<double> arrivals{1.0, 2.0, 3.0, 20.0, 30.0, 30.5, 31.0, 60.0};
  const std::vector<double> waits{0.0, 5.0, 10.0, 0.0, 0.0, 5.5, 11.0, 0.0};
  double free_at = 0.0;
  double previous_wait = 0.0, previous_arrival = 0.0;
  for (std::size_t n = 0; n < arrivals.size(); ++n) {
    const double start = enter_queue(arrivals[n], service, free_at);
    EXPECT_EQ(start - arrivals[n], waits[n]) << "lead " << n;
    EXPECT_EQ(free_at, start + service) << "lead " << n;
    if (n > 0) {  // the recursion itself
      const double lindley = std::max(0.0, previous_wait + service - (arrivals[n] - previous_arrival));
      EXPECT_EQ(start - arrivals[n], lindley) << "lead " << n;
    }
    previous_wait = start - arrivals[n];
    previous_arrival = arrivals[n];
  }
}

TEST(ResponseQueue, PromptAnswersRiseWithTrustForPursuedLeadsOnly) {
  ResponseParameters r = response_parameters();
  r.prompt_probability_base = 0.6;
  r.prompt_probability_at_full_trust = 1.0;
  r.courtesy_prompt_probability = 0.1;
  EXPECT_EQ(prompt_probability(r, 0.0, true), 0.6);
  EXPECT_EQ(prompt_probability(r, 1.0, true), 1.0);
  EXPECT_DOUBLE_EQ(prompt_probability(r, 0.5, true), 0.8);
  EXPECT_EQ(prompt_probability(r, 0.9, false), 0.1);
}

TEST(ResponseQueue, DeprioritisedWaitShrinksWithTrust) {
  ResponseParameters r = response_parameters();
  r.deprioritised_mean_hours = 90;
  EXPECT_EQ(deprioritised_mean_hours(r, 0.0), 90.0);
  EXPECT_EQ(deprioritised_mean_hours(r, 0.5), 45.0);
  EXPECT_EQ(deprioritised_mean_hours(r, 1.0), 0.0);
}

}  // namespace
}  // namespace alignsim::model
