// The rules of M5 (models/mechanisms/response.cpp): how long a task keeps a rep busy, the
// daily budget for first responses, giving up on old leads, and the rep's triage.
#include "models/mechanisms/response.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

ResponseParameters response_parameters() {
  ResponseParameters r = testing::parameters_with({})->response;
  r.rep_hours_per_day = 8;
  r.lead_followup_share = 0.25;
  r.hours_per_lead = 0.5;
  r.courtesy_reply_hours = 0.1;
  return r;
}

TEST(ResponseRules, ATaskKeepsTheRepBusyForItsHoursOnTheTwentyFourHourLeadDay) {
  const ResponseParameters r = response_parameters();
  // 0.5 working hours; 8 working hours per 24 h of lead time: 1.5 wall-clock hours.
  EXPECT_DOUBLE_EQ(occupied_hours(r, 1.0, 0.5), 1.5);
  EXPECT_DOUBLE_EQ(occupied_hours(r, 2.0, 0.5), 0.75);  // twice as fast, half the time
  EXPECT_DOUBLE_EQ(charged_hours(0.5, 2.0), 0.25);
  EXPECT_EQ(task_rep_hours(r, false), 0.5);
  EXPECT_EQ(task_rep_hours(r, true), 0.1);  // a courtesy reply takes rep time too
}

TEST(ResponseRules, TheDailyBudgetIsTheShareOfWorkingHours) {
  const ResponseParameters r = response_parameters();  // 8 h x 0.25 = 2 h a day
  EXPECT_TRUE(fits_in_budget(r, 0.0, 0.5));
  EXPECT_TRUE(fits_in_budget(r, 1.5, 0.5));   // exactly 2 h
  EXPECT_FALSE(fits_in_budget(r, 1.6, 0.5));  // would be 2.1 h
  EXPECT_TRUE(fits_in_budget(r, 0.0, 5.0));   // longer than a budget: done on a fresh day
}

TEST(ResponseRules, ARepGivesUpOnlyOnLeadsOlderThanTheMaximumWait) {
  ResponseParameters r = response_parameters();
  r.max_wait_days = 2;
  EXPECT_FALSE(gives_up(r, 48.0));
  EXPECT_TRUE(gives_up(r, 48.5));
}

TEST(ResponseRules, UrgencyRisesWithTrustForPursuedLeadsOnly) {
  ResponseParameters r = response_parameters();
  r.prompt_probability_base = 0.6;
  r.prompt_probability_at_full_trust = 1.0;
  r.courtesy_prompt_probability = 0.1;
  EXPECT_EQ(prompt_probability(r, 0.0, false), 0.6);
  EXPECT_EQ(prompt_probability(r, 1.0, false), 1.0);
  EXPECT_DOUBLE_EQ(prompt_probability(r, 0.5, false), 0.8);
  EXPECT_EQ(prompt_probability(r, 0.9, true), 0.1);
}

TEST(ResponseRules, SetAsideTimeShrinksWithTrust) {
  ResponseParameters r = response_parameters();
  r.deprioritised_mean_hours = 90;
  EXPECT_EQ(deprioritised_mean_hours(r, 0.0), 90.0);
  EXPECT_EQ(deprioritised_mean_hours(r, 0.5), 45.0);
  EXPECT_EQ(deprioritised_mean_hours(r, 1.0), 0.0);
}

}  // namespace
}  // namespace alignsim::model
