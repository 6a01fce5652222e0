#pragma once
// How one CRM's export maps onto alignsim's concepts (docs/calibration.md): which file
// holds leads, opportunities and activities, which column holds each field, which
// values of a status, stage, source or type column mean what, and the company's time
// zone, date order, text encoding and working week. The shipped mappings are
// mappings/salesforce.yaml and mappings/hubspot.yaml.
//
// Read once, checked whole: every error is one "FILE:LINE:COL: key: problem (allowed)"
// line (ScenarioError), and nothing is returned half-read. Only the columns named here
// are ever read from an export: every other column (names, e-mail addresses, phone
// numbers, free text) stays in the user's files. Thread-safe (no shared state).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/business_calendar.hpp"
#include "crm/time_zone.hpp"
#include "crm/csv_table.hpp"
#include "sim/scenario/scenario.hpp"

namespace alignsim::crm {

// One export file: the column of each field, and the meaning of each value of the
// columns whose values are classified (status, stage, source, type).
struct TableMapping {
  std::string file;  // relative to the export directory
  sim::SourceLocation file_at;
  std::map<std::string, std::string> columns;  // field -> column name in the file
  std::map<std::string, sim::SourceLocation> column_at;
  // field -> (value in the file -> class), e.g. "stage" -> {"Closed Won" -> "won"}.
  std::map<std::string, std::map<std::string, std::string>> values;
  std::map<std::string, sim::SourceLocation> values_at;

  [[nodiscard]] std::optional<std::string> column(const std::string& field) const;
};

struct CrmMapping {
  std::string file;  // the mapping file, for messages
  std::string crm;   // what it maps, e.g. "Salesforce"
  std::string time_zone;
  DateOrder date_order = DateOrder::month_first;
  TextEncoding encoding = TextEncoding::utf8;
  std::vector<int> weekend{0, 6};      // 0 = Sunday
  std::vector<std::int64_t> holidays;  // local days since 1970-01-01
  TableMapping leads, opportunities, activities;
};

// The concepts of each table: required ones first, then optional (docs/calibration.md).
//   leads: id, created, source, status, owner [mql_date, first_touch, converted_opportunity]
//   opportunities: id, created, stage, amount [closed, owner, lead]
//   activities: id, lead, at, type [owner]
// The classes of each classified column:
//   leads.source: marketing, sales; leads.status: open, closed, converted;
//   opportunities.stage: open, won, lost; activities.type: call, email, other.
[[nodiscard]] CrmMapping read_crm_mapping(const std::string& path);
[[nodiscard]] CrmMapping read_crm_mapping_text(const std::string& name, const std::string& text);

}  // namespace alignsim::crm
