// RowReader: chunk boundaries, each structural repair, and agreement with synth-truth.json line by line.
#include "ingest/row_reader.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "eoir/schema.h"
#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats::ingest {
namespace {

struct Collected {
  std::vector<RawRow> rows;  // fields copied into `owned`
  std::vector<std::vector<std::string>> owned;
  std::vector<std::pair<int64_t, std::string>> rejects;
};

Collected ReadAll(const std::string& text, size_t chunk, int text_column = -1) {
  Collected c;
  RowReader reader(
      RowReaderOptions{text_column},
      [&](const RawRow& r) {
        c.rows.push_back(r);
        c.owned.emplace_back(r.fields.begin(), r.fields.end());
        return Status::Ok();
      },
      [&](const RawRow& r, std::string_view reason) {
        c.rejects.emplace_back(r.line, std::string(reason));
        return Status::Ok();
      });
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < text.size(); i += chunk) {
    EXPECT_TRUE(reader.Feed({p + i, std::min(chunk, text.size() - i)}).ok());
  }
  EXPECT_TRUE(reader.Finish().ok());
  return c;
}

TEST(RowReader, RepairsEachStructuralQuirk) {
  using namespace std::string_literals;
  const std::string text =
      "ID\tCITY\tSTATE\tNAT\n"
      "1\tMIAMI\tFL\tCU\n"                // clean
      "2\tSAN\tJOSE\tCA\tMX\n"            // Q4: TAB inside the city
      "3\tBOSTON\tMA\tHA\t\t\n"           // Q4a: empty extras
      "4\tNEW\n"                          // Q5: split line...
      "YORK\tNY\tDR\n"                    // ...completed here
      "5\tDALLAS\n"                       // Q5: short row (next line is a row of its own)
      "6\tEL\0PASO\tTX\tMX\n"             // Q3: NUL
      "7\tA\tB\tC\tD\tE\n"                // not repairable without a text column
      "8\tLAST\tNO\tNEWLINE"s;  // a std::string literal: it holds the NUL above
  for (size_t chunk : {size_t{1}, size_t{7}, text.size()}) {
    const auto c = ReadAll(text, chunk, /*text_column=*/1);
    ASSERT_EQ(c.rows.size(), 8u) << "chunk " << chunk;
    EXPECT_EQ(c.owned[0], (std::vector<std::string>{"1", "MIAMI", "FL", "CU"}));
    EXPECT_EQ(c.owned[1], (std::vector<std::string>{"2", "SAN JOSE", "CA", "MX"}));
    EXPECT_EQ(c.rows[1].fixes, kFixTabRejoined);
    EXPECT_EQ(c.rows[2].fixes, kFixExtraEmptyDropped);
    EXPECT_EQ(c.owned[3], (std::vector<std::string>{"4", "NEW\nYORK", "NY", "DR"}));
    EXPECT_EQ(c.rows[3].fixes, kFixSplitJoined);
    EXPECT_EQ(c.rows[3].line, 5);
    EXPECT_EQ(c.rows[3].physical_lines, 2);
    EXPECT_EQ(c.owned[4], (std::vector<std::string>{"5", "DALLAS", "", ""}));
    EXPECT_EQ(c.rows[4].fixes, kFixShortPadded);
    EXPECT_EQ(c.rows[4].line, 7);
    EXPECT_EQ(c.owned[5][1], "ELPASO");
    EXPECT_EQ(c.rows[5].fixes, kFixNulStripped);
    EXPECT_EQ(c.owned[6][1], "A B C");  // with a text column, two extra non-empty fields are rejoined
    EXPECT_EQ(c.owned[7], (std::vector<std::string>{"8", "LAST", "NO", "NEWLINE"}));
    EXPECT_EQ(c.rows[7].offset, text.find("8\tLAST"));
  }
  const auto no_text = ReadAll(text, 64, -1);
  ASSERT_EQ(no_text.rejects.size(), 2u);  // rows 2 and 7: extra fields that are not empty
  EXPECT_EQ(no_text.rejects[0].first, 3);
  EXPECT_EQ(no_text.rejects[1].first, 9);
}

// Lines longer than the 16-byte blocks the TAB scan reads: fields cut at every block edge, empty fields, a
// high byte only in a line's tail or only in its first block, agree with a plain split on TAB.
TEST(RowReader, LongLinesSplitAsAPlainScanWould) {
  std::string text = "A\tB\tC\tD\n";
  std::vector<std::vector<std::string>> want;
  std::vector<bool> want_high;
  for (int row = 0; row < 40; ++row) {
    std::vector<std::string> fields;
    for (int f = 0; f < 4; ++f) fields.push_back(std::string(static_cast<size_t>((row * 7 + f * 5) % 23), static_cast<char>('a' + f)));
    const bool high = row % 3 == 0;
    if (high) (row % 2 == 0 ? fields.back() : fields.front()) += "\xe9";
    text += fields[0] + "\t" + fields[1] + "\t" + fields[2] + "\t" + fields[3] + "\n";
    want.push_back(fields);
    want_high.push_back(high);
  }
  for (size_t chunk : {size_t{5}, size_t{64}, text.size()}) {
    const auto c = ReadAll(text, chunk);
    ASSERT_EQ(c.rows.size(), want.size());
    for (size_t r = 0; r < want.size(); ++r) {
      EXPECT_EQ(c.owned[r], want[r]) << "row " << r;
      EXPECT_EQ(c.rows[r].high_bytes, want_high[r]) << "row " << r;
      EXPECT_EQ(c.rows[r].fixes, kFixNone) << "row " << r;
    }
  }
}

// Every structural quirk the generator injected is repaired at its line, and nothing else is touched.
TEST(RowReader, AgreesWithTheTruthFileLineByLine) {
  for (uint64_t seed : {12, 13}) {
    SynthOptions o;
    o.scale = 0.001;
    o.seed = seed;
    const auto& r = testing::CachedRelease("realistic-" + std::to_string(seed), o);
    std::map<std::string, std::map<int64_t, uint32_t>> expected;
    const std::map<std::string, uint32_t> kind_fix = {{"embedded_tab", kFixTabRejoined},
                                                      {"extra_empty_fields", kFixExtraEmptyDropped},
                                                      {"short_row", kFixShortPadded},
                                                      {"split_line", kFixSplitJoined},
                                                      {"nul_byte", kFixNulStripped}};
    for (const auto& q : r.truth["quirks"]) {
      auto it = kind_fix.find(q["kind"].get<std::string>());
      if (it != kind_fix.end()) expected[q["table"]][q["line"].get<int64_t>()] |= it->second;
    }
    for (const auto& spec : eoir::MainTables()) {
      if (!spec.core) continue;
      const std::string table(spec.name);
      const std::string bytes = testing::ReadBytes(r.dir / spec.file_name);
      const auto c = ReadAll(bytes, 1 << 16, table == "A_TblCase" ? 1 : -1);
      EXPECT_TRUE(c.rejects.empty()) << table;
      EXPECT_EQ(static_cast<int64_t>(c.rows.size()), r.truth["tables"][table]["rows"].get<int64_t>()) << table;
      std::map<int64_t, uint32_t> got;
      for (const auto& row : c.rows) {
        EXPECT_EQ(row.fields.size(), spec.columns.size());
        if (row.fixes != kFixNone) got[row.line] = row.fixes;
      }
      EXPECT_EQ(got, expected[table]) << table << " seed " << seed;
    }
  }
}

}  // namespace
}  // namespace immstats::ingest
