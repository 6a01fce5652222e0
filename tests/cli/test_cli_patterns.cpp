// `alignsim patterns check`: a bad pattern file is refused with one FILE:LINE:COL: key
// line, exit 2 and no table; the shipped patterns/published.yaml loads against a real
// run. The numbers of the table are checked against a hand computation by
// tests/cli/patterns_check.py.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>

#include "cli_runner.hpp"

namespace alignsim::cli {
namespace {

using testing::run_cli;
using testing::TempDir;
using testing::write_text;

// One run of the golden tiny scenario (variants base and sla), shared by every test.
class PatternFileErrors : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = std::make_unique<TempDir>("patterns");
    const auto run = run_cli({"run", std::string(ALIGNSIM_SOURCE_DIR) + "/tests/golden/tiny.yaml", "-o", "tiny.h5",
                              "--quiet"},
                             directory_->path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() { directory_.reset(); }

  // Checks `text` as bad.yaml against the tiny run: exit 2, no table, the error on stderr.
  static std::string refusal(const std::string& text) {
    write_text(directory_->path() / "bad.yaml", text);
    const auto result = run_cli({"patterns", "check", "bad.yaml", "tiny.h5"}, directory_->path());
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_EQ(result.out, "");
    return result.err;
  }

  static std::unique_ptr<TempDir> directory_;
};
std::unique_ptr<TempDir> PatternFileErrors::directory_;

void expect_starts_with(const std::string& text, const std::string& prefix) {
  EXPECT_EQ(text.substr(0, prefix.size()), prefix);
}
void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << text;
}

// A pattern file of one pattern whose statistic line (line 3) is `statistic`, and
// `extra` lines after its source (from line 7 on).
std::string one_pattern(const std::string& statistic, const std::string& band = "    band: [0.2, 0.4]\n",
                        const std::string& extra = "", bool observed = true) {
  return std::string("patterns:\n") + "  - name: a\n" + "    statistic: " + statistic + "\n" +
         (observed ? "    observed: 0.3\n" : "") + band + "    source: a survey\n" + extra;
}

TEST_F(PatternFileErrors, AValidFileGivesATableAndExitZero) {
  write_text(directory_->path() / "good.yaml", one_pattern("{metric: win_rate, variant: base}"));
  const auto result = run_cli({"patterns", "check", "good.yaml", "tiny.h5"}, directory_->path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  expect_contains(result.out, "0.3 [0.2, 0.4]");
  expect_contains(result.out, ("patterns inside (implausibility I <= 3)"));
}

TEST_F(PatternFileErrors, UnknownMetricNamesLineColumnAndKeyWithASuggestion) {
  expect_starts_with(refusal(one_pattern("{metric: win_rat, variant: base}")), ("bad.yaml:3:25: patterns[0].statistic.metric: 'win_rat' is not a summary metric of the "
                         "results file; did you mean 'win_rate'?"));
}

TEST_F(PatternFileErrors, GrowthGapNeedsASeriesMetric) {
  expect_starts_with(refusal(one_pattern("{contrast: growth_gap, metric: win_rate, variant: sla, versus: base}")), ("bad.yaml:3:47: patterns[0].statistic.metric: 'win_rate' is not a series metric"));
}

TEST_F(PatternFileErrors, UnknownVariantIsRefused) {
  expect_starts_with(refusal(one_pattern("{contrast: ratio, metric: win_rate, variant: aligned, versus: base}")), ("bad.yaml:3:61: patterns[0].statistic.variant: 'aligned' is not a variant of the results "
                         "file (base, sla)"));
}

TEST_F(PatternFileErrors, UnknownContrastKindIsRefused) {
  expect_starts_with(refusal(one_pattern("{contrast: quotient, metric: win_rate, variant: sla, versus: base}")), ("bad.yaml:3:27: patterns[0].statistic.contrast: 'quotient' is not a contrast (ratio, "
                         "difference or growth_gap)"));
}

TEST_F(PatternFileErrors, ContrastWithoutVersusIsRefused) {
  expect_starts_with(refusal(one_pattern("{contrast: ratio, metric: win_rate, variant: sla}")), ("bad.yaml:3:16: patterns[0].statistic: a contrast needs versus"));
}

TEST_F(PatternFileErrors, PerNeedsASummaryMetricAndNoContrast) {
  expect_starts_with(refusal(one_pattern("{metric: bookings_usd, per: deals, variant: sla}")),
                     "bad.yaml:3:44: patterns[0].statistic.per: ");
  expect_starts_with(refusal(one_pattern("{contrast: ratio, metric: wins, per: losses, variant: sla, versus: base}")),
                     "bad.yaml:3:48: patterns[0].statistic.per: per with a contrast");
}

TEST_F(PatternFileErrors, GrowthNamesASeriesAndStandsAlone) {
  expect_starts_with(refusal(one_pattern("{growth: win_rate, variant: sla}")), "bad.yaml:3:25: patterns[0].statistic.growth: ");
  expect_starts_with(refusal(one_pattern("{growth: wins, metric: wins, variant: sla}")),
                     "bad.yaml:3:17: patterns[0].statistic.growth: growth names its own series");
}

TEST_F(PatternFileErrors, AVariantContrastedWithItselfIsRefused) {
  expect_starts_with(refusal(one_pattern("{contrast: difference, metric: wins, variant: sla, versus: sla}")),
                     "bad.yaml:3:75: patterns[0].statistic.versus: a variant contrasted with itself");
}

TEST_F(PatternFileErrors, BandLowAboveHighIsRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "    band: [0.4, 0.2]\n")), ("bad.yaml:5:11: patterns[0].band: low 0.4 is not below high 0.2"));
}

TEST_F(PatternFileErrors, ObservedOutsideItsBandIsRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "    band: [0.5, 0.6]\n")), ("bad.yaml:4:15: patterns[0].observed: 0.3 lies outside its band"));
}

TEST_F(PatternFileErrors, MissingObservedIsRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "    band: [0.2, 0.4]\n", "", false)), ("bad.yaml:2:5: patterns[0]: no observed given"));
}

TEST_F(PatternFileErrors, BothBandAndStandardErrorAreRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "    band: [0.2, 0.4]\n",
                                  "    standard_error: 0.05\n")), ("bad.yaml:7:5: patterns[0].standard_error: both band and standard_error given"));
}

TEST_F(PatternFileErrors, NoUncertaintyIsRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "")), ("bad.yaml:2:5: patterns[0]: no uncertainty given"));
}

TEST_F(PatternFileErrors, NegativeDiscrepancyIsRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "    band: [0.2, 0.4]\n",
                                  "    discrepancy_sd: -1\n")), ("bad.yaml:7:21: patterns[0].discrepancy_sd: -1 is negative"));
}

TEST_F(PatternFileErrors, UnknownKeyAndDuplicateNameAreRefused) {
  expect_starts_with(refusal(one_pattern("{metric: win_rate, variant: base}", "    band: [0.2, 0.4]\n", "    obsreved: 1\n")), ("bad.yaml:7:5: patterns[0].obsreved: unknown key"));
  const std::string twice = one_pattern("{metric: win_rate, variant: base}") +
                            "  - {name: a, statistic: {metric: wins, variant: sla}, observed: 1, standard_error: 1, "
                            "source: s}\n";
  expect_starts_with(refusal(twice), ("bad.yaml:7:5: patterns[1].name: 'a' is already patterns[0]"));
}

TEST_F(PatternFileErrors, AFileThatIsNotResultsIsRefused) {
  write_text(directory_->path() / "good.yaml", one_pattern("{metric: win_rate, variant: base}"));
  const auto result = run_cli({"patterns", "check", "good.yaml", "good.yaml"}, directory_->path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  expect_contains(result.err, "results file 'good.yaml'");
  const auto missing = run_cli({"patterns", "check", "good.yaml", "missing.h5"}, directory_->path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "alignsim patterns: results file 'missing.h5': no such file\n");
}

// Failed runs are NaN in the file and are left out of the statistic: the table's n is
// the number of runs that succeeded, as the run itself reports it.
TEST(PatternsCheck, FailedRunsAreLeftOutOfTheStatistic) {
  TempDir directory("patterns-failed");
  write_text(directory.path() / "guarded.yaml",
             "name: guarded\nmodel: guard_test\nrun:\n  replicates: 12\n  seed: 5\nnoise:\n  sd: 0.5\n"
             "guard:\n  max_y: 0.8\n");
  const auto run = run_cli({"run", "guarded.yaml", "-o", "guarded.h5", "--quiet"}, directory.path());
  ASSERT_EQ(run.exit_code, 3) << run.err;
  std::smatch failed;
  ASSERT_TRUE(std::regex_search(run.err, failed, std::regex(R"((\d+) of 12 runs failed)"))) << run.err;
  const int succeeded = 12 - std::stoi(failed[1]);
  ASSERT_GT(succeeded, 1);
  write_text(directory.path() / "y.yaml",
             "patterns:\n  - {name: y_level, statistic: {metric: y, variant: base}, observed: 0.5, "
             "standard_error: 0.1, source: a test}\n");
  const auto check = run_cli({"patterns", "check", "y.yaml", "guarded.h5"}, directory.path());
  ASSERT_EQ(check.exit_code, 0) << check.err;
  std::smatch row;
  ASSERT_TRUE(std::regex_search(check.out, row, std::regex(R"(y_level .*\)\s+(\d+)\s+[0-9.]+\s+(inside|outside))")))
      << check.out;
  EXPECT_EQ(std::stoi(row[1]), succeeded);
}

}  // namespace
}  // namespace alignsim::cli
