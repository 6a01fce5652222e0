// The engagement clock (models/engagement_clock.hpp) against a plain reference: a
// std::priority_queue of every scheduled (threshold, prospect, tag), popped while the
// threshold is within the cumulative hazard. Random inserts and hazards, small windows so
// that thresholds overflow the calendar, ties, and days that cross many windows.
#include "models/engagement_clock.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <random>
#include <tuple>
#include <vector>

#include "sim/errors.hpp"

namespace alignsim::model {
namespace {

using Key = std::tuple<double, std::uint32_t, std::uint32_t>;  // threshold, prospect, tag

// A plain min-heap holding what the clock should hold.
class ReferenceClock {
 public:
  void add(double cumulative, std::uint32_t prospect, std::uint32_t tag, double unit_exponential, double multiplier) {
    if (multiplier <= 0.0) return;
    heap_.emplace(cumulative + unit_exponential / multiplier, prospect, tag);
  }
  // Every entry whose threshold the cumulative hazard has reached, in (threshold,
  // prospect, tag) order.
  std::vector<EngagementClock::Due> take_due(double cumulative) {
    std::vector<EngagementClock::Due> due;
    while (!heap_.empty() && std::get<0>(heap_.top()) <= cumulative) {
      due.push_back({std::get<1>(heap_.top()), std::get<2>(heap_.top())});
      heap_.pop();
    }
    return due;
  }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }

 private:
  std::priority_queue<Key, std::vector<Key>, std::greater<>> heap_;
};

// Uniform in [0, 1) from 53 bits (no std::*_distribution: its algorithm varies).
double uniform(std::mt19937_64& bits) { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }

struct Scenario {
  double bucket_width;
  std::size_t buckets;
  double max_unit_exponential;  // thresholds reach this / smallest multiplier beyond now
  double max_daily_hazard;
};

void expect_same_as_reference(const Scenario& s, std::uint64_t seed) {
  std::mt19937_64 bits(seed);
  EngagementClock clock(s.bucket_width, s.buckets);
  ReferenceClock reference;
  std::uint32_t next_prospect = 0;
  auto add_some = [&](int count) {
    for (int i = 0; i < count; ++i) {
      const double e = s.max_unit_exponential * uniform(bits);
      // A tenth never fall due (multiplier 0); some share a threshold (same e and multiplier).
      const double m = uniform(bits) < 0.1 ? 0.0 : 0.05 + 2.0 * uniform(bits);
      const std::uint32_t prospect = next_prospect++ % 500;  // prospects recur, with new tags
      const auto tag = static_cast<std::uint32_t>(bits() % 4);
      reference.add(clock.cumulative_hazard(), prospect, tag, e, m);
      clock.add(prospect, tag, e, m);
      if (uniform(bits) < 0.05) {  // an exact tie on threshold: order by prospect, then tag
        reference.add(clock.cumulative_hazard(), prospect + 1, tag, e, m);
        clock.add(prospect + 1, tag, e, m);
      }
    }
  };
  add_some(2000);
  std::vector<EngagementClock::Due> due;
  std::size_t total_due = 0;
  for (int day = 0; day < 3000; ++day) {
    double hazard = s.max_daily_hazard * uniform(bits);
    if (day % 97 == 0) hazard = 0.0;                              // a day without demand
    if (day % 211 == 0) hazard = 40.0 * s.bucket_width * static_cast<double>(s.buckets);  // crosses many windows at once
    due.clear();
    clock.advance(hazard, due);
    const auto expected = reference.take_due(clock.cumulative_hazard());
    ASSERT_EQ(due.size(), expected.size()) << "day " << day;
    for (std::size_t i = 0; i < due.size(); ++i) {
      ASSERT_EQ(due[i].prospect, expected[i].prospect) << "day " << day << " entry " << i;
      ASSERT_EQ(due[i].tag, expected[i].tag) << "day " << day << " entry " << i;
    }
    ASSERT_EQ(clock.scheduled_count(), reference.size()) << "day " << day;
    total_due += due.size();
    add_some(static_cast<int>(bits() % 8));  // returns to nurture schedule again
  }
  EXPECT_GT(total_due, 1000u);  // the comparison saw real traffic
}

TEST(EngagementClock, MatchesPriorityQueueWithDefaultWindow) {
  expect_same_as_reference({1e-3, 8192, 1.0, 2e-3}, 1);
}

TEST(EngagementClock, MatchesPriorityQueueWhenMostThresholdsOverflowTheWindow) {
  // Window of 16 buckets x 0.01 = 0.16 hazard; thresholds reach 50 / 0.05 = 1000 beyond
  // now, so nearly every entry starts in the overflow list and is pulled in later.
  expect_same_as_reference({0.01, 16, 50.0, 0.02}, 2);
}

TEST(EngagementClock, MatchesPriorityQueueWithOneBucketWindow) {
  expect_same_as_reference({0.05, 2, 3.0, 0.1}, 3);
}

TEST(EngagementClock, HoldsOneVectorPerFineBucketOfASpanAndPerSpan) {
  EXPECT_EQ(EngagementClock::bucket_vectors(), 64u + 128u);  // the model's window of 8192
  EXPECT_EQ(EngagementClock::bucket_vectors(16), 8u + 2u);   // spans of half the window
  EXPECT_EQ(EngagementClock::bucket_vectors(2), 1u + 2u);
  EXPECT_EQ(EngagementClock::bucket_vectors(3), EngagementClock::bucket_vectors(4));  // rounded up
}

TEST(EngagementClock, EntryWithZeroMultiplierIsNeverDue) {
  EngagementClock clock(0.1, 4);
  clock.add(7, 0, 0.5, 0.0);
  clock.add(8, 0, 0.5, -1.0);
  EXPECT_EQ(clock.scheduled_count(), 0u);
  std::vector<EngagementClock::Due> due;
  clock.advance(1e6, due);
  EXPECT_TRUE(due.empty());
}

TEST(EngagementClock, DueExactlyWhenCumulativeHazardReachesThreshold) {
  EngagementClock clock(0.25, 8);
  clock.add(1, 3, 0.5, 1.0);  // threshold 0.5
  std::vector<EngagementClock::Due> due;
  clock.advance(0.25, due);
  EXPECT_TRUE(due.empty());
  clock.advance(0.25, due);  // cumulative 0.5: reached
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].prospect, 1u);
  EXPECT_EQ(due[0].tag, 3u);
  EXPECT_EQ(clock.scheduled_count(), 0u);
}

// Issue 16: a runaway hazard (1e18 per day and beyond) made advance() walk ~1e21
// buckets, for ever. Any finite hazard now takes time bounded by the window and the
// entries, and the due sets still match the reference exactly.
TEST(EngagementClock, HugeHazardsMatchReferenceInBoundedTime) {
  std::mt19937_64 bits(16);
  EngagementClock clock;  // the run's window: 8192 buckets of 1e-3
  ReferenceClock reference;
  const auto started = std::chrono::steady_clock::now();
  std::vector<EngagementClock::Due> due;
  double hazard = 1e-3;
  for (int day = 0; day < 400; ++day) {
    for (std::uint32_t i = 0; i < 50; ++i) {
      const double e = 3.0 * uniform(bits), m = 0.01 + uniform(bits);
      reference.add(clock.cumulative_hazard(), i, static_cast<std::uint32_t>(day), e, m);
      clock.add(i, static_cast<std::uint32_t>(day), e, m);
    }
    hazard *= 4.0;  // 1e-3 growing to beyond 1e200: buckets past int64 are clamped
    due.clear();
    clock.advance(hazard, due);
    const auto expected = reference.take_due(clock.cumulative_hazard());
    ASSERT_EQ(due.size(), expected.size()) << "day " << day << ", hazard " << hazard;
    for (std::size_t i = 0; i < due.size(); ++i) {
      ASSERT_EQ(due[i].prospect, expected[i].prospect) << "day " << day;
      ASSERT_EQ(due[i].tag, expected[i].tag) << "day " << day;
    }
    ASSERT_EQ(clock.scheduled_count(), reference.size());
  }
  EXPECT_GT(clock.cumulative_hazard(), 1e200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST(EngagementClock, InfiniteThresholdTakesNoSlotAndIsNeverDue) {
  EngagementClock clock;
  clock.add(1, 0, std::numeric_limits<double>::infinity(), 1.0);
  clock.add(2, 0, 1.0, 1e-320);  // 1 / denormal: infinite
  EXPECT_EQ(clock.scheduled_count(), 0u);
  std::vector<EngagementClock::Due> due;
  clock.advance(1e300, due);
  EXPECT_TRUE(due.empty());
}

TEST(EngagementClock, NanThresholdIsARunError) {
  EngagementClock clock;
  EXPECT_THROW(clock.add(1, 0, std::numeric_limits<double>::quiet_NaN(), 1.0), RunError);
  EXPECT_THROW(clock.add(1, 0, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()),
               RunError);  // inf / inf
}

TEST(EngagementClock, HazardThatIsNotAFiniteNonNegativeNumberIsARunError) {
  std::vector<EngagementClock::Due> due;
  for (double hazard : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(), -1e-9}) {
    EngagementClock clock;
    clock.add(1, 0, 0.5, 1.0);
    EXPECT_THROW(clock.advance(hazard, due), RunError) << hazard;
  }
}

TEST(EngagementClock, CumulativeHazardOverflowIsARunError) {
  EngagementClock clock;
  std::vector<EngagementClock::Due> due;
  clock.advance(1.5e308, due);
  EXPECT_THROW(clock.advance(1.5e308, due), RunError);
}

TEST(EngagementClock, TimedDuesOfClocksWithEqualHazardsMergeIntoOneClocksOrder) {
  // Programmes' clocks (models/simulation_marketers.cpp): prospects split over three
  // clocks, all advanced by the same hazards, with re-adds and ties, must give exactly
  // the dues of one clock holding them all, each with its threshold, once sorted.
  std::mt19937_64 bits(12);
  EngagementClock one(1e-2, 16);
  std::vector<EngagementClock> three(3, EngagementClock(1e-2, 16));
  for (std::uint32_t i = 0; i < 3000; ++i) {
    const double e = i % 7 == 0 ? 0.25 : uniform(bits), g = 0.5 + uniform(bits);  // ties at 0.25 / g
    one.add(i, 0, e, g);
    three[i % 3].add(i, 0, e, g);
  }
  std::size_t total = 0;
  for (int day = 0; day < 400; ++day) {
    const double hazard = 0.002 + 0.01 * uniform(bits);
    std::vector<EngagementClock::Due> expected;
    one.advance(hazard, expected);
    std::vector<EngagementClock::TimedDue> merged;
    for (auto& clock : three) clock.advance(hazard, merged);
    std::sort(merged.begin(), merged.end());
    ASSERT_EQ(merged.size(), expected.size()) << day;
    for (std::size_t k = 0; k < merged.size(); ++k) {
      ASSERT_EQ(merged[k].prospect, expected[k].prospect) << day;
      ASSERT_EQ(merged[k].tag, expected[k].tag) << day;
      ASSERT_LE(merged[k].threshold, one.cumulative_hazard());
      if (k > 0) {
        ASSERT_LE(merged[k - 1].threshold, merged[k].threshold);
      }
    }
    for (const auto& due : expected) {  // back to nurture with the next tag, on both
      const double e = uniform(bits);
      one.add(due.prospect, due.tag + 1, e, 1.0);
      three[due.prospect % 3].add(due.prospect, due.tag + 1, e, 1.0);
    }
    total += expected.size();
  }
  EXPECT_GT(total, 3000U);  // the days did take entries, re-adds included
}

}  // namespace
}  // namespace alignsim::model
