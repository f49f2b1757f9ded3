// TextBuffer formatting: integers, padded numbers, EOIR datetimes, padded codes.
#include "base/text_buffer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace immstats::base {
namespace {

TEST(TextBuffer, FormatsIntegersIncludingExtremes) {
  TextBuffer b;
  b.AppendInt(0);
  b.Append(' ');
  b.AppendInt(-42);
  b.Append(' ');
  b.AppendInt(std::numeric_limits<int64_t>::min());
  b.Append(' ');
  b.AppendInt(1234567890123);
  EXPECT_EQ(b.str(), "0 -42 -9223372036854775808 1234567890123");
}

TEST(TextBuffer, FormatsEoirDatesTimesAndCodes) {
  TextBuffer b;
  b.AppendEoirDateTime(DaysFromCivil(2024, 9, 3));
  b.Append('|');
  b.AppendPadded(905, 4);
  b.Append('|');
  b.AppendPaddedCode("SP", 3);
  b.Append('|');
  b.AppendPaddedCode("ENGL", 3);
  EXPECT_EQ(b.str(), "2024-09-03 00:00:00.000|0905|SP |ENGL");
}

}  // namespace
}  // namespace immstats::base
