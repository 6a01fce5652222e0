// The terminal report of `alignsim run`: the "at a glance" table agrees with the detailed
// tables it summarises, and --brief prints it alone.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace alignsim::cli {
namespace {

using testing::run_cli;
using testing::TempDir;
using testing::write_text;

constexpr const char* kScenario =
    "name: report_test\n"
    "population: {prospects: 600}\n"
    "run: {horizon_days: 80, replicates: 6}\n"
    "variants:\n"
    "  - name: syncs\n"
    "    syncs: {enabled: true}\n";

std::vector<std::string> cells_of(const std::string& line) {
  static const std::regex separator(R"(\s{2,})");
  std::string trimmed = std::regex_replace(line, std::regex(R"(^\s+|\s+$)"), "");
  std::vector<std::string> cells;
  for (std::sregex_token_iterator it(trimmed.begin(), trimmed.end(), separator, -1), end; it != end; ++it) {
    cells.push_back(*it);
  }
  return cells;
}

// The cells of the first line after `section` whose first cell is `label`.
std::vector<std::string> row_after(const std::string& text, const std::string& section, const std::string& label) {
  const auto start = text.find(section);
  if (start == std::string::npos) return {};
  std::istringstream lines(text.substr(start));
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells = cells_of(line);
    if (!cells.empty() && cells.front() == label) return cells;
  }
  return {};
}

TEST(CliReport, AtAGlanceRepeatsTheDetailedTablesNumbers) {
  TempDir dir("report");
  write_text(dir.path() / "s.yaml", kScenario);
  const auto r = run_cli({"run", "s.yaml", "--quiet", "-o", "s.h5"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_LT(r.out.find("What-if effects"), r.out.find("At a glance")) << r.out;

  const auto header = row_after(r.out, "At a glance", "what-if");
  ASSERT_EQ(header, (std::vector<std::string>{"what-if", "bookings", "deals won", "share of MQLs ignored",
                                              "median response time"}));
  const auto glance = row_after(r.out, "At a glance", "syncs");
  ASSERT_EQ(glance.size(), 5u) << r.out;
  // Amounts: the relative change (third cell of the effects rows); shares: the difference.
  EXPECT_EQ(glance[1], row_after(r.out, "syncs vs base", "bookings").at(2));
  EXPECT_EQ(glance[2], row_after(r.out, "syncs vs base", "deals won").at(2));
  EXPECT_EQ(glance[3], row_after(r.out, "syncs vs base", "share of MQLs ignored").at(1));
  EXPECT_EQ(glance[4], row_after(r.out, "syncs vs base", "median response time").at(2));
  EXPECT_NE(r.out.find("paired over 6 replicates"), std::string::npos);

  // The base row shows levels: the base mean, without its interval.
  const auto level = row_after(r.out, "At a glance", "base (level)");
  ASSERT_EQ(level.size(), 5u);
  const std::string base_bookings = row_after(r.out, "Key outcomes", "bookings").at(1);
  EXPECT_EQ(base_bookings.substr(0, base_bookings.find(" (")), level[1]);
}

TEST(CliReport, BriefPrintsOnlyTheAtAGlanceTable) {
  TempDir dir("report-brief");
  write_text(dir.path() / "s.yaml", kScenario);
  const auto r = run_cli({"run", "s.yaml", "--quiet", "--brief", "-o", "s.h5"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("At a glance", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find("Key outcomes"), std::string::npos);
  EXPECT_EQ(r.out.find("What-if effects"), std::string::npos);
  EXPECT_EQ(row_after(r.out, "At a glance", "syncs").size(), 5u);
  EXPECT_NE(r.out.find("Results: s.h5"), std::string::npos);
}

// Without a what-if there is nothing to glance at: --brief keeps the key outcomes.
TEST(CliReport, BriefWithoutWhatIfsShowsTheKeyOutcomes) {
  TempDir dir("report-single");
  const auto r = run_cli({"run", "--quiet", "--brief", "-o", "s.h5", "--replicates", "2", "--set",
                          "population.prospects=500", "--set", "run.horizon_days=20"},
                         dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Key outcomes per variant"), std::string::npos);
  EXPECT_EQ(r.out.find("At a glance"), std::string::npos);
}

// Valid settings outside the calibrated range run, with one warning naming the key.
TEST(CliReport, OutOfCalibrationSettingsAreWarnedNotRefused) {
  TempDir dir("report-caution");
  write_text(dir.path() / "big.yaml", "population:\n  prospects: 400000\n");
  const auto checked = run_cli({"check", "big.yaml"}, dir.path());
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_EQ(checked.err.rfind("alignsim: warning: big.yaml:0:0: budget.initial_marketing_usd_per_day: $1000 per day "
                              "for 400000 prospects is $0.0025 per prospect, 1/20 of the calibrated $0.05",
                              0),
            0u)
      << checked.err;
  const auto scaled = run_cli({"check", "big.yaml", "--set", "budget.initial_marketing_usd_per_day=20000"}, dir.path());
  EXPECT_EQ(scaled.exit_code, 0);
  EXPECT_EQ(scaled.err, "");
}

}  // namespace
}  // namespace alignsim::cli
