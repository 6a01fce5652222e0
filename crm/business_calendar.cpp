#include "crm/business_calendar.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "crm/civil_arithmetic.hpp"

namespace alignsim::crm {
namespace {

using detail::floor_div;
using detail::kSecondsPerDay;
using detail::weekday_of;

constexpr std::int64_t kDaysPerWeek = 7;

std::vector<int> checked_weekend(std::vector<int> weekend) {
  std::sort(weekend.begin(), weekend.end());
  weekend.erase(std::unique(weekend.begin(), weekend.end()), weekend.end());
  if (!weekend.empty() && (weekend.front() < 0 || weekend.back() > 6)) {
    throw std::invalid_argument("BusinessCalendar: a weekend day must be 0 (Sunday) to 6 (Saturday)");
  }
  if (weekend.size() == 7) throw std::invalid_argument("BusinessCalendar: the weekend cannot be every day");
  return weekend;
}

}  // namespace

BusinessCalendar::BusinessCalendar(std::vector<int> weekend, std::vector<std::int64_t> holidays)
    : weekend_(checked_weekend(std::move(weekend))), holidays_(std::move(holidays)) {
  // A holiday on a weekend day changes nothing; dropping it lets a count of holidays
  // in a range be subtracted from a count of working weekdays.
  std::erase_if(holidays_, [this](std::int64_t day) {
    return std::binary_search(weekend_.begin(), weekend_.end(), weekday_of(day));
  });
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
}

bool BusinessCalendar::is_working_day(std::int64_t local_day) const {
  return !std::binary_search(weekend_.begin(), weekend_.end(), weekday_of(local_day)) &&
         !std::binary_search(holidays_.begin(), holidays_.end(), local_day);
}

namespace {

// Working days in [0, day) (negative for a day before 1970): whole weeks at once, then at
// most six single days, less the holidays between (holidays are all on working weekdays).
std::int64_t working_days_before(const std::vector<int>& weekend, const std::vector<std::int64_t>& holidays,
                                 std::int64_t day) {
  const std::int64_t week_start = floor_div(day, kDaysPerWeek) * kDaysPerWeek;
  std::int64_t count = week_start / kDaysPerWeek * (kDaysPerWeek - static_cast<std::int64_t>(weekend.size()));
  for (std::int64_t d = week_start; d < day; ++d) {
    if (!std::binary_search(weekend.begin(), weekend.end(), weekday_of(d))) ++count;
  }
  const auto holidays_before = [&](std::int64_t x) {
    return std::lower_bound(holidays.begin(), holidays.end(), x) - holidays.begin();
  };
  return count - (holidays_before(day) - holidays_before(0));
}

}  // namespace

double BusinessCalendar::business_hours_between(LocalSeconds from, LocalSeconds to) const {
  if (to < from) return -business_hours_between(to, from);
  // Seconds on the business clock: whole working days before the day, plus the time of
  // day on a working day; a day off stands still at the next working day's 00:00.
  const auto business_seconds = [this](LocalSeconds t) {
    const std::int64_t day = floor_div(t, kSecondsPerDay);
    const std::int64_t base = working_days_before(weekend_, holidays_, day) * kSecondsPerDay;
    return is_working_day(day) ? base + (t - day * kSecondsPerDay) : base;
  };
  return static_cast<double>(business_seconds(to) - business_seconds(from)) / 3600.0;
}

std::int64_t BusinessCalendar::business_day_index(LocalSeconds t) const {
  return working_days_before(weekend_, holidays_, floor_div(t, kSecondsPerDay));
}

LocalSeconds BusinessCalendar::start_of_business_day(std::int64_t index) const {
  // W(x) = working_days_before(x) never falls and rises by one after each working day,
  // so the working day with this index is the one before the first x with W(x) > index.
  // Weeks give W within a week of x * per_week / 7, and holidays shift it by at most
  // their number, which brackets x for a binary search.
  const auto w = [this](std::int64_t x) { return working_days_before(weekend_, holidays_, x); };
  const std::int64_t per_week = kDaysPerWeek - static_cast<std::int64_t>(weekend_.size());
  const auto spread = static_cast<std::int64_t>(holidays_.size());
  std::int64_t low = (floor_div(index - spread, per_week) - 1) * kDaysPerWeek;   // W(low) <= index
  std::int64_t high = (floor_div(index + spread, per_week) + 2) * kDaysPerWeek;  // W(high) > index
  while (high - low > 1) {
    const std::int64_t middle = low + (high - low) / 2;
    (w(middle) > index ? high : low) = middle;
  }
  return (high - 1) * kSecondsPerDay;
}

}  // namespace alignsim::crm
