#pragma once
// Time as a CRM export writes it, brought onto the model's clock (docs/calibration.md).
// A timestamp cell is either an instant (with "Z" or a UTC offset, as Salesforce's API
// exports write it) or a wall-clock time of the company's time zone (as HubSpot's and
// report exports write it). Both become the company's local wall-clock time through the
// zone's rules (tzdata, daylight saving included). The model counts time in business
// days of 24 hours with weekends (and holidays) removed, so durations are measured on
// that clock: a lead that arrives on a Saturday waits from Monday 00:00.
// This header: timestamps and civil dates; the zone's rules are time_zone.hpp, the
// working week business_calendar.hpp. Thread-safe.
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
