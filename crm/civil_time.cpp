#include "crm/civil_time.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <system_error>

namespace alignsim::crm {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Floor division and modulo: days and seconds before 1970 are negative.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

bool is_leap_year(std::int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// 0 = Sunday ... 6 = Saturday; 1970-01-01 (day 0) was a Thursday.
int weekday_of(std::int64_t day) { return static_cast<int>(floor_mod(day + 4, 7)); }

// ---- parse_timestamp

struct ClockTime {
  int hour = 0, minute = 0, second = 0;
};

// Reads the fixed forms of parse_timestamp left to right; every read either consumes what
// it asked for or reports failure.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  [[nodiscard]] bool done() const { return pos_ == text_.size(); }
  [[nodiscard]] bool at_digit() const { return !done() && text_[pos_] >= '0' && text_[pos_] <= '9'; }
  bool eat(char c) {
    if (done() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  // Two letters in either case ("AM", "pm").
  bool eat_word(std::string_view upper) {
    if (text_.size() - pos_ < upper.size()) return false;
    for (std::size_t i = 0; i < upper.size(); ++i) {
      const char c = text_[pos_ + i];
      if (c != upper[i] && c != upper[i] - 'A' + 'a') return false;
    }
    pos_ += upper.size();
    return true;
  }
  // A number of min_digits to max_digits digits, or none when there are fewer.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    int value = 0;
    std::size_t count = 0;
    while (count < max_digits && at_digit()) {
      value = value * 10 + (text_[pos_++] - '0');
      ++count;
    }
    if (count < min_digits) return std::nullopt;
    return value;
  }
  void skip_digits() {
    while (at_digit()) ++pos_;
  }
  // The next character, or '\0' at the end.
  [[nodiscard]] char peek() const { return done() ? '\0' : text_[pos_]; }
  void skip() {
    if (!done()) ++pos_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
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

// ---- Zone rules read from the tz database (RFC 8536 TZif files)

const std::string kZoneDirectory = "/usr/share/zoneinfo";

// Transitions are generated from a file's POSIX TZ footer up to this year: beyond the
// 1970-2100 promised, so the end of 2100 in any zone is still covered.
constexpr int kLastRuleYear = 2200;

// No UTC offset is a day or more, so a local time lies within this of its instant.
constexpr std::int64_t kOffsetReach = 2 * kSecondsPerDay;

// A zone as a step function: offsets[k] (seconds east of UTC) holds from transitions[k-1]
// (UTC) on; offsets[0] before the first transition. offsets has one more entry.
struct ZoneRules {
  std::vector<std::int64_t> transitions;
  std::vector<std::int32_t> offsets;
};

[[noreturn]] void bad_zone(const std::string& name, const std::string& why) {
  throw std::invalid_argument("time zone \"" + name + "\": " + why);
}

// Big-endian fields of a TZif file; reading past the end means the file is truncated.
class ByteReader {
 public:
  ByteReader(const std::string& name, std::string_view bytes) : name_(name), bytes_(bytes) {}
  std::string_view take(std::size_t count) {
    if (bytes_.size() - pos_ < count) bad_zone(name_, "its TZif file is truncated");
    const std::string_view field = bytes_.substr(pos_, count);
    pos_ += count;
    return field;
  }
  // A signed big-endian integer of `size` bytes (4 or 8).
  std::int64_t integer(std::size_t size) {
    std::uint64_t value = 0;
    for (const char c : take(size)) value = (value << 8) | static_cast<unsigned char>(c);
    if (size < 8 && (value >> (8 * size - 1)) != 0) value |= ~std::uint64_t{0} << (8 * size);
    return static_cast<std::int64_t>(value);
  }
  std::size_t count() { return static_cast<std::size_t>(integer(4)); }
  char next() { return take(1)[0]; }
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  const std::string& name_;
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

struct TzifHeader {
  char version = 0;
  std::size_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

TzifHeader read_header(ByteReader& in, const std::string& name) {
  if (in.take(4) != "TZif") bad_zone(name, "its file in " + kZoneDirectory + " is not a TZif file");
  TzifHeader header;
  header.version = in.next();
  in.take(15);
  header.isutcnt = in.count();
  header.isstdcnt = in.count();
  header.leapcnt = in.count();
  header.timecnt = in.count();
  header.typecnt = in.count();
  header.charcnt = in.count();
  if (header.typecnt == 0) bad_zone(name, "its TZif file has no local time types");
  return header;
}

// The data block after a header, with transition times of `time_size` bytes; leap
// second records are skipped (the model's clock has none).
ZoneRules read_data_block(ByteReader& in, const TzifHeader& header, std::size_t time_size, const std::string& name) {
  // Checked before allocating: a damaged header may claim billions of entries.
  if (in.remaining() < header.timecnt * (time_size + 1) + header.typecnt * 6) {
    bad_zone(name, "its TZif file is truncated");
  }
  std::vector<std::int64_t> times(header.timecnt);
  for (auto& time : times) time = in.integer(time_size);
  std::vector<std::size_t> type_of(header.timecnt);
  for (auto& type : type_of) type = static_cast<unsigned char>(in.next());
  std::vector<std::int32_t> type_offsets(header.typecnt);
  for (auto& offset : type_offsets) {
    offset = static_cast<std::int32_t>(in.integer(4));
    in.take(2);  // isdst and the abbreviation index: only the offset matters here
  }
  in.take(header.charcnt + header.leapcnt * (time_size + 4) + header.isstdcnt + header.isutcnt);
  ZoneRules rules;
  rules.transitions = std::move(times);
  rules.offsets.push_back(type_offsets[0]);  // RFC 8536: type 0 holds before the first transition
  for (const std::size_t type : type_of) {
    if (type >= type_offsets.size()) bad_zone(name, "its TZif file names a local time type it lacks");
    rules.offsets.push_back(type_offsets[type]);
  }
  if (!std::is_sorted(rules.transitions.begin(), rules.transitions.end())) {
    bad_zone(name, "its TZif file has transitions out of order");
  }
  return rules;
}

// ---- The POSIX TZ string of a TZif footer ("EST5EDT,M3.2.0,M11.1.0"), which rules the
// time after the file's last transition ("slim" files stop listing transitions early).

struct RuleDate {
  // 'J': Jn, day 1-365 never counting Feb 29; 'n': n, day 0-365 counting it; 'M': Mm.w.d,
  // weekday d (0 = Sunday) of week w (5 = the last) of month m.
  char kind = 'M';
  int a = 0, b = 0, c = 0;
};

struct PosixZone {
  std::int32_t standard = 0;  // seconds east of UTC (POSIX writes them west, negated)
  bool has_dst = false;
  std::int32_t dst = 0;
  RuleDate start, end;                              // daylight saving time's start and end
  std::int32_t start_time = 7200, end_time = 7200;  // local seconds after midnight (02:00)
};

class PosixParser {
 public:
  explicit PosixParser(std::string_view text) : s_(text) {}

  std::optional<PosixZone> parse() {
    PosixZone zone;
    if (!name()) return std::nullopt;
    const auto standard = clock(24);
    if (!standard) return std::nullopt;
    zone.standard = -*standard;
    if (s_.done()) return zone;
    if (!name()) return std::nullopt;
    zone.has_dst = true;
    zone.dst = zone.standard + 3600;  // POSIX: an hour ahead of standard time unless given
    if (!s_.done() && s_.peek() != ',') {
      const auto dst = clock(24);
      if (!dst) return std::nullopt;
      zone.dst = -*dst;
    }
    return rules(zone) ? std::optional(zone) : std::nullopt;
  }

 private:
  // "EST", or "<+0330>" for a name that is not letters.
  bool name() {
    if (s_.eat('<')) {
      while (!s_.done() && s_.peek() != '>') s_.skip();
      return s_.eat('>');
    }
    bool any = false;
    for (; is_letter(s_.peek()); any = true) s_.skip();
    return any;
  }

  // [+|-]hh[:mm[:ss]] as seconds, hours up to max_hours (RFC 8536 allows 167 in rules).
  std::optional<std::int32_t> clock(int max_hours) {
    int sign = 1;
    if (s_.eat('-')) sign = -1;
    else s_.eat('+');
    const auto hours = s_.number(1, 3);
    if (!hours || *hours > max_hours) return std::nullopt;
    std::optional<int> minutes = 0, seconds = 0;
    if (s_.eat(':')) minutes = s_.number(2, 2);
    if (minutes && s_.eat(':')) seconds = s_.number(2, 2);
    if (!minutes || !seconds || *minutes > 59 || *seconds > 59) return std::nullopt;
    return sign * (*hours * 3600 + *minutes * 60 + *seconds);
  }

  std::optional<RuleDate> date() {
    RuleDate d;
    if (s_.eat('M')) {
      const auto month = s_.number(1, 2);
      const auto week = month && s_.eat('.') ? s_.number(1, 1) : std::nullopt;
      const auto weekday = week && s_.eat('.') ? s_.number(1, 1) : std::nullopt;
      if (!weekday || *month < 1 || *month > 12 || *week < 1 || *week > 5 || *weekday > 6) return std::nullopt;
      d = {'M', *month, *week, *weekday};
      return d;
    }
    d.kind = s_.eat('J') ? 'J' : 'n';
    const auto day = s_.number(1, 3);
    if (!day || *day > 365 || (d.kind == 'J' && *day < 1)) return std::nullopt;
    d.a = *day;
    return d;
  }

  // ",start[/time],end[/time]"; without it, the US rule that glibc assumes.
  bool rules(PosixZone& zone) {
    if (s_.done()) {
      zone.start = {'M', 3, 2, 0};
      zone.end = {'M', 11, 1, 0};
      return true;
    }
    if (!s_.eat(',')) return false;
    const auto start = date();
    if (!start || !time_of_change(zone.start_time) || !s_.eat(',')) return false;
    const auto end = date();
    if (!end || !time_of_change(zone.end_time) || !s_.done()) return false;
    zone.start = *start;
    zone.end = *end;
    return true;
  }

  bool time_of_change(std::int32_t& time) {
    if (!s_.eat('/')) return true;
    const auto t = clock(167);
    if (t) time = *t;
    return t.has_value();
  }

  static bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

  Scanner s_;
};

// The local day (days since 1970-01-01) a rule date falls on in `year`.
std::int64_t day_of_rule(const RuleDate& d, int year) {
  const std::int64_t january_first = days_from_civil(year, 1, 1);
  if (d.kind == 'J') return january_first + d.a - 1 + (is_leap_year(year) && d.a >= 60 ? 1 : 0);
  if (d.kind == 'n') return january_first + d.a;
  // Mm.w.d: the w-th weekday d of month m, w = 5 meaning the last one.
  const std::int64_t first = days_from_civil(year, d.a, 1);
  std::int64_t day = first + (d.c - weekday_of(first) + 7) % 7 + 7 * (d.b - 1);
  while (day >= first + days_in_month(year, d.a)) day -= 7;
  return day;
}

// Appends the changes the footer rule makes from the year of the last transition to
// kLastRuleYear, so lookups need only the one sorted list.
void extend_with_rule(ZoneRules& rules, const PosixZone& zone) {
  if (!zone.has_dst) return;
  constexpr std::int64_t kYear1900 = -25567 * kSecondsPerDay;
  const bool any = !rules.transitions.empty();
  const std::int64_t last_local = any ? rules.transitions.back() + rules.offsets.back() : kYear1900;
  const int first_year =
      last_local <= kYear1900 ? 1900 : civil_from_days(floor_div(last_local, kSecondsPerDay)).year;
  for (int year = first_year; year <= kLastRuleYear; ++year) {
    // The start is written in standard time, the end in daylight-saving time.
    const std::int64_t start = day_of_rule(zone.start, year) * kSecondsPerDay + zone.start_time - zone.standard;
    const std::int64_t end = day_of_rule(zone.end, year) * kSecondsPerDay + zone.end_time - zone.dst;
    std::pair<std::int64_t, std::int32_t> changes[2] = {{start, zone.dst}, {end, zone.standard}};
    if (end < start) std::swap(changes[0], changes[1]);
    for (const auto& [time, offset] : changes) {
      const bool after_last = rules.transitions.empty() || time > rules.transitions.back();
      if (after_last) {
        rules.transitions.push_back(time);
        rules.offsets.push_back(offset);
      } else if (time == rules.transitions.back()) {
        // A year's end meeting the next year's start ("J365/25", daylight saving all
        // year): the later change in the rule's order is the one that holds.
        rules.offsets.back() = offset;
      }
    }
  }
}

void check_zone_name(const std::string& name) {
  // The name becomes a path under the zone directory: it must stay inside it.
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos ||
      name.find('\0') != std::string::npos) {
    bad_zone(name, "not a name of the tz database (use a name such as America/New_York or UTC)");
  }
}

std::string read_zone_file(const std::string& name) {
  const std::string path = kZoneDirectory + "/" + name;
  // A directory ("America") opens as a stream on Linux, and reading it then throws.
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    bad_zone(name, "no such zone in " + kZoneDirectory + " (use a name such as America/New_York or UTC)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) bad_zone(name, "its file in " + kZoneDirectory + " cannot be opened");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) bad_zone(name, "its file in " + kZoneDirectory + " cannot be read");
  return bytes;
}

ZoneRules load_zone(const std::string& name) {
  check_zone_name(name);
  const std::string bytes = read_zone_file(name);
  ByteReader in(name, bytes);
  TzifHeader header = read_header(in, name);
  if (header.version < '2') return read_data_block(in, header, 4, name);
  // Version 2+: skip the 32-bit block; the 64-bit one after it and the footer rule it.
  in.take(header.timecnt * 5 + header.typecnt * 6 + header.charcnt + header.leapcnt * 8 + header.isstdcnt +
          header.isutcnt);
  header = read_header(in, name);
  ZoneRules rules = read_data_block(in, header, 8, name);
  if (in.next() != '\n') bad_zone(name, "its TZif file has no footer");
  std::string footer;
  for (char c = in.next(); c != '\n'; c = in.next()) footer += c;
  if (footer.empty()) return rules;
  const auto zone = PosixParser(footer).parse();
  if (!zone) bad_zone(name, "its TZif file has a TZ rule that cannot be read: \"" + footer + "\"");
  extend_with_rule(rules, *zone);
  return rules;
}

// Zones are read once per process and kept: a TimeZone is only its name, and tzdata does
// not change under a running process. Entries are never removed, so references stay valid.
const ZoneRules& rules_of(const std::string& name) {
  static std::shared_mutex mutex;
  static std::map<std::string, std::unique_ptr<const ZoneRules>, std::less<>> zones;
  {
    const std::shared_lock lock(mutex);
    const auto found = zones.find(name);
    if (found != zones.end()) return *found->second;
  }
  auto loaded = std::make_unique<const ZoneRules>(load_zone(name));  // outside the lock: file I/O
  const std::unique_lock lock(mutex);
  return *zones.try_emplace(name, std::move(loaded)).first->second;
}

// The period (index into offsets) that holds at a UTC instant.
std::size_t period_at(const ZoneRules& rules, std::int64_t utc) {
  return static_cast<std::size_t>(std::upper_bound(rules.transitions.begin(), rules.transitions.end(), utc) -
                                  rules.transitions.begin());
}

// ---- BusinessCalendar helpers

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

TimeZone::TimeZone(std::string name) : name_(std::move(name)) { static_cast<void>(rules_of(name_)); }

LocalSeconds TimeZone::local_from_utc(std::int64_t utc_seconds) const {
  const ZoneRules& rules = rules_of(name_);
  return utc_seconds + rules.offsets[period_at(rules, utc_seconds)];
}

std::int64_t TimeZone::utc_from_local(LocalSeconds local) const {
  // Period k shows the local times [transitions[k-1] + offsets[k], transitions[k] + offsets[k]).
  // Of the periods that show `local`, the earliest instant wins (the overlap rule); when
  // none does (a gap), the offset of the last period that began before it is used.
  const ZoneRules& rules = rules_of(name_);
  const std::size_t first = period_at(rules, local - kOffsetReach);
  const std::size_t last = period_at(rules, local + kOffsetReach);
  std::optional<std::int64_t> earliest;
  std::size_t before_gap = first;
  for (std::size_t k = first; k <= last; ++k) {
    const std::int64_t offset = rules.offsets[k];
    const bool begun = k == 0 || rules.transitions[k - 1] + offset <= local;
    const bool not_ended = k == rules.transitions.size() || local < rules.transitions[k] + offset;
    if (begun) before_gap = k;
    if (begun && not_ended && (!earliest || local - offset < *earliest)) earliest = local - offset;
  }
  return earliest ? *earliest : local - rules.offsets[before_gap];
}

LocalSeconds local_time_of(const ParsedTimestamp& stamp, const TimeZone& zone) {
  return stamp.has_offset ? zone.local_from_utc(stamp.seconds) : stamp.seconds;
}

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
