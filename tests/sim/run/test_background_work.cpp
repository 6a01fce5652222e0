// ClaimableJob runs exactly once whoever gets to it; BackgroundWork hands jobs to helpers.
#include "sim/run/background_work.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace alignsim::sim {
namespace {

TEST(ClaimableJob, OwnerRunsAnUnclaimedJobItself) {
  int runs = 0;
  ClaimableJob job([&] { ++runs; });
  job.finish();
  EXPECT_EQ(runs, 1);
  EXPECT_TRUE(job.done());
  EXPECT_FALSE(job.try_run()) << "a finished job never runs again";
  EXPECT_EQ(runs, 1);
}

TEST(ClaimableJob, FinishRethrowsTheJobsFailureOnTheOwnersThread) {
  auto job = std::make_shared<ClaimableJob>([] { throw std::runtime_error("disk on fire"); });
  std::thread helper([&] { EXPECT_TRUE(job->try_run()); });  // the helper must not throw
  helper.join();
  EXPECT_THROW(
      {
        try {
          job->finish();
        } catch (const std::runtime_error& error) {
          EXPECT_STREQ(error.what(), "disk on fire");
          throw;
        }
      },
      std::runtime_error);
}

TEST(ClaimableJob, CancelledJobNeverRuns) {
  int runs = 0;
  auto job = std::make_shared<ClaimableJob>([&] { ++runs; });
  BackgroundWork work;
  work.post(job);
  job->cancel();
  EXPECT_TRUE(work.help_once()) << "the cancelled job is still taken off the queue";
  EXPECT_EQ(runs, 0);
}

// Many owners and helpers racing: every job runs exactly once, and every owner sees its
// job's effect after finish() (the helper's writes happen-before finish() returns).
TEST(BackgroundWork, EveryJobRunsExactlyOnceUnderContention) {
  constexpr int kJobs = 2000;
  BackgroundWork work;
  std::vector<std::atomic<int>> runs(kJobs);
  std::vector<int> payload(kJobs, 0);
  std::atomic<bool> owners_done{false};
  std::vector<std::thread> helpers;
  for (int h = 0; h < 3; ++h) {
    helpers.emplace_back([&] {
      while (!owners_done.load()) work.help_once();
    });
  }
  for (int i = 0; i < kJobs; ++i) {
    auto job = std::make_shared<ClaimableJob>([&, i] {
      payload[static_cast<std::size_t>(i)] = i + 1;
      runs[static_cast<std::size_t>(i)].fetch_add(1);
    });
    work.post(job);
    job->finish();
    ASSERT_EQ(payload[static_cast<std::size_t>(i)], i + 1);
  }
  owners_done.store(true);
  for (std::thread& helper : helpers) helper.join();
  for (int i = 0; i < kJobs; ++i) EXPECT_EQ(runs[static_cast<std::size_t>(i)].load(), 1) << i;
}

TEST(BackgroundWork, HelpOnceReportsAnEmptyQueue) {
  BackgroundWork work;
  EXPECT_FALSE(work.help_once());
  int runs = 0;
  work.post(std::make_shared<ClaimableJob>([&] { ++runs; }));
  EXPECT_TRUE(work.help_once());
  EXPECT_EQ(runs, 1);
  EXPECT_FALSE(work.help_once());
}

}  // namespace
}  // namespace alignsim::sim
