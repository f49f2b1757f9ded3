// Civil dates as day numbers (days since 1970-01-01), fiscal years, and ISO text round-trips.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace immstats::base {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
int32_t DaysFromCivil(int year, int month, int day);
inline int32_t DaysFromCivil(const CivilDate& d) { return DaysFromCivil(d.year, d.month, d.day); }
CivilDate CivilFromDays(int32_t days);

bool IsValidCivil(int year, int month, int day);

// US federal fiscal year: FY N runs from 1 Oct N-1 to 30 Sep N.
int FiscalYearOf(int32_t days);
int32_t FirstOfMonth(int32_t days);  // day number of the 1st of that day's month
int32_t FiscalYearStart(int fiscal_year);  // day number of 1 Oct (fy-1)

// "YYYY-MM-DD" -> day number; nullopt when malformed or not a real date.
std::optional<int32_t> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(int32_t days);
// The current time in UTC as ISO 8601, to the second: "2026-11-29T08:40:12Z".
std::string UtcTimestampNow();

}  // namespace immstats::base
