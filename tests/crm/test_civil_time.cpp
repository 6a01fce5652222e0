// CRM timestamps onto the model's clock: parsing, tz database zones (daylight saving,
// gaps and overlaps, years past 2037), and business-day arithmetic checked against a
// day-by-day count.
#include "crm/business_calendar.hpp"
#include "crm/time_zone.hpp"

#include <gtest/gtest.h>

#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

namespace alignsim::crm {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t at(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
  return days_from_civil(year, month, day) * kDay + hour * 3600 + minute * 60 + second;
}

std::int64_t floor_day(std::int64_t t) { return t >= 0 ? t / kDay : -((-t + kDay - 1) / kDay); }

// ---- civil dates and formatting

TEST(CivilTime, DaysFromCivilKnownDates) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2024, 1, 1), 19723);
  EXPECT_EQ(days_from_civil(2024, 2, 29), 19782);
  EXPECT_EQ(days_from_civil(1600, 1, 1), -135140);
}

TEST(CivilTime, CivilFromDaysInvertsDaysFromCivilDayByDay) {
  CivilDate previous = civil_from_days(-800001);
  for (std::int64_t days = -800000; days <= 800000; ++days) {
    const CivilDate date = civil_from_days(days);
    ASSERT_EQ(days_from_civil(date.year, date.month, date.day), days);
    // Each day follows the one before it: the next day of the month, or the 1st.
    const bool next_day = date.year == previous.year && date.month == previous.month && date.day == previous.day + 1;
    const bool next_month = date.day == 1 && (date.month == previous.month + 1 || (date.month == 1 && previous.month == 12));
    ASSERT_TRUE(next_day || next_month) << date.year << "-" << date.month << "-" << date.day;
    previous = date;
  }
}

TEST(CivilTime, Formats) {
  EXPECT_EQ(format_local(0), "1970-01-01T00:00:00");
  EXPECT_EQ(format_local(-1), "1969-12-31T23:59:59");
  EXPECT_EQ(format_local(at(2024, 2, 29, 23, 5, 9)), "2024-02-29T23:05:09");
  EXPECT_EQ(format_utc(1709876543), "2024-03-08T05:42:23.000Z");
  EXPECT_EQ(format_utc(-86400LL * 365 * 100 - 1), "1870-01-24T23:59:59.000Z");
}

// ---- parse_timestamp

void expect_local(std::string_view text, std::int64_t seconds, DateOrder order = DateOrder::month_first) {
  const auto parsed = parse_timestamp(text, order);
  ASSERT_TRUE(parsed.has_value()) << text;
  EXPECT_FALSE(parsed->has_offset) << text;
  EXPECT_EQ(parsed->seconds, seconds) << text << " read as " << format_local(parsed->seconds);
}

void expect_instant(std::string_view text, std::int64_t seconds) {
  const auto parsed = parse_timestamp(text);
  ASSERT_TRUE(parsed.has_value()) << text;
  EXPECT_TRUE(parsed->has_offset) << text;
  EXPECT_EQ(parsed->seconds, seconds) << text << " read as " << format_utc(parsed->seconds);
}

TEST(ParseTimestamp, IsoDatesAndWallClockTimes) {
  expect_local("2024-03-10", at(2024, 3, 10));
  expect_local("2024-03-10T14:05", at(2024, 3, 10, 14, 5));
  expect_local("2024-03-10 14:05:09", at(2024, 3, 10, 14, 5, 9));
  expect_local("2024-03-10T14:05:09.987654", at(2024, 3, 10, 14, 5, 9));  // fraction dropped
  expect_local("  2024-03-10T00:00:00\t ", at(2024, 3, 10));
  expect_local("2024-02-29", at(2024, 2, 29));
  expect_local("2000-02-29", at(2000, 2, 29));
  expect_local("2024-12-31T23:59:60", at(2025, 1, 1));  // a leap second
}

TEST(ParseTimestamp, IsoInstantsWithOffsets) {
  expect_instant("2024-03-10T14:05:09Z", at(2024, 3, 10, 14, 5, 9));
  expect_instant("2024-03-10T14:05:09.123Z", at(2024, 3, 10, 14, 5, 9));
  expect_instant("2024-03-10T14:05+02:00", at(2024, 3, 10, 12, 5));
  expect_instant("2024-03-10T14:05:09-04:00", at(2024, 3, 10, 18, 5, 9));
  expect_instant("2024-03-10 14:05:09+0530", at(2024, 3, 10, 8, 35, 9));
  expect_instant("2024-03-10T14:05:09.5-0930", at(2024, 3, 10, 23, 35, 9));
  expect_instant("2024-03-10T01:00+05", at(2024, 3, 9, 20, 0));
  expect_instant("2024-03-10T23:00-05", at(2024, 3, 11, 4, 0));
  expect_instant(" 2024-01-01T00:00:00.000Z ", at(2024, 1, 1));
}

TEST(ParseTimestamp, SlashDatesByOrder) {
  expect_local("03/04/2025", at(2025, 3, 4));
  expect_local("03/04/2025", at(2025, 4, 3), DateOrder::day_first);
  expect_local("3/4/2025", at(2025, 3, 4));
  expect_local("13/01/2024", at(2024, 1, 13), DateOrder::day_first);
  expect_local("1/2/2024 23:59", at(2024, 1, 2, 23, 59));
  expect_local("1/2/2024 7:05:30", at(2024, 1, 2, 7, 5, 30));
  expect_local("3/4/2025 9:05 PM", at(2025, 3, 4, 21, 5));
  expect_local("3/4/2025 9:05 am", at(2025, 3, 4, 9, 5));
  expect_local("12/31/2024 12:00 AM", at(2024, 12, 31, 0, 0));
  expect_local("12/31/2024 12:30:15 PM", at(2024, 12, 31, 12, 30, 15));
  expect_local("12/31/2024 11:59:59 PM", at(2024, 12, 31, 23, 59, 59));
  expect_local("31/12/2024 12:01 AM", at(2024, 12, 31, 0, 1), DateOrder::day_first);
  expect_local("02/29/2024", at(2024, 2, 29));
}

TEST(ParseTimestamp, RejectsImpossibleAndMalformedText) {
  const std::vector<std::string> rejected = {
      "2025-02-29", "2100-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
      "2024-01-01T24:00", "2024-01-01T23:60", "2024-01-01T23:59:61", "2024-01-01T10", "2024-1-01", "24-01-01",
      "2024/01/01", "2024-01-01T10:00Zjunk", "2024-01-01 10:00 +02:00", "2024-01-01T10:00+24:00",
      "2024-01-01T10:00+02:60", "2024-01-01T10:00+2", "2024-01-01T10:00.5", "2024-01-01T10:00:00.",
      "2024-01-01Z", "2024-01-01T", "2024-01-01x", "13/01/2024", "2/30/2024", "1/1/24", "1/1/2024 13:00 PM",
      "1/1/2024 0:30 AM", "1/1/2024 10:00 XM", "1/1/2024 10:00Z", "1/1/2024  10:00", "1/1/2024 10", "",
      "   ", "yesterday", "2024-01-01T10:00:00Z extra", "2025-02-29T10:00:00Z"};
  for (const std::string& text : rejected) EXPECT_EQ(parse_timestamp(text), std::nullopt) << text;
  EXPECT_EQ(parse_timestamp("01/13/2024", DateOrder::day_first), std::nullopt);
}

// ---- time zones

TEST(TimeZone, NewYorkSpringForwardGap) {
  const TimeZone zone("America/New_York");
  EXPECT_EQ(zone.name(), "America/New_York");
  EXPECT_EQ(zone.utc_from_local(at(2024, 3, 10, 2, 30)), at(2024, 3, 10, 7, 30));  // = 03:30 EDT
  EXPECT_EQ(zone.local_from_utc(at(2024, 3, 10, 7, 30)), at(2024, 3, 10, 3, 30));
  EXPECT_EQ(zone.utc_from_local(at(2024, 3, 10, 1, 59, 59)), at(2024, 3, 10, 6, 59, 59));
  EXPECT_EQ(zone.utc_from_local(at(2024, 3, 10, 3, 0)), at(2024, 3, 10, 7, 0));
  EXPECT_EQ(zone.local_from_utc(at(2024, 3, 10, 6, 59, 59)), at(2024, 3, 10, 1, 59, 59));
  EXPECT_EQ(zone.local_from_utc(at(2024, 3, 10, 7, 0)), at(2024, 3, 10, 3, 0));
}

TEST(TimeZone, NewYorkFallBackOverlapTakesTheFirstInstant) {
  const TimeZone zone("America/New_York");
  EXPECT_EQ(zone.utc_from_local(at(2024, 11, 3, 1, 30)), at(2024, 11, 3, 5, 30));  // 01:30 EDT
  EXPECT_EQ(zone.utc_from_local(at(2024, 11, 3, 0, 59)), at(2024, 11, 3, 4, 59));
  EXPECT_EQ(zone.utc_from_local(at(2024, 11, 3, 2, 0)), at(2024, 11, 3, 7, 0));  // EST
  EXPECT_EQ(zone.local_from_utc(at(2024, 11, 3, 5, 30)), at(2024, 11, 3, 1, 30));
  EXPECT_EQ(zone.local_from_utc(at(2024, 11, 3, 6, 30)), at(2024, 11, 3, 1, 30));  // the second 01:30
}

TEST(TimeZone, NewYorkSummerAndWinter) {
  const TimeZone zone("America/New_York");
  EXPECT_EQ(zone.local_from_utc(at(2024, 7, 1, 16, 0)), at(2024, 7, 1, 12, 0));
  EXPECT_EQ(zone.local_from_utc(at(2024, 1, 15, 17, 0)), at(2024, 1, 15, 12, 0));
  EXPECT_EQ(zone.utc_from_local(at(2024, 7, 1, 12, 0)), at(2024, 7, 1, 16, 0));
  EXPECT_EQ(zone.utc_from_local(at(2024, 1, 15, 12, 0)), at(2024, 1, 15, 17, 0));
}

TEST(TimeZone, YearsPast2037FollowTheRule) {
  const TimeZone zone("America/New_York");
  EXPECT_EQ(zone.local_from_utc(at(2050, 7, 1, 16, 0)), at(2050, 7, 1, 12, 0));
  EXPECT_EQ(zone.local_from_utc(at(2050, 1, 15, 17, 0)), at(2050, 1, 15, 12, 0));
  EXPECT_EQ(zone.utc_from_local(at(2050, 3, 13, 2, 30)), at(2050, 3, 13, 7, 30));  // 2nd Sunday of March
  EXPECT_EQ(zone.utc_from_local(at(2050, 11, 6, 1, 30)), at(2050, 11, 6, 5, 30));  // 1st Sunday of November
  EXPECT_EQ(zone.local_from_utc(at(2100, 7, 1, 16, 0)), at(2100, 7, 1, 12, 0));
  EXPECT_EQ(zone.local_from_utc(at(2100, 12, 31, 23, 0)), at(2100, 12, 31, 18, 0));
  const TimeZone berlin("Europe/Berlin");
  EXPECT_EQ(berlin.local_from_utc(at(2087, 10, 26, 0, 59, 59)), at(2087, 10, 26, 2, 59, 59));  // last Sunday
  EXPECT_EQ(berlin.local_from_utc(at(2087, 10, 26, 1, 0)), at(2087, 10, 26, 2, 0));
}

TEST(TimeZone, BerlinChangesOnTheLastSundays) {
  const TimeZone zone("Europe/Berlin");
  EXPECT_EQ(zone.local_from_utc(at(2024, 3, 31, 0, 59, 59)), at(2024, 3, 31, 1, 59, 59));
  EXPECT_EQ(zone.local_from_utc(at(2024, 3, 31, 1, 0)), at(2024, 3, 31, 3, 0));
  EXPECT_EQ(zone.utc_from_local(at(2024, 3, 31, 2, 30)), at(2024, 3, 31, 1, 30));  // gap: 03:30 CEST
  EXPECT_EQ(zone.local_from_utc(at(2024, 10, 27, 0, 59, 59)), at(2024, 10, 27, 2, 59, 59));
  EXPECT_EQ(zone.local_from_utc(at(2024, 10, 27, 1, 0)), at(2024, 10, 27, 2, 0));
  EXPECT_EQ(zone.utc_from_local(at(2024, 10, 27, 2, 30)), at(2024, 10, 27, 0, 30));  // overlap: CEST
  EXPECT_EQ(zone.utc_from_local(at(2024, 10, 27, 3, 0)), at(2024, 10, 27, 2, 0));
  EXPECT_EQ(zone.utc_from_local(at(2024, 7, 1, 12, 0)), at(2024, 7, 1, 10, 0));
  EXPECT_EQ(zone.utc_from_local(at(2024, 1, 1, 12, 0)), at(2024, 1, 1, 11, 0));
}

TEST(TimeZone, SouthernHemisphereAndOddOffsets) {
  const TimeZone sydney("Australia/Sydney");
  EXPECT_EQ(sydney.local_from_utc(at(2024, 1, 15, 1, 0)), at(2024, 1, 15, 12, 0));  // AEDT +11
  EXPECT_EQ(sydney.local_from_utc(at(2024, 7, 15, 2, 0)), at(2024, 7, 15, 12, 0));  // AEST +10
  EXPECT_EQ(sydney.local_from_utc(at(2060, 1, 15, 1, 0)), at(2060, 1, 15, 12, 0));
  const TimeZone kolkata("Asia/Kolkata");
  EXPECT_EQ(kolkata.local_from_utc(at(2024, 6, 1, 6, 30)), at(2024, 6, 1, 12, 0));
  const TimeZone chatham("Pacific/Chatham");
  EXPECT_EQ(chatham.local_from_utc(at(2024, 1, 14, 22, 15)), at(2024, 1, 15, 12, 0));  // +13:45
  const TimeZone dublin("Europe/Dublin");  // tzdata's "negative daylight saving" in winter
  EXPECT_EQ(dublin.local_from_utc(at(2024, 1, 15, 12, 0)), at(2024, 1, 15, 12, 0));
  EXPECT_EQ(dublin.local_from_utc(at(2024, 7, 15, 11, 0)), at(2024, 7, 15, 12, 0));
  EXPECT_EQ(dublin.local_from_utc(at(2050, 7, 15, 11, 0)), at(2050, 7, 15, 12, 0));
}

TEST(TimeZone, BeforeTheFirstTransitionTheFirstLocalTimeTypeHolds) {
  // Local mean time, before the railways' standard time of 1883.
  EXPECT_EQ(TimeZone("America/New_York").local_from_utc(at(1850, 6, 1, 12, 0)), at(1850, 6, 1, 7, 3, 58));
  EXPECT_EQ(TimeZone("Asia/Kolkata").local_from_utc(at(1850, 6, 1, 12, 0)), at(1850, 6, 1, 17, 53, 28));
}

TEST(TimeZone, UtcIsTheIdentity) {
  const TimeZone zone("UTC");
  for (const std::int64_t t : {std::int64_t{0}, at(2024, 3, 10, 2, 30), at(2099, 12, 31, 23, 59, 59), std::int64_t{-12345}}) {
    EXPECT_EQ(zone.local_from_utc(t), t);
    EXPECT_EQ(zone.utc_from_local(t), t);
  }
}

TEST(TimeZone, InvalidNamesThrowNamingTheZone) {
  for (const std::string name : {"Mars/Olympus", "../etc/passwd", "America/../UTC", "/usr/share/zoneinfo/UTC",
                                 "", "America", "zone1970.tab", "America/New_York/"}) {
    try {
      const TimeZone zone(name);
      ADD_FAILURE() << "accepted: " << name;
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find("\"" + name + "\""), std::string::npos) << error.what();
    }
  }
}

TEST(TimeZone, CopiesShareTheRules) {
  const TimeZone zone("Asia/Tokyo");
  const TimeZone copy = zone;
  EXPECT_EQ(copy.name(), "Asia/Tokyo");
  EXPECT_EQ(copy.local_from_utc(at(2024, 1, 1, 3, 0)), at(2024, 1, 1, 12, 0));
}

TEST(TimeZone, NewYorkRoundTripsEveryHourOf2024ButTheGap) {
  const TimeZone zone("America/New_York");
  int gap_hours = 0;
  for (std::int64_t local = at(2024, 1, 1); local < at(2025, 1, 1); local += 3600) {
    const std::int64_t utc = zone.utc_from_local(local);
    if (local == at(2024, 3, 10, 2, 0)) {
      ++gap_hours;
      EXPECT_EQ(zone.local_from_utc(utc), local + 3600);
      continue;
    }
    ASSERT_EQ(zone.local_from_utc(utc), local) << format_local(local);
    const std::int64_t offset = local - utc;
    ASSERT_TRUE(offset == -4 * 3600 || offset == -5 * 3600) << format_local(local);
  }
  EXPECT_EQ(gap_hours, 1);
}

TEST(TimeZone, LocalTimeOfAStamp) {
  const TimeZone zone("America/New_York");
  EXPECT_EQ(local_time_of(ParsedTimestamp{at(2024, 7, 1, 16, 0), true}, zone), at(2024, 7, 1, 12, 0));
  EXPECT_EQ(local_time_of(ParsedTimestamp{at(2024, 7, 1, 16, 0), false}, zone), at(2024, 7, 1, 16, 0));
  EXPECT_EQ(local_time_of(*parse_timestamp("2024-01-15T17:00:00Z"), zone), at(2024, 1, 15, 12, 0));
}

// glibc reads the same files its own way; both must agree for instants from 1970 to 2100.
std::int64_t glibc_local(std::int64_t utc) {
  const time_t t = static_cast<time_t>(utc);
  tm parts{};
  localtime_r(&t, &parts);
  return at(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
}

TEST(TimeZone, AgreesWithGlibcFrom1970To2100) {
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved ? saved : "";
  std::mt19937_64 random(20240310);
  std::uniform_int_distribution<std::int64_t> instant(at(1970, 1, 1), at(2100, 12, 31));
  for (const char* name : {"America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Santiago",
                           "Europe/Dublin", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Gaza",
                           "America/St_Johns", "Africa/Casablanca", "Asia/Tehran", "America/Sao_Paulo",
                           "Antarctica/Troll", "America/Godthab", "Europe/Moscow", "UTC"}) {
    setenv("TZ", name, 1);
    tzset();
    const TimeZone zone(name);
    for (int i = 0; i < 4000; ++i) {
      const std::int64_t t = instant(random);
      ASSERT_EQ(format_local(zone.local_from_utc(t)), format_local(glibc_local(t))) << name << " at " << format_utc(t);
    }
  }
  if (saved) setenv("TZ", saved_tz.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}

TEST(TimeZone, ConcurrentFirstUseIsSafe) {
  std::vector<std::thread> threads;
  std::vector<std::int64_t> results(8);
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      const TimeZone zone(i % 2 == 0 ? "America/Chicago" : "Asia/Kathmandu");
      results[i] = zone.local_from_utc(at(2024, 7, 1, 12, 0));
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i], i % 2 == 0 ? at(2024, 7, 1, 7, 0) : at(2024, 7, 1, 17, 45)) << i;
  }
}

// ---- business calendar

// 2024-03-01 was a Friday.
const std::int64_t kFriday = days_from_civil(2024, 3, 1);
const std::int64_t kSaturday = kFriday + 1, kMonday = kFriday + 3, kTuesday = kFriday + 4;

TEST(BusinessCalendar, WeekendsAreSkipped) {
  const BusinessCalendar calendar;
  EXPECT_TRUE(calendar.is_working_day(kFriday));
  EXPECT_FALSE(calendar.is_working_day(kSaturday));
  EXPECT_FALSE(calendar.is_working_day(kSaturday + 1));
  EXPECT_TRUE(calendar.is_working_day(kMonday));
  EXPECT_EQ(calendar.business_hours_between(kFriday * kDay + 22 * 3600, kMonday * kDay + 2 * 3600), 4.0);
  EXPECT_EQ(calendar.business_hours_between(kSaturday * kDay + 10 * 3600, kMonday * kDay + 3600), 1.0);
  EXPECT_EQ(calendar.business_hours_between(kMonday * kDay + 2 * 3600, kFriday * kDay + 22 * 3600), -4.0);
  EXPECT_EQ(calendar.business_hours_between(kSaturday * kDay, kSaturday * kDay + 5 * 3600), 0.0);
  EXPECT_EQ(calendar.business_hours_between(kFriday * kDay + 1800, kFriday * kDay + 1800 + 7 * kDay), 120.0);
  EXPECT_EQ(calendar.business_hours_between(kFriday * kDay, kFriday * kDay + 1), 1.0 / 3600.0);
}

TEST(BusinessCalendar, HolidaysAreSkipped) {
  const BusinessCalendar calendar({0, 6}, {kMonday});
  EXPECT_FALSE(calendar.is_working_day(kMonday));
  EXPECT_EQ(calendar.business_hours_between(kSaturday * kDay + 10 * 3600, kMonday * kDay + 3600), 0.0);
  EXPECT_EQ(calendar.business_hours_between(kSaturday * kDay + 10 * 3600, kTuesday * kDay + 3600), 1.0);
  EXPECT_EQ(calendar.business_hours_between(kFriday * kDay + 22 * 3600, kTuesday * kDay + 3600), 3.0);
  EXPECT_EQ(calendar.business_day_index(kMonday * kDay + 5), calendar.business_day_index(kTuesday * kDay));
  EXPECT_EQ(calendar.start_of_business_day(calendar.business_day_index(kSaturday * kDay)), kTuesday * kDay);
}

TEST(BusinessCalendar, DayIndexCountsFrom1970) {
  const BusinessCalendar calendar;  // 1970-01-01 was a Thursday
  EXPECT_EQ(calendar.business_day_index(0), 0);
  EXPECT_EQ(calendar.business_day_index(kDay - 1), 0);
  EXPECT_EQ(calendar.business_day_index(kDay), 1);      // Friday
  EXPECT_EQ(calendar.business_day_index(2 * kDay), 2);  // Saturday: as Monday
  EXPECT_EQ(calendar.business_day_index(4 * kDay), 2);  // Monday
  EXPECT_EQ(calendar.business_day_index(-1), -1);       // Wednesday 1969-12-31
  EXPECT_EQ(calendar.business_day_index(-3 * kDay), -3);  // Monday 1969-12-29
  EXPECT_EQ(calendar.business_day_index(-4 * kDay), -3);  // Sunday 1969-12-28: as Monday
  EXPECT_EQ(calendar.start_of_business_day(0), 0);
  EXPECT_EQ(calendar.start_of_business_day(2), 4 * kDay);
  EXPECT_EQ(calendar.start_of_business_day(-1), -kDay);
  EXPECT_EQ(calendar.start_of_business_day(-2), -2 * kDay);
  EXPECT_EQ(calendar.start_of_business_day(-3), -3 * kDay);
  EXPECT_EQ(calendar.start_of_business_day(-4), -6 * kDay);  // Friday 1969-12-26
  const BusinessCalendar thursday_off({4}, {});
  EXPECT_FALSE(thursday_off.is_working_day(0));
  EXPECT_EQ(thursday_off.business_day_index(kDay), 0);
  EXPECT_EQ(thursday_off.start_of_business_day(0), kDay);
}

TEST(BusinessCalendar, RejectsImpossibleWeekends) {
  EXPECT_THROW(BusinessCalendar({7}, {}), std::invalid_argument);
  EXPECT_THROW(BusinessCalendar({-1}, {}), std::invalid_argument);
  EXPECT_THROW(BusinessCalendar({0, 1, 2, 3, 4, 5, 6}, {}), std::invalid_argument);
  EXPECT_NO_THROW(BusinessCalendar({}, {}));
}

// The reference: one day at a time.
struct SlowCalendar {
  std::set<int> weekend;
  std::set<std::int64_t> holidays;
  [[nodiscard]] bool working(std::int64_t day) const {
    const auto weekday = static_cast<int>(((day % 7) + 7 + 4) % 7);
    return weekend.count(weekday) == 0 && holidays.count(day) == 0;
  }
  [[nodiscard]] double hours(std::int64_t from, std::int64_t to) const {
    if (to < from) return -hours(to, from);
    std::int64_t seconds = 0;
    for (std::int64_t day = floor_day(from); day <= floor_day(to); ++day) {
      if (working(day)) seconds += std::max<std::int64_t>(0, std::min(to, (day + 1) * kDay) - std::max(from, day * kDay));
    }
    return static_cast<double>(seconds) / 3600.0;
  }
  [[nodiscard]] std::int64_t index(std::int64_t t) const {
    std::int64_t count = 0;
    for (std::int64_t day = 0; day < floor_day(t); ++day) count += working(day) ? 1 : 0;
    for (std::int64_t day = floor_day(t); day < 0; ++day) count -= working(day) ? 1 : 0;
    return count;
  }
};

void cross_check(const std::vector<int>& weekend, const std::vector<std::int64_t>& holidays, std::uint64_t seed) {
  const BusinessCalendar calendar(weekend, holidays);
  const SlowCalendar slow{{weekend.begin(), weekend.end()}, {holidays.begin(), holidays.end()}};
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::int64_t> moment(at(1966, 1, 1), at(2030, 1, 1));
  std::uniform_int_distribution<std::int64_t> span(-3 * 366 * kDay, 3 * 366 * kDay);
  for (int i = 0; i < 300; ++i) {
    // Whole hours half of the time, so moments at midnight and on days off are common.
    const std::int64_t from = i % 2 == 0 ? moment(random) : moment(random) / 3600 * 3600;
    const std::int64_t to = from + (i % 2 == 0 ? span(random) : span(random) / 3600 * 3600);
    ASSERT_EQ(calendar.business_hours_between(from, to), slow.hours(from, to)) << format_local(from) << " to "
                                                                               << format_local(to);
    const std::int64_t index = calendar.business_day_index(from);
    ASSERT_EQ(index, slow.index(from)) << format_local(from);
    ASSERT_EQ(calendar.is_working_day(floor_day(from)), slow.working(floor_day(from)));
    // The inverse: the start of this day if it is a working day, else of the next one.
    std::int64_t next_working = floor_day(from);
    while (!slow.working(next_working)) ++next_working;
    ASSERT_EQ(calendar.start_of_business_day(index), next_working * kDay) << format_local(from);
  }
}

std::vector<std::int64_t> random_holidays(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::int64_t> day(days_from_civil(1965, 6, 1), days_from_civil(2033, 6, 1));
  std::vector<std::int64_t> holidays(400);
  for (auto& holiday : holidays) holiday = day(random);  // unsorted, some on weekends
  for (std::int64_t d = days_from_civil(2024, 12, 23); d <= days_from_civil(2025, 1, 3); ++d) holidays.push_back(d);
  holidays.push_back(holidays.front());  // a duplicate
  return holidays;
}

TEST(BusinessCalendar, MatchesADayByDayCount) {
  cross_check({0, 6}, {}, 1);
  cross_check({0, 6}, random_holidays(2), 3);
  cross_check({5, 6}, {}, 4);
  cross_check({5, 6}, random_holidays(5), 6);
  cross_check({3}, random_holidays(7), 8);
}

TEST(BusinessCalendar, LongSpansAreExact) {
  const BusinessCalendar calendar;
  const SlowCalendar slow{{0, 6}, {}};
  const std::int64_t from = at(1970, 1, 1, 9, 15), to = at(2100, 1, 1, 17, 45, 30);
  EXPECT_EQ(calendar.business_hours_between(from, to), slow.hours(from, to));
  EXPECT_EQ(calendar.business_day_index(to), slow.index(to));
}

}  // namespace
}  // namespace alignsim::crm
