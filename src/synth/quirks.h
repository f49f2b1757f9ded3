// The data quirks the generator injects (domain spec §5), their names in synth-truth.json and expected handling.
#pragma once

#include <cstdint>
#include <string_view>

namespace immstats::synth {

enum class QuirkKind : uint8_t {
  kCp1252Byte,       // Q2  a Windows-1252 byte (not UTF-8) in a text field
  kNulByte,          // Q3  a NUL byte inside a field
  kEmbeddedTab,      // Q4  a TAB inside a text field: one extra field
  kExtraEmptyFields, // Q4a trailing extra fields, all empty
  kHiddenShift,      // Q4  a field dropped and an empty one appended: same count, shifted types
  kShortRow,         // Q5  trailing fields missing
  kSplitLine,        // Q5  a newline inside a field: the row spans two physical lines
  kNullToken,        // Q7  N/A, b6, ????, 00, 0000 standing for "no value"
  kBadDate,          // Q8  1900-01-01 sentinel, impossible year, or 2-digit junk in a date column
  kHhmm12h,          // Q10 an afternoon time written on a 12-hour clock (0130 for 13:30)
  kHhmmZero,         // Q10 0 or 0000 for "no time"
  kDuplicatePk,      // Q11 a second row with the same primary key
  kOrphan,           // Q12 a row whose parent case is not in the release
  kNaCode,           // Q13 the code NA (Netherlands Antilles) that must not become NULL
  kCaseVariant,      // Q14 letter-case variant of a code (a_tblcase, p, asyl)
  kUnknownCode,      // Q15 a code absent from the lookup tables (BND, Sex U, C_ASY_TYPE J, APPL_CODE ...)
  kColumnAlias,      // Q16 a header name that differs from the usual (GENDER -> Sex)
  kMixedCaseType,    // Q18 a proceeding whose CASE_TYPE differs from its case's others
  kJudgeAlias,       // Q20 a judge's second IJ_CODE
  kPseudoJudge,      // Q20 AAA <All Judges>, master calendar, video, former IJ, clerical
  kPseudoCourt,      // Q21 BIA, CIJ, HDQ, RIC, OIT, OIN as BASE_CITY_CODE
  kDefunctNat,       // Q22 successor/defunct state or placeholder nationality code
  kZipFormat,        // Q26 ZIP+4, a backtick prefix, or lost leading zeros
  kZeroBond,         // Q25 NEW_BOND = 0 on a bond that was not granted
  kCount
};

struct QuirkInfo {
  std::string_view name;    // as in synth-truth.json
  std::string_view rule;    // Q-number in the domain spec
  std::string_view expect;  // what an ingester should do: repaired, quarantined, kept, flagged, header
};

const QuirkInfo& InfoOf(QuirkKind kind);

// One injected quirk, located by table, 1-based physical line (the header is line 1) and column.
struct QuirkRecord {
  uint8_t table = 0;
  QuirkKind kind = QuirkKind::kCount;
  int16_t column = -1;  // index into the table's header, -1 for a whole-row quirk
  int64_t line = 0;
};

}  // namespace immstats::synth
