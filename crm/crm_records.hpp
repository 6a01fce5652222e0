#pragma once
// A CRM export read through its mapping (crm_mapping.hpp) into leads, opportunities and
// activities on the model's clock, saying what was done with every row (issue 14 item 2).
//
// Times are business hours: 24 per working day of the company's calendar, counted from
// 1970-01-01, in the company's local time (instants are converted through its time
// zone, daylight saving included); a moment on a day off counts as the start of the next
// working day. Differences are durations on the model's clock.
//
// Rows are used, skipped for a stated reason (no id, a duplicate id, an unreadable date
// or amount, an activity for a lead not in the export ...), or refused: a value of a
// classified column the mapping does not list, or broken CSV, throws ScenarioError
// naming file, line, column and value (and the mapping key to add it under).
// Identifiers stay in memory; nothing here is written anywhere. Thread-safe.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crm/crm_mapping.hpp"

namespace alignsim::crm {

struct LeadRecord {
  std::string id;
  double created_hours = 0;
  bool marketing = true;  // source class marketing (else sales: a rep's own find)
  bool mql = false;       // has a marketing-qualified date
  std::string status;     // class: open, closed, converted
  std::string owner;
  std::optional<double> first_touch_hours;  // the first call or e-mail (a first-touch column, else activities)
  std::optional<double> first_call_hours;   // the first call: the rep worked the lead
  std::string first_touch_owner;
  bool converted = false;  // an opportunity came from it
};

struct OpportunityRecord {
  std::string id;
  double created_hours = 0;
  std::string stage;  // class: open, won, lost
  double amount_usd = 0;
  std::optional<double> closed_hours;  // won or lost: the close date
  std::string owner;
  std::string lead;  // the lead it came from; empty when created by sales directly
};

struct ActivityRecord {
  std::string lead;
  double at_hours = 0;
  bool call = false;  // call (the rep works the lead) or e-mail (a touch)
  std::string owner;
};

// What happened to one file's rows.
struct RowCounts {
  std::string file;
  std::size_t read = 0, used = 0;
  std::map<std::string, std::size_t> skipped;      // reason -> rows
  std::map<std::string, std::string> first_where;  // reason -> "FILE:LINE" of the first such row
  void skip(const std::string& reason, const std::string& where);
};

struct CrmRecords {
  std::vector<LeadRecord> leads;
  std::vector<OpportunityRecord> opportunities;
  std::vector<ActivityRecord> activities;
  RowCounts lead_rows, opportunity_rows, activity_rows;
  double latest_hours = 0;  // the latest moment in the export: when it was taken
  std::size_t first_touch_derived = 0;  // leads whose first touch came from their activities
  std::size_t owner_changed = 0;        // leads first touched by another rep than their owner
  std::size_t opportunities_without_lead = 0;
};

[[nodiscard]] CrmRecords read_crm_records(const std::filesystem::path& export_dir, const CrmMapping& mapping);

// The business-hours clock of a mapping's calendar (exposed for tests and the export).
[[nodiscard]] double business_hours_of(LocalSeconds local, const BusinessCalendar& calendar);

}  // namespace alignsim::crm
