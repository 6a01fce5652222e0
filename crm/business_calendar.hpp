#pragma once
// The model's clock on the company's calendar (civil_time.hpp): business days of 24
// hours, weekends and holidays removed. Thread-safe after construction.
#include <cstdint>
#include <vector>

#include "crm/civil_time.hpp"

namespace alignsim::crm {

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

}  // namespace alignsim::crm
