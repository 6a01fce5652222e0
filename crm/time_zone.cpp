#include "crm/time_zone.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

#include "crm/civil_arithmetic.hpp"
#include "crm/text_scanner.hpp"

namespace alignsim::crm {
namespace {

using detail::days_in_month;
using detail::floor_div;
using detail::is_leap_year;
using detail::kSecondsPerDay;
using detail::Scanner;
using detail::weekday_of;

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

}  // namespace

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

}  // namespace alignsim::crm
