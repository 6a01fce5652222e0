#include "crm/civil_time.hpp"

#include <cstdio>

#include "crm/civil_arithmetic.hpp"
#include "crm/text_scanner.hpp"

namespace alignsim::crm {
namespace {

using detail::days_in_month;
using detail::floor_div;
using detail::kSecondsPerDay;
using detail::Scanner;

// ---- parse_timestamp

struct ClockTime {
  int hour = 0, minute = 0, second = 0;
};


bool valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// 60 is a leap second; it reads as the first second of the next minute.
bool valid_time(const ClockTime& t) {
  return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 60;
}

std::int64_t seconds_of(int year, int month, int day, const ClockTime& t) {
  return days_from_civil(year, month, day) * kSecondsPerDay + t.hour * 3600 + t.minute * 60 + t.second;
}

// HH:MM[:SS[.fff]] with two-digit fields (the ISO forms).
std::optional<ClockTime> iso_clock(Scanner& s) {
  ClockTime t;
  const auto hour = s.number(2, 2);
  if (!hour || !s.eat(':')) return std::nullopt;
  const auto minute = s.number(2, 2);
  if (!minute) return std::nullopt;
  t.hour = *hour;
  t.minute = *minute;
  if (s.eat(':')) {
    const auto second = s.number(2, 2);
    if (!second) return std::nullopt;
    t.second = *second;
    if (s.eat('.')) {
      if (!s.at_digit()) return std::nullopt;
      s.skip_digits();  // fractions of a second are dropped
    }
  }
  return valid_time(t) ? std::optional(t) : std::nullopt;
}

// Z, +HH:MM, +HHMM or +HH (or -): seconds east of UTC, or none when malformed.
std::optional<int> utc_offset(Scanner& s) {
  if (s.eat('Z')) return 0;
  const int sign = s.eat('+') ? 1 : (s.eat('-') ? -1 : 0);
  if (sign == 0) return std::nullopt;
  const auto hours = s.number(2, 2);
  if (!hours) return std::nullopt;
  std::optional<int> minutes = 0;
  if (s.eat(':')) minutes = s.number(2, 2);
  else if (s.at_digit()) minutes = s.number(2, 2);
  if (!minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 3600 + *minutes * 60);
}

std::optional<ParsedTimestamp> parse_iso(std::string_view text) {
  Scanner s(text);
  const auto year = s.number(4, 4);
  if (!year || !s.eat('-')) return std::nullopt;
  const auto month = s.number(2, 2);
  if (!month || !s.eat('-')) return std::nullopt;
  const auto day = s.number(2, 2);
  if (!day || !valid_date(*year, *month, *day)) return std::nullopt;
  if (s.done()) return ParsedTimestamp{seconds_of(*year, *month, *day, {}), false};
  if (!s.eat('T') && !s.eat(' ')) return std::nullopt;
  const auto clock = iso_clock(s);
  if (!clock) return std::nullopt;
  const std::int64_t local = seconds_of(*year, *month, *day, *clock);
  if (s.done()) return ParsedTimestamp{local, false};
  const auto offset = utc_offset(s);
  if (!offset || !s.done()) return std::nullopt;
  return ParsedTimestamp{local - *offset, true};
}

// H:MM[:SS][ AM|PM] (the US forms; the hour may have one digit).
std::optional<ClockTime> us_clock(Scanner& s) {
  ClockTime t;
  const auto hour = s.number(1, 2);
  if (!hour || !s.eat(':')) return std::nullopt;
  const auto minute = s.number(2, 2);
  if (!minute) return std::nullopt;
  t.hour = *hour;
  t.minute = *minute;
  if (s.eat(':')) {
    const auto second = s.number(2, 2);
    if (!second) return std::nullopt;
    t.second = *second;
  }
  if (s.eat(' ')) {
    const bool pm = s.eat_word("PM");
    if (!pm && !s.eat_word("AM")) return std::nullopt;
    if (t.hour < 1 || t.hour > 12) return std::nullopt;
    t.hour = t.hour % 12 + (pm ? 12 : 0);  // 12 AM is midnight, 12 PM noon
  }
  return valid_time(t) ? std::optional(t) : std::nullopt;
}

std::optional<ParsedTimestamp> parse_us(std::string_view text, DateOrder order) {
  Scanner s(text);
  const auto first = s.number(1, 2);
  if (!first || !s.eat('/')) return std::nullopt;
  const auto second = s.number(1, 2);
  if (!second || !s.eat('/')) return std::nullopt;
  const auto year = s.number(4, 4);
  if (!year) return std::nullopt;
  const int month = order == DateOrder::month_first ? *first : *second;
  const int day = order == DateOrder::month_first ? *second : *first;
  if (!valid_date(*year, month, day)) return std::nullopt;
  if (s.done()) return ParsedTimestamp{seconds_of(*year, month, day, {}), false};
  if (!s.eat(' ')) return std::nullopt;
  const auto clock = us_clock(s);
  if (!clock || !s.done()) return std::nullopt;
  return ParsedTimestamp{seconds_of(*year, month, day, *clock), false};
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}


}  // namespace


// ---- Civil dates (the algorithms of Howard Hinnant's "chrono-Compatible Low-Level Date
// Algorithms": years counted from March, so the leap day ends a 400-year era's year).

std::int64_t days_from_civil(int year, int month, int day) noexcept {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t year_of_era = y - era * 400;                                   // [0, 399]
  const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

CivilDate civil_from_days(std::int64_t days) noexcept {
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t day_of_era = z - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
  CivilDate date;
  date.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  date.month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

std::string format_local(LocalSeconds t) {
  const std::int64_t day = floor_div(t, kSecondsPerDay);
  const std::int64_t second_of_day = t - day * kSecondsPerDay;
  const CivilDate date = civil_from_days(day);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month, date.day,
                static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60),
                static_cast<int>(second_of_day % 60));
  return text;
}

std::string format_utc(std::int64_t utc_seconds) { return format_local(utc_seconds) + ".000Z"; }

std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, DateOrder order) {
  text = trimmed(text);
  if (auto iso = parse_iso(text)) return iso;
  return parse_us(text, order);
}

}  // namespace alignsim::crm
