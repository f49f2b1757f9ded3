// The released column order of the main tables (domain spec Appendix C), transcribed independently here.
#include "eoir/schema.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace immstats::eoir {
namespace {

std::vector<std::string> Columns(std::string_view table) {
  const TableSpec* spec = FindTable(table);
  EXPECT_NE(spec, nullptr) << table;
  if (spec == nullptr) return {};
  return {spec->columns.begin(), spec->columns.end()};
}

TEST(Schema, CaseTableMatchesAppendixC) {
  const std::vector<std::string> expected = {
      "IDNCASE", "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE", "UPDATED_ZIPCODE", "UPDATED_CITY", "NAT", "LANG",
      "CUSTODY", "SITE_TYPE", "E_28_DATE", "ATTY_NBR", "CASE_TYPE", "UPDATE_SITE", "LATEST_HEARING", "LATEST_TIME",
      "LATEST_CAL_TYPE", "UP_BOND_DATE", "UP_BOND_RSN", "CORRECTIONAL_FAC", "RELEASE_MONTH", "RELEASE_YEAR",
      "INMATE_HOUSING", "DATE_OF_ENTRY", "C_ASY_TYPE", "C_BIRTHDATE", "C_RELEASE_DATE", "UPDATED_STATE",
      "ADDRESS_CHANGEDON", "ZBOND_MRG_FLAG", "GENDER", "DATE_DETAINED", "DATE_RELEASED", "LPR", "DETENTION_DATE",
      "DETENTION_LOCATION", "DCO_LOCATION", "DETENTION_FACILITY_TYPE", "CASEPRIORITY_CODE"};
  EXPECT_EQ(Columns("A_TblCase"), expected);
}

TEST(Schema, ProceedingTableMatchesAppendixC) {
  const std::vector<std::string> expected = {
      "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "INPUT_DATE", "BASE_CITY_CODE", "HEARING_LOC_CODE", "IJ_CODE",
      "TRANS_IN_DATE", "PREV_HEARING_LOC", "PREV_HEARING_BASE", "PREV_IJ_CODE", "TRANS_NBR", "HEARING_DATE",
      "HEARING_TIME", "DEC_TYPE", "DEC_CODE", "DEPORTED_1", "DEPORTED_2", "OTHER_COMP", "APPEAL_RSVD",
      "APPEAL_NOT_FILED", "COMP_DATE", "ABSENTIA", "VENUE_CHG_GRANTED", "TRANSFER_TO", "DATE_APPEAL_DUE_STATUS",
      "TRANSFER_STATUS", "CUSTODY", "CASE_TYPE", "NAT", "LANG", "SCHEDULED_HEAR_LOC", "CORRECTIONAL_FAC",
      "CRIM_IND", "IHP", "AGGRAVATE_FELON", "DATE_DETAINED", "DATE_RELEASED"};
  EXPECT_EQ(Columns("B_TblProceeding"), expected);
}

TEST(Schema, ApplicationTableMatchesAppendixC) {
  const std::vector<std::string> expected = {"IDNPROCEEDINGAPPLN", "IDNPROCEEDING", "IDNCASE", "APPL_CODE",
                                             "APPL_RECD_DATE", "APPL_DEC"};
  EXPECT_EQ(Columns("tbl_Court_Appln"), expected);
}

TEST(Schema, CoreSetIsTheSevenTablesOfTheIssue) {
  std::set<std::string> core;
  for (const auto& t : MainTables()) {
    if (t.core) core.insert(std::string(t.name));
  }
  EXPECT_EQ(core, (std::set<std::string>{"A_TblCase", "B_TblProceeding", "tbl_Court_Appln", "tbl_schedule",
                                         "tbl_RepsAssigned", "tbl_CustodyHistory", "tbl_Lead_Rider"}));
}

TEST(Schema, EveryTableHasUniqueColumnsAndACsvFile) {
  for (const auto& t : MainTables()) {
    std::set<std::string_view> seen(t.columns.begin(), t.columns.end());
    EXPECT_EQ(seen.size(), t.columns.size()) << t.name;
    EXPECT_EQ(t.file_name, std::string(t.name) + ".csv");
    EXPECT_EQ(ColumnIndex(t, t.columns.back()), static_cast<int>(t.columns.size()) - 1);
  }
  EXPECT_EQ(FindTable("no_such_table"), nullptr);
}

}  // namespace
}  // namespace immstats::eoir
