#pragma once
// The synthetic CRM (issue 14 item 4): one replicate's leads, opportunities and
// activities (models/crm_event_log.hpp) written as a real company's CRM would export
// them, in a Salesforce-shaped layout (Lead.csv, Opportunity.csv, Task.csv; UTC instants)
// and a HubSpot-shaped one (contacts.csv, leads.csv, deals.csv, activities.csv; wall-clock
// times of the company's zone), with made-up names, e-mail addresses, phone numbers and
// free text in the columns real exports carry them, so the ingest's handling of personal
// data is tested on the same files a user would give it (docs/calibration.md).
//
// The model's clock (business days of 24 hours) is placed on the company's calendar:
// reported day 0 is `first_reported_day`, weekends are skipped, the warm-up is the
// history before it, and the export is taken at the end of the horizon.
// Thread-safe (no shared state).
#include <filesystem>
#include <string>

#include "crm/business_calendar.hpp"
#include "crm/time_zone.hpp"
#include "models/crm_event_log.hpp"

namespace alignsim::crm {

struct SyntheticExportOptions {
  std::string time_zone = "America/New_York";  // spans daylight-saving changes on purpose
  CivilDate first_reported_day{2025, 1, 6};    // a Monday
};

// Where the model's hours fall on the company's calendar and clock.
class ExportClock {
 public:
  ExportClock(const model::CrmEventLog& log, const SyntheticExportOptions& options);
  [[nodiscard]] LocalSeconds local(double model_hours) const;
  [[nodiscard]] std::int64_t utc(double model_hours) const { return zone_.utc_from_local(local(model_hours)); }
  // The moment the export is taken: the end of the reported horizon.
  [[nodiscard]] LocalSeconds export_local() const;
  [[nodiscard]] const TimeZone& zone() const noexcept { return zone_; }

 private:
  TimeZone zone_;
  BusinessCalendar calendar_;
  std::int64_t day_zero_index_ = 0;  // business-day index of simulated day 0
  double end_hours_ = 0;
};

// Refuses (OutputError) a DIR that exists or whose parent directory is missing, before
// any work is done.
void check_export_directory(const std::filesystem::path& dir);

// Writes DIR/salesforce/, DIR/hubspot/ and DIR/README.txt. DIR must not exist: the
// export is written into a hidden temporary directory next to it and renamed into place,
// so DIR is either complete or absent (never a partial export). Throws OutputError.
void write_synthetic_crm(const std::filesystem::path& dir, const model::CrmEventLog& log,
                         const SyntheticExportOptions& options = {});

}  // namespace alignsim::crm
