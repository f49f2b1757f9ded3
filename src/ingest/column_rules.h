// How each EOIR column is read: its class (id, date, time, code...) and the value rules of domain spec §2 and §5.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace immstats::ingest {

enum class ColumnClass : uint8_t {
  kId,         // integer key (IDNCASE, idnAppeal, PARENT_IDN...)
  kInt,        // other integers and 0/1 flags
  kDate,       // YYYY-MM-DD HH:MM:SS.mmm event dates
  kDateText,   // text that is usually a date (INS_TA_DATE_ASSIGNED)
  kHhmm,       // HHMM times
  kZip,        // ZIP codes (Q26)
  kMonthYear,  // legacy RELEASE_MONTH / RELEASE_YEAR
  kCode,       // short codes (trimmed, case as written)
  kText,       // free text (cities, names)
};

struct ColumnRule {
  ColumnClass cls = ColumnClass::kCode;
  int max_width = 0;  // for codes: the widest legal value (0 = no limit); wider means a shifted row
};

// The rule for `column` (names compared case-insensitively, the same in every table; unknown columns are codes).
ColumnRule RuleFor(std::string_view column);

// The quirk kind a value repair is reported under (names as in synth-truth.json).
enum class ValueFix : uint8_t { kNone, kNullToken, kBadDate, kHhmm12h, kHhmmZero, kZipFormat };
const char* ValueFixName(ValueFix fix);

// Windows-1252 to UTF-8 (every byte maps; the five undefined ones become U+FFFD). Returns true if any byte
// was >= 0x80.
bool Cp1252ToUtf8(std::string_view in, std::string* out);

// A date field: day number, or nullopt with `fix` = kBadDate for junk or a date outside [1950-01-01, latest].
// Empty input: nullopt, fix kNone.
std::optional<int32_t> ParseEoirDate(std::string_view v, int32_t latest, ValueFix* fix);
// HHMM: minutes after midnight; 0/0000 -> nullopt (kHhmmZero); 0001-0559 read as afternoon (kHhmm12h).
std::optional<int> ParseHhmm(std::string_view v, ValueFix* fix);
// ZIP: the first five digits, left-padded when a leading zero was lost (kZipFormat when it had to change).
std::string NormalizeZip(std::string_view v, ValueFix* fix);
bool IsInteger(std::string_view v);
bool LooksLikeDateTime(std::string_view v);  // "YYYY-MM-DD ..." shape, whatever the numbers

}  // namespace immstats::ingest
