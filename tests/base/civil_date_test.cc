// Civil-date arithmetic: round trips, fiscal years, strict ISO parsing.
#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace immstats::base {
namespace {

TEST(CivilDate, EpochAndKnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2026, 10, 1), 20727);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
}

TEST(CivilDate, RoundTripsEveryDayOfFourCenturies) {
  for (int32_t d = DaysFromCivil(1900, 1, 1); d <= DaysFromCivil(2300, 12, 31); ++d) {
    const CivilDate c = CivilFromDays(d);
    ASSERT_TRUE(IsValidCivil(c.year, c.month, c.day));
    ASSERT_EQ(DaysFromCivil(c), d);
  }
}

TEST(CivilDate, FiscalYearStartsFirstOfOctober) {
  EXPECT_EQ(FiscalYearOf(DaysFromCivil(2023, 9, 30)), 2023);
  EXPECT_EQ(FiscalYearOf(DaysFromCivil(2023, 10, 1)), 2024);
  EXPECT_EQ(FiscalYearStart(2024), DaysFromCivil(2023, 10, 1));
}

TEST(CivilDate, ParseIsoDateIsStrict) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), DaysFromCivil(2024, 2, 29));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-1-01"));
  EXPECT_FALSE(ParseIsoDate("20230101"));
  EXPECT_FALSE(ParseIsoDate("2023-01-0x"));
  EXPECT_EQ(FormatIsoDate(DaysFromCivil(2001, 7, 4)), "2001-07-04");
}

}  // namespace
}  // namespace immstats::base
