#pragma once
// Calendar arithmetic shared by civil_time.cpp, time_zone.cpp and business_calendar.cpp:
// floor division for days and seconds before 1970, leap years, weekdays. Internal to crm/.
#include <cstdint>

namespace alignsim::crm::detail {

inline constexpr std::int64_t kSecondsPerDay = 86400;

// Floor division and modulo: days and seconds before 1970 are negative.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
inline std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

inline bool is_leap_year(std::int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

inline int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// 0 = Sunday ... 6 = Saturday; 1970-01-01 (day 0) was a Thursday.
inline int weekday_of(std::int64_t day) { return static_cast<int>(floor_mod(day + 4, 7)); }

}  // namespace alignsim::crm::detail
