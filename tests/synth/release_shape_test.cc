// A clean generated release has the released shape: headers, field counts, Count.txt, codes, keys, dates.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "base/civil_date.h"
#include "eoir/codes.h"
#include "eoir/schema.h"
#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats {
namespace {

using testing::CachedRelease;
using testing::ReadLines;
using testing::SplitTabs;

// "YYYY-MM-DD 00:00:00.000" with a real calendar date.
bool IsEoirDateTime(const std::string& s) {
  return s.size() == 23 && s.substr(10) == " 00:00:00.000" && base::ParseIsoDate(s.substr(0, 10)).has_value();
}

const testing::GeneratedRelease& Clean() {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = 11;
  o.quirks = SynthOptions::Quirks::kNone;
  o.top_folder = "EOIR Case Data";
  return CachedRelease("clean", o);
}

std::set<std::string> LookupColumn(const testing::GeneratedRelease& r, const std::string& file, size_t column) {
  std::set<std::string> out;
  const auto lines = ReadLines(r.dir / "Lookup" / file);
  for (size_t i = 1; i < lines.size(); ++i) out.insert(SplitTabs(lines[i])[column]);
  return out;
}

// Appendix C's first three lists, restated here (not taken from the schema module).
TEST(ReleaseShape, HeadersAreAppendixCInOrder) {
  const auto& r = Clean();
  EXPECT_EQ(testing::HeaderOf(r, "tbl_Court_Appln"),
            (std::vector<std::string>{"IDNPROCEEDINGAPPLN", "IDNPROCEEDING", "IDNCASE", "APPL_CODE", "APPL_RECD_DATE",
                                      "APPL_DEC"}));
  const auto proc = testing::HeaderOf(r, "B_TblProceeding");
  ASSERT_EQ(proc.size(), 38u);
  EXPECT_EQ(proc[0], "IDNPROCEEDING");
  EXPECT_EQ(proc[15], "DEC_CODE");
  EXPECT_EQ(proc[18], "OTHER_COMP");
  EXPECT_EQ(proc[21], "COMP_DATE");
  EXPECT_EQ(proc[37], "DATE_RELEASED");
  const auto cases = testing::HeaderOf(r, "A_TblCase");
  ASSERT_EQ(cases.size(), 39u);
  EXPECT_EQ(cases[6], "NAT");
  EXPECT_EQ(cases[24], "C_ASY_TYPE");
  EXPECT_EQ(cases[30], "Sex");  // GENDER is headed Sex in 2026 releases (§2.1)
  EXPECT_EQ(cases[38], "CASEPRIORITY_CODE");
  for (const auto& spec : eoir::MainTables()) {
    if (!spec.core) continue;
    auto header = testing::HeaderOf(r, std::string(spec.name));
    if (spec.name == "A_TblCase") header[30] = "GENDER";
    EXPECT_EQ(header, std::vector<std::string>(spec.columns.begin(), spec.columns.end())) << spec.name;
  }
}

TEST(ReleaseShape, EveryLineHasTheHeadersFieldCountAndCountTxtMatches) {
  const auto& r = Clean();
  std::map<std::string, int64_t> count_txt;
  for (const auto& line : ReadLines(r.dir / "Count.txt")) {
    const auto f = SplitTabs(line);
    ASSERT_EQ(f.size(), 2u) << line;
    count_txt[f[0]] = std::stoll(f[1]);
  }
  EXPECT_EQ(count_txt.size(), 7u);
  for (const auto& [table, expected] : count_txt) {
    const auto lines = ReadLines(r.dir / (table + ".csv"));
    ASSERT_FALSE(lines.empty()) << table;
    const size_t width = SplitTabs(lines[0]).size();
    for (size_t i = 1; i < lines.size(); ++i) {
      ASSERT_EQ(SplitTabs(lines[i]).size(), width) << table << " line " << i + 1;
    }
    EXPECT_EQ(static_cast<int64_t>(lines.size()) - 1, expected) << table;
    EXPECT_GT(expected, 0) << table;
  }
}

TEST(ReleaseShape, CleanReleaseIsAsciiWithValidDatesAndKnownCodes) {
  const auto& r = Clean();
  const auto nat = LookupColumn(r, "tblLookupNationality.csv", 0);
  const auto courts = LookupColumn(r, "tblLookupBaseCity.csv", 0);
  const auto judges = LookupColumn(r, "tblLookupJudge.csv", 0);
  const auto appl = LookupColumn(r, "tblLookUp_Appln.csv", 0);
  const auto appl_dec = LookupColumn(r, "tblLookupCourtAppDecisions.csv", 0);
  const auto case_types = LookupColumn(r, "tblLookupCaseType.csv", 0);
  EXPECT_EQ(nat.size(), 251u);
  for (const auto& spec : eoir::MainTables()) {
    if (!spec.core) continue;
    const auto bytes = testing::ReadBytes(r.dir / spec.file_name);
    for (unsigned char c : bytes) ASSERT_TRUE(c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f)) << spec.name;
    const auto lines = ReadLines(r.dir / spec.file_name);
    const auto header = SplitTabs(lines[0]);
    for (size_t i = 1; i < lines.size(); ++i) {
      const auto f = SplitTabs(lines[i]);
      for (size_t c = 0; c < f.size(); ++c) {
        const std::string& col = header[c];
        const bool is_date = col.find("_DATE") != std::string::npos || col.rfind("DATE_", 0) == 0 ||
                             col.rfind("dat", 0) == 0 || col == "VENUE_CHG_GRANTED" ||
                             col == "LATEST_HEARING" || col == "DATDETAINED" || col == "DATRELEASED" ||
                             col == "ADDRESS_CHANGEDON";
        if (is_date && col != "C_BIRTHDATE" && col != "INS_TA_DATE_ASSIGNED" && !f[c].empty()) {
          ASSERT_TRUE(IsEoirDateTime(f[c])) << spec.name << " line " << i + 1 << " " << col << "=" << f[c];
        }
        if (f[c].empty()) continue;
        if (col == "NAT") {
          ASSERT_EQ(nat.count(f[c]), 1u) << f[c];
        }
        if (col == "BASE_CITY_CODE") {
          ASSERT_EQ(courts.count(f[c]), 1u) << f[c];
        }
        if (col == "IJ_CODE") {
          ASSERT_EQ(judges.count(f[c]), 1u) << f[c];
        }
        if (col == "APPL_CODE") {
          ASSERT_EQ(appl.count(f[c]), 1u) << f[c];
        }
        if (col == "APPL_DEC") {
          ASSERT_EQ(appl_dec.count(f[c]), 1u) << f[c];
        }
        if (col == "CASE_TYPE") {
          ASSERT_EQ(case_types.count(f[c]), 1u) << f[c];
        }
      }
    }
  }
}

TEST(ReleaseShape, KeysAreUniqueAndChildrenPointAtParents) {
  const auto& r = Clean();
  std::set<std::string> cases;
  for (size_t i = 1; const auto& line : ReadLines(r.dir / "A_TblCase.csv")) {
    if (i++ == 1) continue;
    ASSERT_TRUE(cases.insert(SplitTabs(line)[0]).second) << "duplicate IDNCASE " << line.substr(0, 20);
  }
  std::map<std::string, std::string> proc_case;
  std::map<std::string, std::string> proc_comp;
  for (size_t i = 1; const auto& line : ReadLines(r.dir / "B_TblProceeding.csv")) {
    if (i++ == 1) continue;
    const auto f = SplitTabs(line);
    ASSERT_TRUE(proc_case.emplace(f[0], f[1]).second) << "duplicate IDNPROCEEDING " << f[0];
    ASSERT_EQ(cases.count(f[1]), 1u) << "proceeding " << f[0] << " has no case";
    proc_comp[f[0]] = f[21];
    // Every COMP_DATE has a DEC_CODE or an OTHER_COMP, and only completed proceedings have either.
    ASSERT_EQ(!f[21].empty(), !f[15].empty() || !f[18].empty()) << "proceeding " << f[0];
  }
  int decided = 0;
  for (size_t i = 1; const auto& line : ReadLines(r.dir / "tbl_Court_Appln.csv")) {
    if (i++ == 1) continue;
    const auto f = SplitTabs(line);
    ASSERT_EQ(proc_case.count(f[1]), 1u) << "application " << f[0] << " has no proceeding";
    ASSERT_EQ(proc_case[f[1]], f[2]) << "application " << f[0] << " names another case";
    // A decision other than R (reserved) appears only on a completed proceeding.
    if (!f[5].empty() && f[5] != "R") {
      ASSERT_FALSE(proc_comp[f[1]].empty()) << "application " << f[0] << " decided on a pending proceeding";
      ++decided;
    }
  }
  EXPECT_GT(decided, 1000);
  // (file, column of IDNCASE)
  for (const auto& [child, column] : {std::pair<const char*, size_t>{"tbl_schedule.csv", 2},
                                      {"tbl_RepsAssigned.csv", 1}, {"tbl_CustodyHistory.csv", 1}}) {
    for (size_t i = 1; const auto& line : ReadLines(r.dir / child)) {
      if (i++ == 1) continue;
      ASSERT_EQ(cases.count(SplitTabs(line)[column]), 1u) << child << ": " << line.substr(0, 30);
    }
  }
}

TEST(ReleaseShape, TopFolderVariesWithTheSeedAndLookupSitsBesideTheTables) {
  const auto& r = Clean();
  EXPECT_EQ(r.dir.filename(), "EOIR Case Data");
  EXPECT_TRUE(std::filesystem::exists(r.dir / "Lookup" / "tblLookupCourtDecision.csv"));
  SynthOptions o;
  o.scale = 0.0002;
  o.seed = 3;  // seed % 4 == 3: the nested, dated variant
  const auto& nested = CachedRelease("nested", o);
  EXPECT_EQ(nested.summary.top_folder, "EOIR Case Data 2026-1001/EOIR Case Data");
  EXPECT_TRUE(std::filesystem::exists(nested.dir / "A_TblCase.csv"));
}

}  // namespace
}  // namespace immstats

namespace immstats {
namespace {

TEST(ReleaseShape, AllTablesAddTheRestOfTheReleaseWithZeroBonds) {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = 14;
  o.tables = SynthOptions::Tables::kAll;
  o.top_folder = "EOIR Case Data";
  const auto& r = testing::CachedRelease("all-tables", o);
  const auto count = ReadLines(r.dir / "Count.txt");
  EXPECT_EQ(count.size(), eoir::MainTables().size());
  for (const auto& spec : eoir::MainTables()) {
    if (spec.core) continue;
    const auto lines = ReadLines(r.dir / spec.file_name);
    ASSERT_GT(lines.size(), 1u) << spec.name;
    EXPECT_EQ(SplitTabs(lines[0]), std::vector<std::string>(spec.columns.begin(), spec.columns.end()));
    for (size_t i = 1; i < lines.size(); ++i) {
      ASSERT_EQ(SplitTabs(lines[i]).size(), spec.columns.size()) << spec.name << " line " << i + 1;
    }
  }
  const auto bonds = ReadLines(r.dir / "D_TblAssociatedBond.csv");
  const int new_bond = eoir::ColumnIndex(*eoir::FindTable("D_TblAssociatedBond"), "NEW_BOND");
  const int dec = eoir::ColumnIndex(*eoir::FindTable("D_TblAssociatedBond"), "DEC");
  int zero_bonds = 0;
  for (const auto& q : r.truth["quirks"]) {
    if (q["kind"] != "zero_bond") continue;
    const auto f = SplitTabs(bonds.at(q["line"].get<size_t>() - 1));
    EXPECT_EQ(f[static_cast<size_t>(new_bond)], "0");
    EXPECT_NE(f[static_cast<size_t>(dec)], "G");
    ++zero_bonds;
  }
  EXPECT_GT(zero_bonds, 0);
}

}  // namespace
}  // namespace immstats
