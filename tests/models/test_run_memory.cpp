// The model's memory estimate (models/run_memory.hpp) against the measured peak resident
// memory of real runs: the estimate is what `alignsim run` compares with the machine's
// available memory before it starts, so it must be right within a stated factor (2).
// The peak is the kernel's high-water mark (VmHWM), reset before each run through
// /proc/self/clear_refs; ctest runs each test in a fresh process.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "model_test_support.hpp"
#include "models/run_memory.hpp"

namespace alignsim::model {
namespace {

using testing::parameters_with;

constexpr double kFactor = 2.0;

// A field of /proc/self/status, in bytes (the kernel reports kB).
std::uint64_t status_bytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stoull(line.substr(field.size() + 1)) * 1024;
  }
  return 0;
}

// Peak resident memory one run adds, in bytes.
std::uint64_t measured_peak_bytes(const std::shared_ptr<const ModelParameters>& p) {
  std::ofstream("/proc/self/clear_refs") << "5";  // VmHWM := VmRSS
  const std::uint64_t before = status_bytes("VmRSS");
  EXPECT_LE(status_bytes("VmHWM"), before + (1U << 20)) << "the high-water mark was not reset";
  const sim::RunOutput out = run_model(p, 0);
  EXPECT_TRUE(out.error.empty()) << out.error;
  const std::uint64_t peak = status_bytes("VmHWM");
  return peak > before ? peak - before : 0;
}

// AddressSanitizer pads every allocation and quarantines freed memory, so the peak it
// shows measures the sanitizer (2x-13x here), not the model; Release builds check it.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

void expect_within_factor(const std::vector<testing::Override>& overrides) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "peak memory under AddressSanitizer is the sanitizer's, not the model's";
  const auto p = parameters_with(overrides);
  const double estimate = static_cast<double>(run_memory_bytes(*p));
  const double measured = static_cast<double>(measured_peak_bytes(p));
  ::testing::Test::RecordProperty("estimate_bytes", std::to_string(estimate));
  ::testing::Test::RecordProperty("measured_bytes", std::to_string(measured));
  EXPECT_GE(measured * kFactor, estimate) << "estimate " << estimate << " B, measured peak " << measured << " B";
  EXPECT_LE(measured, estimate * kFactor) << "estimate " << estimate << " B, measured peak " << measured << " B";
}

TEST(RunMemory, EstimateIsWithinAFactorOfTwoOfThePeakAtDefaultDemand) {
  expect_within_factor({{"population.prospects", std::int64_t{1000000}},
                        {"run.horizon_days", std::int64_t{250}},
                        {"budget.initial_marketing_usd_per_day", 50000.0}});  // calibrated per prospect
}

TEST(RunMemory, EstimateIsWithinAFactorOfTwoOfThePeakAtTenTimesTheDemand) {
  expect_within_factor({{"population.prospects", std::int64_t{300000}},
                        {"run.horizon_days", std::int64_t{250}},
                        {"demand.innovation_rate", 0.015},
                        {"budget.initial_marketing_usd_per_day", 15000.0}});
}

TEST(RunMemory, EstimateGrowsWithTheProspectsAtTheStatedRate) {
  const auto small = parameters_with({{"population.prospects", std::int64_t{1000}}});
  const auto large = parameters_with({{"population.prospects", std::int64_t{100000000}}});
  EXPECT_EQ(run_memory_bytes(*large) - run_memory_bytes(*small), (100000000U - 1000U) * kPeakBytesPerProspect);
  EXPECT_GT(run_memory_bytes(*large), 6'000'000'000U) << "10^8 prospects need ~6 GB per run";
}

// The event calendars cover the warm-up as well as the horizon; the series only the
// horizon, so a warm-up adds the calendars' bytes per day and nothing else.
TEST(RunMemory, WarmUpGrowsOnlyTheCalendars) {
  const auto cold = parameters_with({{"run.warmup_days", std::int64_t{0}}});
  const auto warm = parameters_with({{"run.warmup_days", std::int64_t{1000}}});
  const auto longer = parameters_with({{"run.warmup_days", std::int64_t{0}}, {"run.horizon_days", std::int64_t{1520}}});
  EXPECT_GT(run_memory_bytes(*warm), run_memory_bytes(*cold));
  EXPECT_LT(run_memory_bytes(*warm), run_memory_bytes(*longer)) << "a longer horizon also grows the series";
}

// Programmes that respond to their own spend have one engagement clock each, whose
// bucket arrays (~196 kB each) matter at small populations.
TEST(RunMemory, EstimateCountsOneClockPerProgrammeWhenProgrammesRespondToTheirSpend) {
  const auto shared = parameters_with({{"marketers.count", std::int64_t{64}}});
  const auto own = parameters_with({{"marketers.count", std::int64_t{64}}, {"budget.response", std::string("hill")}});
  EXPECT_EQ(run_memory_bytes(*own) - run_memory_bytes(*shared), 64U * (64U + 128U) * sizeof(std::vector<double>));
}

TEST(RunMemory, EstimateIsWithinAFactorOfTwoOfThePeakWithSixtyFourProgrammeClocks) {
  expect_within_factor({{"population.prospects", std::int64_t{100000}},
                        {"run.horizon_days", std::int64_t{250}},
                        {"budget.initial_marketing_usd_per_day", 5000.0},
                        {"marketers.count", std::int64_t{64}},
                        {"budget.response", std::string("hill")}});
}

}  // namespace
}  // namespace alignsim::model
