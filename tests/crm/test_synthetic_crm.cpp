// The synthetic CRM as ground truth (issue 14): a run exported in both layouts and
// ingested back gives the run's own summary, exactly for counts and ratios of counts and
// within sampling error for the response shares (which the ingest measures per lead,
// with censoring, where the model counts events in its horizon); logging changes no
// output; and nothing personal from the export reaches the ingest's files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "crm/company_ingest.hpp"
#include "crm/salted_ids.hpp"
#include "crm/synthetic_export.hpp"
#include "crm/synthetic_people.hpp"
#include "experiment/experiment.hpp"
#include "experiment/pattern_check.hpp"
#include "models/metric_catalog.hpp"
#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"
#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {

namespace fs = std::filesystem;
using model::Summary;

struct SyntheticCompany {
  model::CrmEventLog log;
  sim::RunOutput output;
};

std::shared_ptr<const model::ModelParameters> small_baseline() {
  experiment::ScenarioRequest request;
  request.file = std::string(ALIGNSIM_SOURCE_DIR) + "/scenarios/baseline.yaml";
  request.sets = {"population.prospects=6000", "population.reps=8", "run.horizon_days=260"};
  const experiment::Experiment loaded = experiment::load_experiment(request);
  return std::make_shared<const model::ModelParameters>(model::model_parameters_from(loaded.spec.variants[0].resolved));
}

const SyntheticCompany& company() {
  static const SyntheticCompany c = [] {
    SyntheticCompany made;
    made.output = model::run_model_logging_crm(small_baseline(), 3, made.log);
    return made;
  }();
  return c;
}

// ctest runs each test as its own process, two at a time: every test works in a
// directory of its own, so no test removes what another is writing.
fs::path fresh_directory(const std::string& name) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path dir = fs::path(ALIGNSIM_BINARY_DIR) / "tests" / "crm" / (std::string(test->test_suite_name()) + "." +
                                                                           test->name()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The synthetic export, made once per test (in the test's directory).
fs::path exported() {
  static std::map<std::string, fs::path> made;
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  if (made.count(test) == 0) {
    const fs::path d = fresh_directory("synthetic") / "export";
    write_synthetic_crm(d, company().log);
    made[test] = d;
  }
  return made[test];
}

IngestResult ingest(const std::string& layout) {
  IngestRequest request;
  request.export_dir = exported() / layout;
  request.mapping = std::string(ALIGNSIM_SOURCE_DIR) + "/mappings/" + layout + ".yaml";
  request.output_dir = fresh_directory("ingest-" + layout);
  request.base_scenario = std::string(ALIGNSIM_SOURCE_DIR) + "/scenarios/whatif.yaml";
  request.patterns.window_days = 260;
  return ingest_crm_export(request);
}

double summary(Summary s) { return company().output.summary[static_cast<std::size_t>(s)]; }

const CompanyStatistic& statistic(const IngestResult& r, const std::string& metric) {
  for (const CompanyStatistic& s : r.patterns.statistics) {
    if (s.metric == metric) return s;
  }
  throw std::runtime_error("no statistic for " + metric);
}

TEST(SyntheticCrm, LoggingTheEventsChangesNoOutput) {
  const sim::RunOutput plain = model::run_model(small_baseline(), 3);
  EXPECT_EQ(plain.summary, company().output.summary);  // bitwise, NaNs aside (none here)
  EXPECT_EQ(plain.series, company().output.series);
}

TEST(SyntheticCrm, TheLogHoldsTheRunsEvents) {
  const auto& log = company().log;
  std::size_t reported_inquiries = 0;
  const double from = 24.0 * static_cast<double>(log.warmup_days);
  for (const auto& lead : log.leads) reported_inquiries += !lead.sales_sourced && lead.created_hours >= from ? 1 : 0;
  EXPECT_EQ(static_cast<double>(reported_inquiries), summary(Summary::inquiries));
  EXPECT_EQ(log.reps.size(), 8U + [&] {  // every hire after the first cohort replaced a rep who left
    std::size_t left = 0;
    for (const auto& rep : log.reps) left += rep.left_day >= 0 ? 1 : 0;
    return left;
  }());
}

TEST(SyntheticCrm, IngestingEitherLayoutGivesTheRunsCountsExactly) {
  for (const std::string layout : {"salesforce", "hubspot"}) {
    SCOPED_TRACE(layout);
    const IngestResult r = ingest(layout);
    EXPECT_EQ(r.patterns.window_days, 260);
    EXPECT_EQ(statistic(r, "inquiries").observed, summary(Summary::inquiries));
    EXPECT_EQ(statistic(r, "own_leads").observed, summary(Summary::own_leads));
    EXPECT_EQ(statistic(r, "wins").observed, summary(Summary::wins));
    EXPECT_NEAR(statistic(r, "inquiry_to_mql").observed, summary(Summary::inquiry_to_mql), 1e-12);
    EXPECT_NEAR(statistic(r, "win_rate").observed, summary(Summary::win_rate), 1e-12);
    // Amounts are exported with cents: the mean deal won agrees to within a cent.
    EXPECT_NEAR(statistic(r, "bookings_usd").observed, summary(Summary::bookings_usd) / summary(Summary::wins), 0.01);
    EXPECT_EQ(statistic(r, "bookings_usd").per, "wins");
    EXPECT_NEAR(statistic(r, "mean_sales_cycle_days").observed, summary(Summary::mean_sales_cycle_days), 1e-9);
    // Lead volume over time: the growth of the run's own weekly inquiries, computed alike.
    const std::size_t periods = company().output.series.size() / model::model_output_layout().series.size();
    const auto first = company().output.series.begin() +
                       static_cast<std::ptrdiff_t>(static_cast<std::size_t>(model::Series::inquiries) * periods);
    std::vector<std::int64_t> ends;
    for (std::size_t k = 0; k < periods; ++k) ends.push_back(static_cast<std::int64_t>(5 * (k + 1)));
    const double growth = experiment::annual_growth(std::vector<double>(first, first + static_cast<std::ptrdiff_t>(periods)), ends);
    const auto grown = std::find_if(r.patterns.statistics.begin(), r.patterns.statistics.end(),
                                    [](const CompanyStatistic& s) { return s.growth; });
    ASSERT_NE(grown, r.patterns.statistics.end());
    EXPECT_NEAR(grown->observed, growth, 1e-12);
    EXPECT_EQ(r.patterns.reps, 8);
    for (const RowCounts* rows : {&r.records.lead_rows, &r.records.opportunity_rows, &r.records.activity_rows}) {
      EXPECT_EQ(rows->read, rows->used) << rows->file;  // a clean export: nothing skipped
    }
  }
}

// The model counts responses by the day they happen and MQLs by the day they arrive;
// the ingest follows each MQL (censoring the youngest): the two agree up to the edges of
// the horizon, here within 4 standard errors plus one point.
TEST(SyntheticCrm, ResponseSharesAgreeWithTheRunWithinSamplingError) {
  const IngestResult r = ingest("salesforce");
  for (const auto& [metric, s] : std::map<std::string, Summary>{
           {"response_within_1h_share", Summary::response_within_1h_share},
           {"response_1_to_24h_share", Summary::response_1_to_24h_share},
           {"response_over_24h_share", Summary::response_over_24h_share},
           {"response_never_share", Summary::response_never_share},
           {"share_mqls_ignored", Summary::share_mqls_ignored},
           {"worked_to_qualified", Summary::worked_to_qualified},
           {"mean_response_hours", Summary::mean_response_hours}}) {
    const CompanyStatistic& c = statistic(r, metric);
    const double tolerance = 4 * c.standard_error + (metric == "mean_response_hours" ? 1.0 : 0.01);
    EXPECT_NEAR(c.observed, summary(s), tolerance) << metric;
  }
}

TEST(SyntheticCrm, BothLayoutsGiveTheSamePatterns) {
  const IngestResult a = ingest("salesforce"), b = ingest("hubspot");
  ASSERT_EQ(a.patterns.statistics.size(), b.patterns.statistics.size());
  for (std::size_t i = 0; i < a.patterns.statistics.size(); ++i) {
    EXPECT_EQ(a.patterns.statistics[i].observed, b.patterns.statistics[i].observed) << a.patterns.statistics[i].name;
    EXPECT_EQ(a.patterns.statistics[i].n, b.patterns.statistics[i].n);
  }
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SyntheticCrm, NoPersonalDataReachesTheIngestsFiles) {
  for (const std::string layout : {"salesforce", "hubspot"}) {
    const IngestResult r = ingest(layout);
    const std::string written = read_text(r.patterns_file) + read_text(r.scenario_file) + read_text(r.reps_file);
    ASSERT_GT(written.size(), 1000U);
    std::size_t checked = 0;
    for (const auto& lead : company().log.leads) {
      const Person p = prospect_person(lead.prospect);
      for (const std::string& secret : {p.email, p.phone, p.first_name + " " + p.last_name, p.company}) {
        ASSERT_EQ(written.find(secret), std::string::npos) << layout << ": " << secret;
        ++checked;
      }
    }
    for (std::uint32_t rep = 0; rep < company().log.reps.size(); ++rep) {
      const Person p = rep_person(rep);
      ASSERT_EQ(written.find(p.first_name + " " + p.last_name), std::string::npos) << p.first_name;
    }
    EXPECT_EQ(written.find("00Q0"), std::string::npos);  // no Salesforce record id
    EXPECT_EQ(written.find("@"), std::string::npos);
    EXPECT_GT(checked, 10000U);
  }
}

// The reference vectors of SipHash-2-4 (Aumasson & Bernstein 2012, appendix A): key
// 00 01 .. 0f, messages 00 01 .. of length 0 and 15.
TEST(SaltedIds, SipHashMatchesTheReferenceVectors) {
  std::array<std::uint8_t, 16> key{};
  for (std::uint8_t i = 0; i < 16; ++i) key[i] = i;
  EXPECT_EQ(siphash24(key, ""), 0x726fdb47dd0e0e31ULL);
  std::string fifteen;
  for (char c = 0; c < 15; ++c) fifteen += c;
  EXPECT_EQ(siphash24(key, fifteen), 0xa129ca6149be45e5ULL);
}

TEST(SyntheticCrm, RepsAreNamedBySaltedLabelsStableWithinADirectory) {
  const IngestResult first = ingest("salesforce");
  const std::string table = read_text(first.reps_file);
  EXPECT_EQ(table.rfind("rep_salted_label,mqls_in_window,answered,within_1h_share,median_response_hours\n", 0), 0U);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 1 + static_cast<long>(first.patterns.reps_figures.size()));
  EXPECT_EQ(table.find("005000"), std::string::npos);  // no Salesforce user id
  // A rerun into the same directory reuses its salt: the same labels.
  IngestRequest again;
  again.export_dir = exported() / "salesforce";
  again.mapping = std::string(ALIGNSIM_SOURCE_DIR) + "/mappings/salesforce.yaml";
  again.output_dir = first.reps_file.parent_path();
  again.base_scenario = std::string(ALIGNSIM_SOURCE_DIR) + "/scenarios/whatif.yaml";
  again.patterns.window_days = 260;
  EXPECT_EQ(read_text(ingest_crm_export(again).reps_file), table);
  EXPECT_EQ(fs::status(again.output_dir / ".ingest-salt").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  // A salt file that is not 16 bytes is refused, not read in part (or past its buffer).
  std::ofstream(again.output_dir / ".ingest-salt", std::ios::binary | std::ios::app) << "x";
  EXPECT_THROW(static_cast<void>(SaltedIds(again.output_dir)), OutputError);
  // A fresh directory, a fresh salt: other labels for the same reps, so labels cannot be
  // matched across ingests that do not share a directory.
  const std::string fresh = read_text(ingest("salesforce").reps_file);
  EXPECT_NE(fresh, table);
  EXPECT_EQ(std::count(fresh.begin(), fresh.end(), '\n'), std::count(table.begin(), table.end(), '\n'));
  const SaltedIds a(std::array<std::uint8_t, 16>{1}), b(std::array<std::uint8_t, 16>{2});
  EXPECT_NE(a.label("rep-", "005000000000000001"), b.label("rep-", "005000000000000001"));
  EXPECT_EQ(a.label("rep-", "005000000000000001").size(), 16U);
}

TEST(SyntheticCrm, AnExportNeverReplacesADirectory) {
  const fs::path dir = fresh_directory("taken");
  std::ofstream(dir / "keep.txt") << "mine";
  EXPECT_THROW(write_synthetic_crm(dir, company().log), OutputError);
  EXPECT_EQ(read_text(dir / "keep.txt"), "mine");
  EXPECT_THROW(write_synthetic_crm(dir / "missing" / "export", company().log), OutputError);
}

}  // namespace
}  // namespace alignsim::crm
