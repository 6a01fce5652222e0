#pragma once
// The company's time zone (civil_time.hpp): the rules of the tz database, read from its
// TZif files with their POSIX TZ footer for the years after the last listed change, so
// daylight saving is right from 1970 to 2100. Thread-safe.
#include <cstdint>
#include <string>

#include "crm/civil_time.hpp"

namespace alignsim::crm {

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

}  // namespace alignsim::crm
