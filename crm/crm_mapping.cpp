#include "crm/crm_mapping.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::crm {
namespace {

using sim::SourceLocation;
using sim::detail::MapEntry;
using sim::detail::throw_scenario_error;

struct TableRules {
  std::vector<std::string> required, optional;
  std::map<std::string, std::vector<std::string>> classes;  // classified field -> its classes
};

const std::map<std::string, TableRules>& table_rules() {
  static const std::map<std::string, TableRules> rules{
      {"leads",
       {{"id", "created", "source", "status", "owner"},
        {"mql_date", "first_touch", "converted_opportunity"},
        {{"source", {"marketing", "sales"}}, {"status", {"open", "closed", "converted"}}}}},
      {"opportunities",
       {{"id", "created", "stage", "amount"}, {"closed", "owner", "lead"}, {{"stage", {"open", "won", "lost"}}}}},
      {"activities", {{"id", "lead", "at", "type"}, {"owner"}, {{"type", {"call", "email", "other"}}}}},
  };
  return rules;
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : ", ") + w;
  return text;
}

std::string text_of(const MapEntry& entry, const std::string& path) {
  if (const std::string problem = sim::detail::single_value_problem(entry.value); !problem.empty()) {
    throw_scenario_error(entry.value_at, path, problem, "text");
  }
  const std::string text = sim::detail::scalar_text(entry.value).text;
  if (text.empty()) throw_scenario_error(entry.value_at, path, "empty text", "non-empty text");
  return text;
}

std::vector<MapEntry> mapping_at(const MapEntry& entry, const std::string& file, const std::string& path) {
  if (!entry.value.IsMap()) {
    throw_scenario_error(entry.value_at, path, "is " + sim::detail::node_kind_name(entry.value), "a mapping");
  }
  return sim::detail::mapping_entries(entry.value, file, path);
}

// The values of one class: a list of texts (a single text is a list of one).
std::vector<std::string> value_list(const MapEntry& entry, const std::string& file, const std::string& path) {
  if (!entry.value.IsSequence()) return {text_of(entry, path)};
  std::vector<std::string> values;
  for (std::size_t i = 0; i < entry.value.size(); ++i) {
    const MapEntry item{entry.key, entry.key_at, entry.value[i], sim::detail::location_of(file, entry.value[i].Mark())};
    values.push_back(text_of(item, path + "[" + std::to_string(i) + "]"));
  }
  return values;
}

void read_classes(const MapEntry& entry, const std::string& file, const std::string& path,
                  const std::vector<std::string>& classes, std::map<std::string, std::string>& into) {
  for (const MapEntry& c : mapping_at(entry, file, path)) {
    const std::string key = path + "." + c.key;
    if (std::find(classes.begin(), classes.end(), c.key) == classes.end()) {
      throw_scenario_error(c.key_at, key, "is not a class of this column", joined(classes));
    }
    for (const std::string& value : value_list(c, file, key)) {
      if (!into.emplace(value, c.key).second) {
        throw_scenario_error(c.value_at, key, "value " + sim::detail::quote_for_message(value) + " is already " +
                                                   into.at(value), "each value in one class");
      }
    }
  }
}

void read_columns(const MapEntry& entry, const std::string& file, const std::string& path, const TableRules& rules,
                  TableMapping& table) {
  for (const MapEntry& c : mapping_at(entry, file, path)) {
    const bool known = std::count(rules.required.begin(), rules.required.end(), c.key) +
                           std::count(rules.optional.begin(), rules.optional.end(), c.key) > 0;
    if (!known) {
      throw_scenario_error(c.key_at, path + "." + c.key, "is not a field of this file",
                           joined(rules.required) + ", optional: " + joined(rules.optional));
    }
    table.columns[c.key] = text_of(c, path + "." + c.key);
    table.column_at[c.key] = c.value_at;
  }
  for (const std::string& field : rules.required) {
    if (table.columns.count(field) == 0) {
      throw_scenario_error(entry.key_at, path, "names no column for " + field, "every field of: " + joined(rules.required));
    }
  }
}

TableMapping read_table(const MapEntry& entry, const std::string& file) {
  const TableRules& rules = table_rules().at(entry.key);
  TableMapping table;
  bool has_columns = false;
  for (const MapEntry& e : mapping_at(entry, file, entry.key)) {
    const std::string path = entry.key + "." + e.key;
    if (e.key == "file") {
      table.file = text_of(e, path);
      table.file_at = e.value_at;
    } else if (e.key == "columns") {
      read_columns(e, file, path, rules, table);
      has_columns = true;
    } else if (rules.classes.count(e.key) != 0) {
      read_classes(e, file, path, rules.classes.at(e.key), table.values[e.key]);
      table.values_at[e.key] = e.key_at;
    } else {
      std::vector<std::string> keys{"file", "columns"};
      for (const auto& [field, classes] : rules.classes) keys.push_back(field);
      throw_scenario_error(e.key_at, path, "is not a key of this file's mapping", joined(keys));
    }
  }
  if (table.file.empty()) throw_scenario_error(entry.key_at, entry.key, "names no file", "file: NAME.csv");
  if (!has_columns) throw_scenario_error(entry.key_at, entry.key, "has no columns", "columns: {field: column}");
  for (const auto& [field, classes] : rules.classes) {
    if (table.values.count(field) == 0) {
      throw_scenario_error(entry.key_at, entry.key, "does not say what the values of " + field + " mean",
                           field + ": {" + joined(classes) + "}");
    }
  }
  return table;
}

std::vector<int> read_weekend(const MapEntry& entry, const std::string& file) {
  static const std::vector<std::string> kDays{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  std::vector<int> days;
  for (const std::string& day : value_list(entry, file, "weekend")) {
    const auto at = std::find(kDays.begin(), kDays.end(), day);
    if (at == kDays.end()) throw_scenario_error(entry.value_at, "weekend", "unknown day " + day, joined(kDays));
    days.push_back(static_cast<int>(at - kDays.begin()));
  }
  return days;
}

std::vector<std::int64_t> read_holidays(const MapEntry& entry, const std::string& file) {
  std::vector<std::int64_t> days;
  if (entry.value.IsSequence() && entry.value.size() == 0) return days;
  for (const std::string& text : value_list(entry, file, "holidays")) {
    const auto stamp = parse_timestamp(text);
    if (!stamp || stamp->has_offset || stamp->seconds % 86400 != 0) {
      throw_scenario_error(entry.value_at, "holidays", "not a date: " + text, "dates as YYYY-MM-DD");
    }
    days.push_back(stamp->seconds / 86400);
  }
  return days;
}

void read_setting(const MapEntry& e, const std::string& file, CrmMapping& mapping) {
  if (e.key == "crm") {
    mapping.crm = text_of(e, e.key);
  } else if (e.key == "time_zone") {
    mapping.time_zone = text_of(e, e.key);
    try {
      (void)TimeZone(mapping.time_zone);
    } catch (const std::invalid_argument&) {
      throw_scenario_error(e.value_at, e.key, "unknown time zone " + mapping.time_zone,
                           "a zone of the tz database, e.g. America/New_York, Europe/Berlin, UTC");
    }
  } else if (e.key == "date_order") {
    const std::string order = text_of(e, e.key);
    if (order != "month_first" && order != "day_first") throw_scenario_error(e.value_at, e.key, "unknown order " + order, "month_first, day_first");
    mapping.date_order = order == "day_first" ? DateOrder::day_first : DateOrder::month_first;
  } else if (e.key == "encoding") {
    const std::string encoding = text_of(e, e.key);
    if (encoding != "utf-8" && encoding != "windows-1252") throw_scenario_error(e.value_at, e.key, "unknown encoding " + encoding, "utf-8, windows-1252");
    mapping.encoding = encoding == "windows-1252" ? TextEncoding::windows_1252 : TextEncoding::utf8;
  } else if (e.key == "weekend") {
    mapping.weekend = read_weekend(e, file);
  } else if (e.key == "holidays") {
    mapping.holidays = read_holidays(e, file);
  } else {
    throw_scenario_error(e.key_at, e.key, "is not a key of a CRM mapping",
                         "crm, time_zone, date_order, encoding, weekend, holidays, leads, opportunities, activities");
  }
}

CrmMapping read_document(const std::string& file, const YAML::Node& root) {
  if (!root.IsMap()) throw_scenario_error({file, 1, 1}, "", "a CRM mapping is a mapping", "crm:, time_zone:, leads:, ...");
  CrmMapping mapping;
  mapping.file = file;
  std::set<std::string> tables;
  for (const MapEntry& e : sim::detail::mapping_entries(root, file, "")) {
    if (table_rules().count(e.key) != 0) {
      TableMapping table = read_table(e, file);
      (e.key == "leads" ? mapping.leads : e.key == "opportunities" ? mapping.opportunities : mapping.activities) = table;
      tables.insert(e.key);
    } else {
      read_setting(e, file, mapping);
    }
  }
  for (const char* table : {"leads", "opportunities", "activities"}) {
    if (tables.count(table) == 0) throw_scenario_error({file, 0, 0}, table, "is missing", "leads, opportunities and activities");
  }
  if (mapping.time_zone.empty()) throw_scenario_error({file, 0, 0}, "time_zone", "is missing", "the company's zone, e.g. America/New_York");
  return mapping;
}

}  // namespace

std::optional<std::string> TableMapping::column(const std::string& field) const {
  const auto found = columns.find(field);
  if (found == columns.end()) return std::nullopt;
  return found->second;
}

CrmMapping read_crm_mapping(const std::string& path) {
  return read_document(path, sim::detail::read_yaml_file({path, {path, 0, 0}, ""}));
}

CrmMapping read_crm_mapping_text(const std::string& name, const std::string& text) {
  return read_document(name, sim::detail::yaml_document(name, text));
}

}  // namespace alignsim::crm
