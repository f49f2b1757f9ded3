// A small release written by hand, ingested, and asked: every expected figure is computed by hand in this file.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eoir/schema.h"
#include "support/release_files.h"

namespace immstats {
namespace {

namespace fs = std::filesystem;
using Row = std::map<std::string, std::string>;

// Writes one main table with its full published header; columns not given are empty.
void WriteTable(const fs::path& dir, const std::string& table, const std::vector<Row>& rows) {
  for (const auto& spec : eoir::MainTables()) {
    if (spec.name != table) continue;
    std::ofstream out(dir / (table + ".csv"), std::ios::binary);
    for (size_t c = 0; c < spec.columns.size(); ++c) out << (c ? "\t" : "") << spec.columns[c];
    out << "\r\n";
    for (const auto& row : rows) {
      for (size_t c = 0; c < spec.columns.size(); ++c) {
        auto it = row.find(std::string(spec.columns[c]));
        out << (c ? "\t" : "") << (it == row.end() ? "" : it->second);
      }
      out << "\r\n";
    }
    return;
  }
  FAIL() << "no table " << table;
}

void WriteLookup(const fs::path& dir, const std::string& name, const std::vector<std::string>& lines) {
  std::ofstream out(dir / "Lookup" / (name + ".csv"), std::ios::binary);
  for (const auto& l : lines) out << l << "\r\n";
}

std::string D(const std::string& iso) { return iso + " 00:00:00.000"; }

// Cases 1-6 are Honduran (HO) except 5 (Guatemalan, GT). Proceedings (all RMV, received 2023-06-01):
//   P1 case 1  COMP 2024-01-10  DEC X (Remove)       ASYL D          -> denial, removal order
//   P2 case 2  COMP 2024-02-10  DEC R (Relief)       ASYL G          -> grant
//   P3 case 3  COMP 2024-03-10  DEC X                ASYL L          -> CAT only: TRAC denial with other relief
//   P4 case 4  COMP 2024-04-10  DEC V (Vol. dep.)    ASYL W          -> withdrawn
//   P5 case 5  COMP 2024-05-10  DEC X                ASYL D, ASYL G  -> grant by precedence, a conflict (GT)
//   P6 case 5  pending                               ASYL R          -> pending
//   P7 case 2  COMP 2023-08-01  DEC R                ASYL G          -> outside the window
//   P8 case 6  COMP 2024-01-05  DEC X                ASYL D          -> denial, later reopened
//   P9 case 6  COMP 2024-06-01  DEC R                ASYL G          -> grant: the case's last decision
class HandRelease : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir("hand-release");
    const fs::path rel = dir_->path() / "release";
    fs::create_directories(rel / "Lookup");
    std::vector<Row> cases;
    for (int c = 1; c <= 6; ++c) {
      cases.push_back({{"IDNCASE", std::to_string(c)}, {"NAT", c == 5 ? "GT" : "HO"}, {"CASE_TYPE", "RMV"},
                       {"C_ASY_TYPE", "E"}, {"CUSTODY", "N"}});
    }
    WriteTable(rel, "A_TblCase", cases);
    struct P {
      int id, case_id;
      std::string comp, dec, custody;
    };
    const std::vector<P> procs = {{1, 1, "2024-01-10", "X", "D"}, {2, 2, "2024-02-10", "R", "N"},
                                  {3, 3, "2024-03-10", "X", "N"}, {4, 4, "2024-04-10", "V", "N"},
                                  {5, 5, "2024-05-10", "X", "N"}, {6, 5, "", "", "N"},
                                  {7, 2, "2023-08-01", "R", "N"}, {8, 6, "2024-01-05", "X", "N"},
                                  {9, 6, "2024-06-01", "R", "N"}};
    std::vector<Row> rows;
    for (const auto& p : procs) {
      rows.push_back({{"IDNPROCEEDING", std::to_string(p.id)}, {"IDNCASE", std::to_string(p.case_id)},
                      {"INPUT_DATE", D("2023-06-01")}, {"OSC_DATE", D("2023-05-01")}, {"BASE_CITY_CODE", "NYC"},
                      {"IJ_CODE", p.id % 2 ? "AAB" : "CCD"}, {"DEC_CODE", p.dec},
                      {"COMP_DATE", p.comp.empty() ? "" : D(p.comp)}, {"CUSTODY", p.custody}, {"CASE_TYPE", "RMV"},
                      {"NAT", p.case_id == 5 ? "GT" : "HO"}});
    }
    WriteTable(rel, "B_TblProceeding", rows);
    const std::vector<std::tuple<int, int, std::string>> apps = {{1, 1, "D"}, {2, 2, "G"}, {3, 3, "L"}, {4, 4, "W"},
                                                                  {5, 5, "D"}, {6, 5, "G"}, {7, 6, "R"}, {8, 7, "G"},
                                                                  {9, 8, "D"}, {10, 9, "G"}};
    std::vector<Row> app_rows;
    for (const auto& [id, proc, dec] : apps) {
      const int case_id = proc == 6 || proc == 5 ? 5 : proc == 7 ? 2 : proc >= 8 ? 6 : proc;
      app_rows.push_back({{"IDNPROCEEDINGAPPLN", std::to_string(id)}, {"IDNPROCEEDING", std::to_string(proc)},
                          {"IDNCASE", std::to_string(case_id)}, {"APPL_CODE", "ASYL"}, {"APPL_RECD_DATE", D("2023-07-01")},
                          {"APPL_DEC", dec}});
    }
    WriteTable(rel, "tbl_Court_Appln", app_rows);
    WriteLookup(rel, "tblLookupNationality", {"NAT_CODE\tNAT_NAME\tNAT_COUNTRY_NAME\tNAT_NACARA_COUNTRY",
                                              "HO\tHONDURAS\tHONDURAS\t0", "GT\tGUATEMALA\tGUATEMALA\t0"});
    WriteLookup(rel, "tblLookupCourtDecision",
                {"strCaseType\tstrDecCode\tstrDecDescription\tstrDecType\tstrFinalDisposition\tblnActive",
                 "RMV\tX\tRemove\tC\tR\t1", "RMV\tR\tRelief Granted\tC\tG\t1", "RMV\tV\tVoluntary Departure\tC\tV\t1"});
    WriteLookup(rel, "tblLookupBaseCity", {"BASE_CITY_CODE\tBASE_CITY_NAME\tBASE_CITY\tBASE_STATE\tstrRegion\tblnActive",
                                           "NYC\tIMMIGRATION COURT\tNEW YORK\tNY\tEastern\t1"});
    std::string out;
    ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " ingest eoir '" + rel.string() + "' --store '" +
                                      (dir_->path() / "store").string() + "' --release-id hand --quiet 2>&1",
                                  &out),
              0)
        << out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static nlohmann::json Query(const std::string& args) {
    std::string out;
    const int rc = testing::RunCommand(testing::ImmstatsBinary() + " " + args + " --store '" +
                                           (dir_->path() / "store").string() + "' --format json",
                                       &out);
    EXPECT_EQ(rc, 0) << out;
    return nlohmann::json::parse(out);
  }

  static testing::ScratchDir* dir_;
};
testing::ScratchDir* HandRelease::dir_ = nullptr;

TEST_F(HandRelease, TracEoirAndLegacyForOneNationalityAndTheComparisonRow) {
  const auto j = Query("asylum --nationality Honduras --from 2023-09 --to 2024-08");
  ASSERT_EQ(j["rows"].size(), 2u);
  const auto& ho = j["rows"][0];
  EXPECT_EQ(ho["nationality"], "HO");
  EXPECT_EQ(ho["comparison"], false);
  // P1 D, P2 G, P3 L, P4 W, P8 D, P9 G.
  EXPECT_EQ(ho["grants"], 2);
  EXPECT_EQ(ho["denials"], 3);  // D, D and the CAT-only L
  EXPECT_EQ(ho["decisions_TRAC"], 5);
  EXPECT_DOUBLE_EQ(ho["grant_rate_TRAC"].get<double>(), 0.4);
  EXPECT_EQ(ho["denials_other_relief"], 1);  // P3: CAT protection
  EXPECT_EQ(ho["denials_removal"], 2);       // P1, P8
  EXPECT_EQ(ho["grants_EOIR"], 2);
  EXPECT_EQ(ho["denials_EOIR"], 2);
  EXPECT_EQ(ho["other_EOIR"], 2);  // L and W
  EXPECT_DOUBLE_EQ(ho["grant_rate_EOIR"].get<double>(), 0.333333);
  EXPECT_DOUBLE_EQ(ho["grant_rate_legacy"].get<double>(), 0.5);
  EXPECT_EQ(ho["withdrawn"], 1);
  EXPECT_EQ(ho["cat_only"], 1);
  const auto& all = j["rows"][1];
  EXPECT_EQ(all["nationality"], "ALL");
  EXPECT_EQ(all["comparison"], true);
  EXPECT_EQ(all["grants"], 3);  // + P5, granted by precedence over its denied duplicate
  EXPECT_EQ(all["decisions_TRAC"], 6);
  EXPECT_EQ(all["conflicts"], 1);
}

TEST_F(HandRelease, CaseFinalKeepsOnlyTheLastDecisionOfACase) {
  const auto j = Query("asylum --nationality HO --from 2023-09-01 --to 2024-08-31 --unit case-final --definition trac");
  EXPECT_EQ(j["rows"][0]["grants"], 2);   // P2, P9
  EXPECT_EQ(j["rows"][0]["denials"], 2);  // P1, P3 (P8 was superseded by P9)
}

TEST_F(HandRelease, CatOnlyAsOtherLeavesTheTracUniverse) {
  const auto j = Query("asylum --nationality HO --from 2023-09 --to 2024-08 --cat-only other --definition trac");
  EXPECT_EQ(j["rows"][0]["denials"], 2);
  EXPECT_EQ(j["rows"][0]["decisions_TRAC"], 4);
}

TEST_F(HandRelease, GroupsByMonthAndCustody) {
  const auto j = Query("asylum --by month,custody --from 2024-01 --to 2024-01 --definition trac");
  ASSERT_EQ(j["rows"].size(), 2u);  // P1 detained, P8 not
  EXPECT_EQ(j["rows"][0]["month"], "2024-01");
  EXPECT_EQ(j["rows"][0]["custody"], "D");
  EXPECT_EQ(j["rows"][0]["denials"], 1);
  EXPECT_EQ(j["rows"][1]["custody"], "N");
}

TEST_F(HandRelease, GroupsByFiscalYearAndMonthTogether) {
  // P7 (2023-08, FY2023), then P8 and P1 (2024-01, FY2024).
  const auto j = Query("asylum --by fy,month --from 2023-08 --to 2024-01 --definition trac");
  ASSERT_EQ(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][0]["fy"], 2023);
  EXPECT_EQ(j["rows"][0]["month"], "2023-08");
  EXPECT_EQ(j["rows"][0]["grants"], 1);
  EXPECT_EQ(j["rows"][1]["fy"], 2024);
  EXPECT_EQ(j["rows"][1]["month"], "2024-01");
  EXPECT_EQ(j["rows"][1]["denials"], 2);
}

TEST_F(HandRelease, NamesComeFromTheReleaseLookups) {
  const auto j = Query("asylum --by court,nationality --fy 2024 --definition trac");
  ASSERT_GE(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][0]["court_name"], "New York, NY");
  EXPECT_EQ(j["rows"][0]["nationality_name"], "Guatemala");
}

TEST_F(HandRelease, JudgeAliasesMergeCodesBeforeGrouping) {
  // Odd proceedings were heard by AAB, even ones by CCD. FY2024 TRAC decisions: P1, P2, P3, P5, P8, P9.
  const auto apart = Query("asylum --by judge --fy 2024 --definition trac");
  ASSERT_EQ(apart["rows"].size(), 2u);
  const auto file = dir_->path() / "aliases.tsv";
  std::ofstream(file) << "# CCD is AAB under another code\nCCD\tAAB\n";
  const auto merged = Query("asylum --by judge --fy 2024 --definition trac --judge-aliases '" + file.string() + "'");
  ASSERT_EQ(merged["rows"].size(), 1u);
  EXPECT_EQ(merged["rows"][0]["judge"], "AAB");
  EXPECT_EQ(merged["rows"][0]["decisions_TRAC"], 6);
  EXPECT_EQ(merged["query"]["filters"]["judge_aliases"]["CCD"], "AAB");
  // A filter on the alias means the merged judge.
  const auto filtered = Query("asylum --judge CCD --fy 2024 --definition trac --judge-aliases '" + file.string() + "'");
  EXPECT_EQ(filtered["rows"][0]["decisions_TRAC"], 6);
}

TEST_F(HandRelease, BacklogAsOfADate) {
  // Pending on 2024-03-01: P3, P4, P5, P6, P9 (received 2023-06-01, completed later or never).
  const auto j = Query("backlog --as-of 2024-03-01");
  ASSERT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["pending"], 5);
  EXPECT_EQ(j["rows"][0]["pending_asylum"], 5);
  EXPECT_DOUBLE_EQ(j["rows"][0]["median_age_days"].get<double>(), 274);  // 2023-06-01 .. 2024-03-01
}

TEST_F(HandRelease, WaitTimesFromInputDate) {
  // Grants and denials decided in FY2024 by Hondurans: P1 (223 days), P2 (254), P3 (283), P8 (218), P9 (366).
  const auto j = Query("wait-times --nationality HO --fy 2024");
  EXPECT_EQ(j["rows"][0]["decisions"], 5);
  EXPECT_DOUBLE_EQ(j["rows"][0]["median_days"].get<double>(), 254);
  EXPECT_DOUBLE_EQ(j["rows"][0]["mean_days"].get<double>(), 268.8);
}

}  // namespace
}  // namespace immstats
