#include "crm/crm_records.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "sim/errors.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::crm {
namespace {

constexpr double kSecondsPerHour = 3600.0;
const std::string kBlank = "(blank)";  // how a mapping names the empty value

// The company's clock: cells to business hours.
class Clock {
 public:
  explicit Clock(const CrmMapping& m) : zone_(m.time_zone), calendar_(m.weekend, m.holidays), order_(m.date_order) {}
  // None for an unreadable cell.
  [[nodiscard]] std::optional<double> hours(const std::string& text) const {
    const auto stamp = parse_timestamp(text, order_);
    if (!stamp) return std::nullopt;
    return business_hours_of(local_time_of(*stamp, zone_), calendar_);
  }

 private:
  TimeZone zone_;
  BusinessCalendar calendar_;
  DateOrder order_;
};

// One export file read through its table mapping.
class MappedTable {
 public:
  MappedTable(const std::filesystem::path& dir, const std::string& table_key, const TableMapping& mapping,
              const CrmMapping& crm)
      : key_(table_key), mapping_(mapping), table_(read_csv_file((dir / mapping.file).string(), crm.encoding)) {
    for (const auto& [field, column] : mapping.columns) {
      const auto index = table_.column_of(column);
      if (!index) {
        throw ScenarioError(table_.file + ":1:1: column " + sim::detail::quote_for_message(column) +
                            " is not in the header (" + crm.file + " maps " + key_ + ".columns." + field +
                            " to it; the header has: " + header_text() + ")");
      }
      index_[field] = *index;
    }
  }
  [[nodiscard]] const std::vector<CsvRecord>& records() const { return table_.records; }
  [[nodiscard]] const std::string& file() const { return table_.file; }
  [[nodiscard]] bool has(const std::string& field) const { return index_.count(field) != 0; }
  [[nodiscard]] std::string cell(const CsvRecord& r, const std::string& field) const {
    return has(field) ? r.cells[index_.at(field)] : std::string();
  }
  [[nodiscard]] std::string where(const CsvRecord& r) const { return table_.file + ":" + std::to_string(r.line); }
  // The class of a classified cell; an unlisted value is an error naming where to add it.
  [[nodiscard]] const std::string& classify(const CsvRecord& r, const std::string& field) const {
    const std::string& value = r.cells[index_.at(field)];
    const auto& classes = mapping_.values.at(field);
    const auto found = classes.find(value.empty() ? kBlank : value);
    if (found != classes.end()) return found->second;
    const std::size_t i = index_.at(field);
    throw ScenarioError(table_.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.columns[i]) + ": column " +
                        sim::detail::quote_for_message(mapping_.columns.at(field)) + ": unknown value " +
                        sim::detail::quote_for_message(value.empty() ? kBlank : value) + " (add it to " + key_ + "." +
                        field + " in the mapping, under one of its classes)");
  }

 private:
  [[nodiscard]] std::string header_text() const {
    std::string text;
    for (const std::string& h : table_.header) text += (text.empty() ? "" : ", ") + h;
    return text;
  }
  std::string key_;
  const TableMapping& mapping_;
  CsvTable table_;
  std::map<std::string, std::size_t> index_;
};

// "25000", "25000.50", "25,000.50", "$25,000": a non-negative amount, or none.
std::optional<double> amount_of(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ',' || c == ' ' || c == '$'; }),
             text.end());
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Reads the dates a row needs; none (and the row is skipped) when a required one is blank or unreadable.
struct RowDates {
  std::map<std::string, std::optional<double>> hours;
  std::string problem;  // the skip reason, empty when usable
};
RowDates dates_of(const MappedTable& t, const CsvRecord& r, const Clock& clock, const std::vector<std::string>& required,
                  const std::vector<std::string>& optional) {
  RowDates dates;
  for (const std::string& field : required) {
    const std::string text = t.cell(r, field);
    if (text.empty()) return {{}, "no " + field + " date"};
    dates.hours[field] = clock.hours(text);
    if (!dates.hours[field]) return {{}, "unreadable " + field + " date"};
  }
  for (const std::string& field : optional) {
    const std::string text = t.cell(r, field);
    if (text.empty()) continue;
    dates.hours[field] = clock.hours(text);
    if (!dates.hours[field]) return {{}, "unreadable " + field + " date"};
  }
  return dates;
}

void read_leads(const MappedTable& t, const Clock& clock, CrmRecords& out) {
  std::unordered_set<std::string> seen;
  for (const CsvRecord& r : t.records()) {
    ++out.lead_rows.read;
    LeadRecord lead;
    lead.id = t.cell(r, "id");
    const std::string& source = t.classify(r, "source");
    lead.status = t.classify(r, "status");
    if (lead.id.empty()) { out.lead_rows.skip("no id", t.where(r)); continue; }
    if (!seen.insert(lead.id).second) { out.lead_rows.skip("duplicate id (the first row is used)", t.where(r)); continue; }
    const RowDates dates = dates_of(t, r, clock, {"created"}, {"mql_date", "first_touch"});
    if (!dates.problem.empty()) { out.lead_rows.skip(dates.problem, t.where(r)); continue; }
    lead.created_hours = *dates.hours.at("created");
    lead.marketing = source == "marketing";
    lead.mql = dates.hours.count("mql_date") != 0;
    if (dates.hours.count("first_touch") != 0) lead.first_touch_hours = dates.hours.at("first_touch");
    lead.owner = t.cell(r, "owner");
    lead.converted = lead.status == "converted";
    out.leads.push_back(std::move(lead));
    ++out.lead_rows.used;
  }
}

void read_opportunities(const MappedTable& t, const Clock& clock, CrmRecords& out) {
  std::unordered_set<std::string> seen;
  for (const CsvRecord& r : t.records()) {
    ++out.opportunity_rows.read;
    OpportunityRecord o;
    o.id = t.cell(r, "id");
    o.stage = t.classify(r, "stage");
    if (o.id.empty()) { out.opportunity_rows.skip("no id", t.where(r)); continue; }
    if (!seen.insert(o.id).second) { out.opportunity_rows.skip("duplicate id (the first row is used)", t.where(r)); continue; }
    const bool closed = o.stage != "open";
    const RowDates dates = dates_of(t, r, clock, closed ? std::vector<std::string>{"created", "closed"}
                                                        : std::vector<std::string>{"created"}, {});
    if (!dates.problem.empty()) { out.opportunity_rows.skip(dates.problem, t.where(r)); continue; }
    const auto amount = amount_of(t.cell(r, "amount"));
    if (!amount) { out.opportunity_rows.skip("unreadable amount", t.where(r)); continue; }
    o.created_hours = *dates.hours.at("created");
    if (closed) o.closed_hours = dates.hours.at("closed");
    // A close date is a date: a deal closed on the day it was created closed after it.
    if (o.closed_hours && std::floor(*o.closed_hours / 24) < std::floor(o.created_hours / 24)) {
      out.opportunity_rows.skip("closed before it was created", t.where(r));
      continue;
    }
    o.amount_usd = *amount;
    o.owner = t.cell(r, "owner");
    o.lead = t.cell(r, "lead");
    out.opportunities.push_back(std::move(o));
    ++out.opportunity_rows.used;
  }
}

void read_activities(const MappedTable& t, const Clock& clock, const std::unordered_map<std::string, std::size_t>& leads,
                     CrmRecords& out) {
  for (const CsvRecord& r : t.records()) {
    ++out.activity_rows.read;
    ActivityRecord a;
    const std::string& type = t.classify(r, "type");
    if (type == "other") { out.activity_rows.skip("not a call or e-mail (class other)", t.where(r)); continue; }
    a.lead = t.cell(r, "lead");
    const auto lead = leads.find(a.lead);
    if (lead == leads.end()) { out.activity_rows.skip("for a lead not in the export", t.where(r)); continue; }
    const RowDates dates = dates_of(t, r, clock, {"at"}, {});
    if (!dates.problem.empty()) { out.activity_rows.skip(dates.problem, t.where(r)); continue; }
    a.at_hours = *dates.hours.at("at");
    if (a.at_hours < out.leads[lead->second].created_hours) {
      out.activity_rows.skip("dated before its lead was created", t.where(r));
      continue;
    }
    a.call = type == "call";
    a.owner = t.cell(r, "owner");
    out.activities.push_back(std::move(a));
    ++out.activity_rows.used;
  }
}

// First touches and first calls from the activities; conversions from the opportunities.
void link(CrmRecords& out, const std::unordered_map<std::string, std::size_t>& leads) {
  for (const ActivityRecord& a : out.activities) {
    LeadRecord& lead = out.leads[leads.at(a.lead)];
    if (a.call && (!lead.first_call_hours || a.at_hours < *lead.first_call_hours)) lead.first_call_hours = a.at_hours;
  }
  std::vector<std::optional<double>> from_activities(out.leads.size());
  std::vector<std::string> first_owner(out.leads.size());
  for (const ActivityRecord& a : out.activities) {
    const std::size_t i = leads.at(a.lead);
    if (!from_activities[i] || a.at_hours < *from_activities[i]) from_activities[i] = a.at_hours, first_owner[i] = a.owner;
  }
  for (std::size_t i = 0; i < out.leads.size(); ++i) {
    LeadRecord& lead = out.leads[i];
    lead.first_touch_owner = first_owner[i];
    if (!lead.first_touch_hours && from_activities[i]) {
      lead.first_touch_hours = from_activities[i];
      ++out.first_touch_derived;
    }
    if (!first_owner[i].empty() && !lead.owner.empty() && first_owner[i] != lead.owner) ++out.owner_changed;
  }
  for (const OpportunityRecord& o : out.opportunities) {
    const auto lead = leads.find(o.lead);
    if (lead == leads.end()) {
      ++out.opportunities_without_lead;
      continue;
    }
    out.leads[lead->second].converted = true;
  }
}

void note_latest(CrmRecords& out) {
  for (const LeadRecord& l : out.leads) out.latest_hours = std::max(out.latest_hours, l.created_hours);
  for (const ActivityRecord& a : out.activities) out.latest_hours = std::max(out.latest_hours, a.at_hours);
  for (const OpportunityRecord& o : out.opportunities) {
    out.latest_hours = std::max(out.latest_hours, o.created_hours);
    // An open deal's close date is a forecast, not something that happened.
    if (o.closed_hours) out.latest_hours = std::max(out.latest_hours, *o.closed_hours);
  }
}

}  // namespace

void RowCounts::skip(const std::string& reason, const std::string& where) {
  ++skipped[reason];
  first_where.emplace(reason, where);
}

double business_hours_of(LocalSeconds local, const BusinessCalendar& calendar) {
  const std::int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const double index = static_cast<double>(calendar.business_day_index(local));
  if (!calendar.is_working_day(day)) return 24.0 * index;
  return 24.0 * index + static_cast<double>(local - day * 86400) / kSecondsPerHour;
}

CrmRecords read_crm_records(const std::filesystem::path& export_dir, const CrmMapping& mapping) {
  const Clock clock(mapping);
  CrmRecords out;
  const MappedTable leads(export_dir, "leads", mapping.leads, mapping);
  const MappedTable opportunities(export_dir, "opportunities", mapping.opportunities, mapping);
  const MappedTable activities(export_dir, "activities", mapping.activities, mapping);
  out.lead_rows.file = leads.file();
  out.opportunity_rows.file = opportunities.file();
  out.activity_rows.file = activities.file();
  read_leads(leads, clock, out);
  std::unordered_map<std::string, std::size_t> lead_index;
  for (std::size_t i = 0; i < out.leads.size(); ++i) lead_index.emplace(out.leads[i].id, i);
  read_opportunities(opportunities, clock, out);
  // A lead that names its opportunity (Salesforce's ConvertedOpportunityId) links it.
  if (leads.has("converted_opportunity")) {
    std::unordered_map<std::string, std::string> lead_of;
    for (const CsvRecord& r : leads.records()) {
      const std::string opportunity = leads.cell(r, "converted_opportunity");
      if (!opportunity.empty()) lead_of.emplace(opportunity, leads.cell(r, "id"));
    }
    for (OpportunityRecord& o : out.opportunities) {
      if (o.lead.empty() && lead_of.count(o.id) != 0) o.lead = lead_of.at(o.id);
    }
  }
  read_activities(activities, clock, lead_index, out);
  link(out, lead_index);
  note_latest(out);
  return out;
}

}  // namespace alignsim::crm
