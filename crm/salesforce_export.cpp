// The Salesforce-shaped layout of the synthetic CRM: the Lead, Opportunity and Task
// objects with their standard field names (plus MQL_Date__c, the custom field companies
// add for the marketing-qualified moment), instants in UTC as the API exports them.
#include <cmath>
#include <cstdio>

#include "crm/csv_table.hpp"
#include "crm/export_layouts.hpp"
#include "crm/synthetic_people.hpp"

namespace alignsim::crm::detail {
namespace {

using model::CrmLead;
using model::LeadEnd;

// An 18-character record id with the object's key prefix (00Q lead, 006 opportunity, 00T task, 005 user).
std::string record_id(const char* prefix, std::size_t index) {
  char id[32];
  std::snprintf(id, sizeof id, "%s%015zu", prefix, index + 1);
  return id;
}

std::string local_date(LocalSeconds t) { return format_local(t).substr(0, 10); }

std::string lead_status(const CrmLead& lead) {
  switch (lead.end) {
    case LeadEnd::not_mql: return "Nurture";
    case LeadEnd::not_qualified: return "Closed - Not Converted";
    case LeadEnd::converted: return "Closed - Converted";
    case LeadEnd::open:
    case LeadEnd::not_pursued:
    case LeadEnd::dropped: break;  // nobody closes a lead that was never worked: it stays open
  }
  return "Open - Not Contacted";
}

std::string lead_source(const CrmLead& lead) {
  return lead.sales_sourced ? "Outbound Prospecting" : programme_source(lead.marketer);
}

std::string owner_of(const CrmLead& lead) {
  // Leads nobody was given sit in marketing's queue (a 00G queue id).
  return lead.owner < 0 ? "00G000000000000001" : record_id("005", static_cast<std::size_t>(lead.owner));
}

ExportFile leads_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Id", "FirstName", "LastName", "Company", "Email", "Phone", "LeadSource", "Status",
                              "OwnerId", "CreatedDate", "MQL_Date__c", "IsConverted", "ConvertedDate",
                              "ConvertedOpportunityId", "Description"});
  for (std::size_t i = 0; i < log.leads.size(); ++i) {
    const CrmLead& lead = log.leads[i];
    const Person person = prospect_person(lead.prospect);
    const bool converted = lead.opportunity >= 0;
    text += csv_row({record_id("00Q", i), person.first_name, person.last_name, person.company, person.email,
                     person.phone, lead_source(lead), lead_status(lead), owner_of(lead),
                     format_utc(clock.utc(lead.created_hours)), lead.mql ? format_utc(clock.utc(lead.created_hours)) : "",
                     converted ? "true" : "false", converted ? local_date(clock.local(lead.ended_hours)) : "",
                     converted ? record_id("006", static_cast<std::size_t>(lead.opportunity)) : "",
                     free_text_note(person, static_cast<std::uint32_t>(i))});
  }
  return {"salesforce/Lead.csv", text};
}

ExportFile opportunities_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Id", "Name", "StageName", "Amount", "CloseDate", "CreatedDate", "OwnerId", "IsClosed",
                              "IsWon", "LeadSource"});
  constexpr std::int64_t kExpectedCloseAfterExport = 30 * 86400;  // an open deal's CloseDate is a forecast
  for (std::size_t i = 0; i < log.opportunities.size(); ++i) {
    const model::CrmOpportunity& opportunity = log.opportunities[i];
    const CrmLead& lead = log.leads[opportunity.lead];
    const bool closed = !std::isnan(opportunity.decided_hours);
    const std::string stage = !closed ? "Proposal/Price Quote" : opportunity.won ? "Closed Won" : "Closed Lost";
    const LocalSeconds close = closed ? clock.local(opportunity.decided_hours)
                                      : clock.export_local() + kExpectedCloseAfterExport;
    text += csv_row({record_id("006", i), prospect_person(lead.prospect).company + " - New business", stage,
                     amount_text(opportunity.amount_usd), local_date(close), format_utc(clock.utc(opportunity.opened_hours)),
                     record_id("005", opportunity.owner), closed ? "true" : "false",
                     closed && opportunity.won ? "true" : "false", lead_source(lead)});
  }
  return {"salesforce/Opportunity.csv", text};
}

ExportFile tasks_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Id", "WhoId", "OwnerId", "Subject", "Type", "TaskSubtype", "Status", "ActivityDate",
                              "CreatedDate", "Description"});
  for (std::size_t i = 0; i < log.activities.size(); ++i) {
    const model::CrmActivity& activity = log.activities[i];
    const bool call = activity.kind == model::ActivityKind::call;
    const Person person = prospect_person(log.leads[activity.lead].prospect);
    text += csv_row({record_id("00T", i), record_id("00Q", activity.lead), record_id("005", activity.rep),
                     call ? "Call" : "Email: Thanks for your interest", call ? "Call" : "Email", call ? "Call" : "Email",
                     "Completed", local_date(clock.local(activity.at_hours)), format_utc(clock.utc(activity.at_hours)),
                     free_text_note(person, static_cast<std::uint32_t>(i) + 7U)});
  }
  return {"salesforce/Task.csv", text};
}

}  // namespace

std::vector<ExportFile> salesforce_files(const model::CrmEventLog& log, const ExportClock& clock) {
  return {leads_file(log, clock), opportunities_file(log, clock), tasks_file(log, clock)};
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (std::size_t i = 0; i < cells.size(); ++i) row += (i > 0 ? "," : "") + csv_cell(cells[i]);
  return row + "\r\n";
}

std::string programme_source(std::uint16_t marketer) {
  static const char* const kSources[] = {"Web", "Webinar", "Content Syndication", "Paid Search"};
  const std::size_t n = sizeof kSources / sizeof kSources[0];
  return marketer < n ? kSources[marketer] : "Campaign " + std::to_string(marketer + 1);
}

std::string amount_text(double usd) {
  char text[48];
  std::snprintf(text, sizeof text, "%.2f", usd);
  return text;
}

}  // namespace alignsim::crm::detail
