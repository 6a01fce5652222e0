#pragma once
// Time as a CRM export writes it, brought onto the model's clock (docs/calibration.md).
// A timestamp cell is either an instant (with "Z" or a UTC offset, as Salesforce's API
// exports write it) or a wall-clock time of the company's time zone (as HubSpot's and
// report exports write it). Both become the company's local wall-clock time through the
// zone's rules (tzdata, daylight saving included). The model counts time in business
// days of 24 hours with weekends (and holidays) removed, so durations are measured on
// that clock: a lead that arrives on a Saturday waits from Monday 00:00.
// Thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignsim::crm {

// Seconds since 1970-01-01 00:00 of a wall clock (no zone attached).
using LocalSeconds = std::int64_t;

struct ParsedTimestamp {
  std::int64_t seconds = 0;  // UTC seconds when has_offset, else LocalSeconds
  bool has_offset = false;
};

// How a date without an ISO form is ordered: 03/04/2025 is 4 March (month_first, the
// US form) or 3 April (day_first).
enum class DateOrder { month_first, day_first };

// Parses "YYYY-MM-DD", "YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM|+HHMM]",
// "MM/DD/YYYY[ HH:MM[:SS][ AM|PM]]" (or DD/MM/YYYY by `order`). Fractions of a second
// are dropped. None for anything else, or for an impossible date or time (2025-02-30, 25:00).
[[nodiscard]] std::optional<ParsedTimestamp> parse_timestamp(std::string_view text,
                                                             DateOrder order = DateOrder::month_first);

// A time zone of the tz database ("America/New_York", "Europe/Berlin", "UTC").
class TimeZone {
 public:
  // Throws std::invalid_argument naming the zone when the tz database (/usr/share/zoneinfo)
  // lacks it, or the name is no zone name (a leading '/', ".."). A zone's file is read
  // once per process; years after its last listed change follow its POSIX TZ rule.
  explicit TimeZone(std::string name);
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] LocalSeconds local_from_utc(std::int64_t utc_seconds) const;
  // A wall-clock time in the spring-forward gap does not exist: it is read as the same
  // clock reading before the change (so 02:30 becomes 03:30 after it). One in the
  // autumn overlap happens twice: the first (earlier) instant is taken, the
  // daylight-saving one (Europe/Dublin's tzdata calls its summer time standard).
  [[nodiscard]] std::int64_t utc_from_local(LocalSeconds local) const;

 private:
  std::string name_;
};

// The company's local wall-clock time of a parsed cell.
[[nodiscard]] LocalSeconds local_time_of(const ParsedTimestamp& stamp, const TimeZone& zone);

// Working days: every day but the weekend days and the listed holidays.
class BusinessCalendar {
 public:
  // `weekend`: days of the week off, 0 = Sunday ... 6 = Saturday (default Saturday and
  // Sunday); `holidays`: local days off, as days since 1970-01-01, in any order. Throws
  // std::invalid_argument for a weekend day outside 0-6 or a weekend of all seven days.
  explicit BusinessCalendar(std::vector<int> weekend = {0, 6}, std::vector<std::int64_t> holidays = {});
  [[nodiscard]] bool is_working_day(std::int64_t local_day) const;
  // Hours from `from` to `to` that fall on working days (negative when to < from); a
  // moment on a day off counts as the start of the next working day.
  [[nodiscard]] double business_hours_between(LocalSeconds from, LocalSeconds to) const;
  // Working days from 1970-01-01 up to the day of `t` (the day of t not counted): the
  // model's day number up to a constant. A day off maps to the next working day's index.
  [[nodiscard]] std::int64_t business_day_index(LocalSeconds t) const;
  // The inverse: the local start (00:00) of the working day with that index.
  [[nodiscard]] LocalSeconds start_of_business_day(std::int64_t index) const;

 private:
  std::vector<int> weekend_;
  std::vector<std::int64_t> holidays_;  // sorted
};

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
[[nodiscard]] std::int64_t days_from_civil(int year, int month, int day) noexcept;
struct CivilDate {
  int year = 1970, month = 1, day = 1;
};
[[nodiscard]] CivilDate civil_from_days(std::int64_t days) noexcept;

// "YYYY-MM-DDTHH:MM:SS" of a wall-clock time, and "YYYY-MM-DDTHH:MM:SS.000Z" of a UTC instant.
[[nodiscard]] std::string format_local(LocalSeconds t);
[[nodiscard]] std::string format_utc(std::int64_t utc_seconds);

}  // namespace alignsim::crm
