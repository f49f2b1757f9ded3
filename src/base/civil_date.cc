// Civil-date arithmetic on day numbers; no time zones, no locale.
#include "base/civil_date.h"

#include <ctime>

namespace immstats::base {

int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
  const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
  return static_cast<int32_t>(era * 146097 + static_cast<int>(doe) - 719468);
}

CivilDate CivilFromDays(int32_t z_in) {
  int z = z_in + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

bool IsValidCivil(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int limit = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) limit = 29;
  return day <= limit;
}

int32_t FirstOfMonth(int32_t days) {
  const CivilDate c = CivilFromDays(days);
  return DaysFromCivil(c.year, c.month, 1);
}

int FiscalYearOf(int32_t days) {
  const CivilDate c = CivilFromDays(days);
  return c.month >= 10 ? c.year + 1 : c.year;
}

int32_t FiscalYearStart(int fiscal_year) { return DaysFromCivil(fiscal_year - 1, 10, 1); }

std::optional<int32_t> ParseIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto digits = [&](size_t pos, size_t n, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      v = v * 10 + (t[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  if (!IsValidCivil(y, m, d)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

std::string FormatIsoDate(int32_t days) {
  const CivilDate c = CivilFromDays(days);
  char buf[16];
  buf[0] = static_cast<char>('0' + (c.year / 1000) % 10);
  buf[1] = static_cast<char>('0' + (c.year / 100) % 10);
  buf[2] = static_cast<char>('0' + (c.year / 10) % 10);
  buf[3] = static_cast<char>('0' + c.year % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + c.month / 10);
  buf[6] = static_cast<char>('0' + c.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + c.day / 10);
  buf[9] = static_cast<char>('0' + c.day % 10);
  return std::string(buf, 10);
}

std::string UtcTimestampNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace immstats::base
