// The HubSpot-shaped layout of the synthetic CRM: contacts, the Leads object, deals and
// activities as HubSpot's exports write them: numeric record ids, owners by name,
// associations as the associated record's id (and the contact as "Name (e-mail)"),
// wall-clock times of the portal's time zone.
#include <cmath>

#include "crm/export_layouts.hpp"
#include "crm/synthetic_people.hpp"

namespace alignsim::crm::detail {
namespace {

using model::CrmLead;
using model::LeadEnd;

constexpr std::uint64_t kLeadIds = 1'000'000, kDealIds = 2'000'000, kContactIds = 3'000'000, kActivityIds = 4'000'000;

std::string id_text(std::uint64_t base, std::size_t index) { return std::to_string(base + index + 1); }

std::string wall_clock(LocalSeconds t) {
  std::string text = format_local(t);
  text[10] = ' ';
  return text;
}

std::string owner_name(std::int64_t rep) {
  if (rep < 0) return "";
  const Person person = rep_person(static_cast<std::uint32_t>(rep));
  return person.first_name + " " + person.last_name;
}

std::string lead_stage(const CrmLead& lead) {
  switch (lead.end) {
    case LeadEnd::not_mql: return "Nurture";
    case LeadEnd::not_qualified: return "Disqualified";
    case LeadEnd::converted: return "Qualified";
    case LeadEnd::open:
    case LeadEnd::not_pursued:
    case LeadEnd::dropped: break;
  }
  return "New";
}

ExportFile contacts_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name",
                              "Create Date", "Lifecycle Stage", "Contact owner"});
  std::vector<std::int64_t> first_lead;  // per prospect: its first lead, -1 if none
  std::vector<std::uint8_t> customer;
  for (std::size_t i = 0; i < log.leads.size(); ++i) {
    const std::uint32_t p = log.leads[i].prospect;
    if (p >= first_lead.size()) first_lead.resize(p + 1, -1), customer.resize(p + 1, 0);
    if (first_lead[p] < 0) first_lead[p] = static_cast<std::int64_t>(i);
  }
  for (const model::CrmOpportunity& o : log.opportunities) {
    if (o.won) customer[log.leads[o.lead].prospect] = 1;
  }
  for (std::uint32_t p = 0; p < first_lead.size(); ++p) {
    if (first_lead[p] < 0) continue;
    const CrmLead& lead = log.leads[static_cast<std::size_t>(first_lead[p])];
    const Person person = prospect_person(p);
    text += csv_row({id_text(kContactIds, p), person.first_name, person.last_name, person.email, person.phone,
                     person.company, wall_clock(clock.local(lead.created_hours)), customer[p] ? "Customer" : "Lead",
                     owner_name(lead.owner)});
  }
  return {"hubspot/contacts.csv", text};
}

ExportFile leads_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Record ID", "Lead Name", "Create Date", "Lead Stage", "Lead Source", "Lead Owner",
                              "Marketing Qualified Date", "Associated Contact", "Associated Contact ID"});
  for (std::size_t i = 0; i < log.leads.size(); ++i) {
    const CrmLead& lead = log.leads[i];
    const Person person = prospect_person(lead.prospect);
    const std::string created = wall_clock(clock.local(lead.created_hours));
    text += csv_row({id_text(kLeadIds, i), person.first_name + " " + person.last_name, created, lead_stage(lead),
                     lead.sales_sourced ? "Sales prospecting" : programme_source(lead.marketer), owner_name(lead.owner),
                     lead.mql ? created : "", person.first_name + " " + person.last_name + " (" + person.email + ")",
                     id_text(kContactIds, lead.prospect)});
  }
  return {"hubspot/leads.csv", text};
}

ExportFile deals_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Record ID", "Deal Name", "Deal Stage", "Amount", "Create Date", "Close Date",
                              "Deal owner", "Associated Lead ID"});
  for (std::size_t i = 0; i < log.opportunities.size(); ++i) {
    const model::CrmOpportunity& o = log.opportunities[i];
    const bool closed = !std::isnan(o.decided_hours);
    text += csv_row({id_text(kDealIds, i), prospect_person(log.leads[o.lead].prospect).company + " deal",
                     !closed ? "Presentation Scheduled" : o.won ? "Closed Won" : "Closed Lost", amount_text(o.amount_usd),
                     wall_clock(clock.local(o.opened_hours)), closed ? wall_clock(clock.local(o.decided_hours)) : "",
                     owner_name(o.owner), id_text(kLeadIds, o.lead)});
  }
  return {"hubspot/deals.csv", text};
}

ExportFile activities_file(const model::CrmEventLog& log, const ExportClock& clock) {
  std::string text = csv_row({"Activity ID", "Activity Type", "Activity Date", "Activity Assigned To",
                              "Associated Lead ID", "Notes"});
  for (std::size_t i = 0; i < log.activities.size(); ++i) {
    const model::CrmActivity& a = log.activities[i];
    text += csv_row({id_text(kActivityIds, i), a.kind == model::ActivityKind::call ? "CALL" : "EMAIL",
                     wall_clock(clock.local(a.at_hours)), owner_name(a.rep), id_text(kLeadIds, a.lead),
                     free_text_note(prospect_person(log.leads[a.lead].prospect), static_cast<std::uint32_t>(i) + 11U)});
  }
  return {"hubspot/activities.csv", text};
}

}  // namespace

std::vector<ExportFile> hubspot_files(const model::CrmEventLog& log, const ExportClock& clock) {
  return {contacts_file(log, clock), leads_file(log, clock), deals_file(log, clock), activities_file(log, clock)};
}

}  // namespace alignsim::crm::detail
