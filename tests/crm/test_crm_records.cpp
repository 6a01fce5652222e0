// Real exports are messy (issue 14 item 2): every kind of messy row gets its stated
// handling (used, skipped for a named reason, or an error naming file, line, column and
// value), on small hand-made exports whose right answers are known.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "crm/crm_records.hpp"
#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {

namespace fs = std::filesystem;

const std::string kMapping = R"MAP(crm: Test
time_zone: America/New_York
leads:
  file: leads.csv
  columns: {id: Id, created: Created, source: Source, status: Status, owner: Owner, mql_date: Mql, first_touch: Touch}
  source: {marketing: [Web, "(blank)"], sales: [Outbound]}
  status: {open: [Open], closed: [Closed], converted: [Converted]}
opportunities:
  file: deals.csv
  columns: {id: Id, created: Created, closed: Closed, stage: Stage, amount: Amount, owner: Owner, lead: Lead}
  stage: {open: [Proposal], won: [Won], lost: [Lost]}
activities:
  file: tasks.csv
  columns: {id: Id, lead: Lead, at: At, type: Type, owner: Owner}
  type: {call: [Call], email: [Email], other: [Note]}
)MAP";

const std::string kLeadHeader = "Id,Created,Source,Status,Owner,Mql,Touch,FirstName\r\n";
const std::string kDealHeader = "Id,Created,Closed,Stage,Amount,Owner,Lead\r\n";
const std::string kTaskHeader = "Id,Lead,At,Type,Owner\r\n";

struct Export {
  std::string leads = kLeadHeader, deals = kDealHeader, tasks = kTaskHeader, mapping = kMapping;
};

fs::path write(const Export& e, const std::string& name) {
  const fs::path dir = fs::path(ALIGNSIM_BINARY_DIR) / "tests" / "crm" / "records" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "leads.csv", std::ios::binary) << e.leads;
  std::ofstream(dir / "deals.csv", std::ios::binary) << e.deals;
  std::ofstream(dir / "tasks.csv", std::ios::binary) << e.tasks;
  return dir;
}

CrmRecords read(const Export& e, const std::string& name) {
  return read_crm_records(write(e, name), read_crm_mapping_text("mapping.yaml", e.mapping));
}

std::string error_of(const Export& e, const std::string& name) {
  try {
    (void)read(e, name);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

// 2025-03-07 is a Friday; 2025-03-09 (Sunday) starts daylight saving in New York.
TEST(CrmRecords, InstantsAreReadInTheCompanysZoneAcrossDaylightSaving) {
  Export e;
  // A winter lead answered 30 min later by an instant; a summer one 2 h later by wall clock.
  e.leads += "L1,2025-01-15T14:00:00.000Z,Web,Open,u1,2025-01-15T14:00:00Z,,Ann\r\n"
             "L2,2025-07-15 09:00,Web,Open,u1,2025-07-15 09:00,,Bo\r\n";
  e.tasks += "T1,L1,2025-01-15T14:30:00.000Z,Call,u1\r\nT2,L2,2025-07-15T15:00:00Z,Call,u1\r\n";
  const CrmRecords r = read(e, "zones");
  ASSERT_EQ(r.leads.size(), 2U);
  EXPECT_NEAR(*r.leads[0].first_touch_hours - r.leads[0].created_hours, 0.5, 1e-9);
  // 15:00Z in July is 11:00 EDT: two hours after 09:00 local (one hour more if EDT were ignored).
  EXPECT_NEAR(*r.leads[1].first_touch_hours - r.leads[1].created_hours, 2.0, 1e-9);
  EXPECT_NEAR(std::fmod(r.leads[0].created_hours, 24.0), 9.0, 1e-9);  // 14:00Z = 09:00 EST
  EXPECT_EQ(r.first_touch_derived, 2U);
}

TEST(CrmRecords, TheModelsClockSkipsWeekendsAndHolidays) {
  Export e;
  e.leads += "L1,2025-03-07 22:00,Web,Open,u1,2025-03-07 22:00,,A\r\n"   // Friday 22:00
             "L2,2025-03-08 10:00,Web,Open,u1,2025-03-08 10:00,,B\r\n";  // Saturday: waits from Monday 00:00
  e.tasks += "T1,L1,2025-03-10 02:00,Call,u1\r\nT2,L2,2025-03-10 01:00,Email,u1\r\n";
  CrmRecords r = read(e, "weekend");
  EXPECT_NEAR(*r.leads[0].first_touch_hours - r.leads[0].created_hours, 4.0, 1e-9);
  EXPECT_NEAR(*r.leads[1].first_touch_hours - r.leads[1].created_hours, 1.0, 1e-9);
  EXPECT_TRUE(r.leads[0].first_call_hours.has_value());
  EXPECT_FALSE(r.leads[1].first_call_hours.has_value());  // an e-mail touches, it does not work the lead
  e.mapping.replace(e.mapping.find("leads:"), 0, "holidays: [2025-03-10]\n");
  r = read(e, "holiday");
  EXPECT_NEAR(*r.leads[0].first_touch_hours - r.leads[0].created_hours, 2.0, 1e-9);  // Fri 22:00 -> Tue 00:00
}

TEST(CrmRecords, MessyRowsAreSkippedForANamedReason) {
  Export e;
  e.leads += "L1,2025-01-06 09:00,Web,Open,u1,2025-01-06 09:00,2025-01-06 09:20,A\r\n"
             "L1,2025-01-06 10:00,Web,Open,u1,,,duplicate\r\n"
             ",2025-01-06 10:00,Web,Open,u1,,,no id\r\n"
             "L3,,Web,Open,u1,,,no date\r\n"
             "L4,yesterday,Web,Open,u1,,,unreadable\r\n"
             "L5,2025-02-30 10:00,Web,Open,u1,,,impossible\r\n"
             "L6,2025-01-07 10:00,,Closed,u2\r\n";  // blank source mapped as (blank); short row padded
  e.deals += "D1,2025-01-08 10:00,2025-01-20,Won,\"$25,000.50\",u1,L1\r\n"
             "D2,2025-01-08 10:00,,Won,100,u1,L1\r\n"
             "D3,2025-01-08 10:00,2025-01-02,Lost,100,u1,L1\r\n"
             "D4,2025-01-08 10:00,,Proposal,ten,u1,L1\r\n"
             "D5,2025-01-09 10:00,,Proposal,500,u2,\r\n";
  e.tasks += "T1,L1,2025-01-06 09:40,Call,u3\r\nT2,L9,2025-01-06 09:40,Call,u1\r\nT3,L1,2025-01-05 09:40,Call,u1\r\n"
             "T4,L1,2025-01-06 12:00,Note,u1\r\nT5,L6,not a date,Call,u2\r\n";
  const CrmRecords r = read(e, "messy");
  EXPECT_EQ(r.lead_rows.read, 7U);
  EXPECT_EQ(r.lead_rows.used, 2U);
  EXPECT_EQ(r.lead_rows.skipped.at("duplicate id (the first row is used)"), 1U);
  EXPECT_EQ(r.lead_rows.first_where.at("duplicate id (the first row is used)"), write(e, "messy").string() + "/leads.csv:3");
  EXPECT_EQ(r.lead_rows.skipped.at("no id"), 1U);
  EXPECT_EQ(r.lead_rows.skipped.at("no created date"), 1U);
  EXPECT_EQ(r.lead_rows.skipped.at("unreadable created date"), 2U);
  // The first-touch column wins over the activities when it is filled.
  EXPECT_NEAR(*r.leads[0].first_touch_hours - r.leads[0].created_hours, 20.0 / 60.0, 1e-9);
  EXPECT_EQ(r.opportunity_rows.used, 2U);
  EXPECT_NEAR(r.opportunities[0].amount_usd, 25000.5, 1e-9);
  EXPECT_EQ(r.opportunity_rows.skipped.at("no closed date"), 1U);
  EXPECT_EQ(r.opportunity_rows.skipped.at("closed before it was created"), 1U);
  EXPECT_EQ(r.opportunity_rows.skipped.at("unreadable amount"), 1U);
  EXPECT_EQ(r.opportunities_without_lead, 1U);
  EXPECT_EQ(r.activity_rows.used, 1U);
  EXPECT_EQ(r.activity_rows.skipped.at("for a lead not in the export"), 1U);
  EXPECT_EQ(r.activity_rows.skipped.at("dated before its lead was created"), 1U);
  EXPECT_EQ(r.activity_rows.skipped.at("not a call or e-mail (class other)"), 1U);
  EXPECT_EQ(r.activity_rows.skipped.at("unreadable at date"), 1U);
  EXPECT_EQ(r.owner_changed, 1U);  // L1 is u1's, first touched by u3
  EXPECT_TRUE(r.leads[0].converted);
}

TEST(CrmRecords, AnUnknownValueIsAnErrorNamingWhereAndTheMappingKey) {
  Export e;
  e.leads += "L1,2025-01-06 09:00,Web,Open,u1,,,A\r\n";
  e.deals += "D1,2025-01-08 10:00,2025-01-20,Closed Won,100,u1,L1\r\n";
  const std::string error = error_of(e, "unknown");
  EXPECT_NE(error.find("deals.csv:2:32: column 'Stage': unknown value 'Closed Won'"), std::string::npos) << error;
  EXPECT_NE(error.find("add it to opportunities.stage"), std::string::npos) << error;
  Export blank;
  blank.leads += "L1,2025-01-06 09:00,Web,,u1,,,A\r\n";
  EXPECT_NE(error_of(blank, "blank").find("unknown value '(blank)' (add it to leads.status"), std::string::npos);
}

TEST(CrmRecords, BrokenCsvAndMissingColumnsAreErrors) {
  Export quote;
  quote.leads += "L1,2025-01-06 09:00,Web,Open,u1,,,\"Ann\r\n";
  EXPECT_NE(error_of(quote, "quote").find("leads.csv:2:"), std::string::npos);
  Export column;
  column.tasks = "Id,Lead,When,Type,Owner\r\n";
  const std::string error = error_of(column, "column");
  EXPECT_NE(error.find("tasks.csv:1:1: column 'At' is not in the header"), std::string::npos) << error;
  EXPECT_NE(error.find("activities.columns.at"), std::string::npos) << error;
}

TEST(CrmRecords, ABomQuotedLineBreaksAndWindows1252AreRead) {
  Export e;
  e.leads = "\xEF\xBB\xBF" + kLeadHeader + "L1,2025-01-06 09:00,Web,Open,u1,,,\"Ann,\r\n\"\"the\"\" caf\xC3\xA9\"\r\n"
            "L2,2025-01-06 10:00,Web,Open,u1,,,B\r\n";
  CrmRecords r = read(e, "bom");
  EXPECT_EQ(r.leads.size(), 2U);
  Export latin;
  latin.leads = kLeadHeader + "L1,2025-01-06 09:00,Web,Open,u1,,,Caf\xE9\r\n";
  EXPECT_NE(error_of(latin, "latin").find("not valid UTF-8"), std::string::npos);
  latin.mapping = "encoding: windows-1252\n" + kMapping;
  EXPECT_EQ(read(latin, "latin1252").leads.size(), 1U);
}

TEST(CrmMapping, ErrorsNameTheLineAndKey) {
  auto error_of_mapping = [](const std::string& text) -> std::string {
    try {
      (void)read_crm_mapping_text("m.yaml", text);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "no error";
  };
  std::string bad = kMapping;
  bad.replace(bad.find("won: [Won]"), 10, "win: [Won]");
  EXPECT_NE(error_of_mapping(bad).find("m.yaml:11:29:"), std::string::npos) << error_of_mapping(bad);
  EXPECT_NE(error_of_mapping(bad).find("opportunities.stage.win: is not a class"), std::string::npos);
  EXPECT_NE(error_of_mapping("time_zone: Mars/Olympus\n" + kMapping.substr(kMapping.find("leads:")))
                .find("m.yaml:1:12: time_zone: unknown time zone"),
            std::string::npos);
  std::string twice = kMapping;
  twice.replace(twice.find("lost: [Lost]"), 12, "lost: [Won]");
  EXPECT_NE(error_of_mapping(twice).find("is already won"), std::string::npos);
  std::string missing = kMapping;
  missing.replace(missing.find("id: Id, created: Created, closed"), 8, "");
  EXPECT_NE(error_of_mapping(missing).find("names no column for id"), std::string::npos) << error_of_mapping(missing);
}

}  // namespace
}  // namespace alignsim::crm
