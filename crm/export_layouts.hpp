#pragma once
// The two layouts of the synthetic CRM (synthetic_export.hpp), each a set of CSV files.
// Internal to crm/; thread-safe (pure functions).
#include <string>
#include <vector>

#include "crm/synthetic_export.hpp"

namespace alignsim::crm::detail {

struct ExportFile {
  std::string name;  // relative to the export directory, e.g. "salesforce/Lead.csv"
  std::string text;
};

// Lead.csv, Opportunity.csv, Task.csv with Salesforce's standard field names; instants in UTC.
[[nodiscard]] std::vector<ExportFile> salesforce_files(const model::CrmEventLog& log, const ExportClock& clock);
// contacts.csv, leads.csv, deals.csv, activities.csv with HubSpot's export headers;
// wall-clock times of the company's zone; owners by name.
[[nodiscard]] std::vector<ExportFile> hubspot_files(const model::CrmEventLog& log, const ExportClock& clock);

// A row of cells, each written by csv_cell, ended by CRLF (as both CRMs write them).
[[nodiscard]] std::string csv_row(const std::vector<std::string>& cells);
// Marketer m's programme as a lead source ("Web", "Webinar", ...).
[[nodiscard]] std::string programme_source(std::uint16_t marketer);
// A money amount with cents, "25000.00".
[[nodiscard]] std::string amount_text(double usd);

}  // namespace alignsim::crm::detail
