// The CLI of the other sources against golden files: ingest reconciliations, encounters, removals, flights,
// country, receipts, and the error paths with their messages and exit codes.
#include <fstream>

#include <gtest/gtest.h>

#include "support/golden.h"
#include "support/release_files.h"

namespace immstats {
namespace {

namespace fs = std::filesystem;

class SourcesCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir("sources-cli");
    auto write = [](const std::string& name, const std::string& text) {
      std::ofstream(dir_->path() / name, std::ios::binary) << text;
    };
    write("state.csv",
          "Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,"
          "Encounter Count\n"
          "2023,FYTD,AUG,Southwest Land Border,TX,Single Adults,HONDURAS,Title 8,50\n"
          "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,HONDURAS,Title 8,100\n"
          "2023,FYTD,SEP,Northern Land Border,WA,Single Adults,\"CHINA, PEOPLES REPUBLIC OF\",Title 8,\"1,200\"\n"
          "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,OTHER,Title 8,75\n"
          "2023,FYTD,SPT,Southwest Land Border,TX,Single Adults,HONDURAS,Title 8,1\n");
    write("sbo.csv",
          "Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,"
          "Encounter Type,Encounter Count\n"
          "2023,FYTD,SEP,U.S. Border Patrol,Single Adults,Honduras,Title 8,Apprehensions,110\n"
          "2024 (FYTD),FYTD,OCT,U.S. Border Patrol,Single Adults,Honduras,Title 8,Apprehensions,7\n");
    write("ICERemovals_FY2018.csv",
          "\"ICE Removals for FY2018\"|||||||||\n"
          "\"Area of Responsibility\"|\"Apprehension Date\"|\"Processing Disposition Code\"|\"Birth Date\"|\"Citizenship\"|"
          "\"Gender\"|\"RC Threat Level\"|\"Final Charge Section\"|\"Departed Date\"|\"Removal Date\"\n"
          "\"Miami Area of Responsibility\"|9/17/2017|\"REINST\"|\"(B)(6);(B)(7)(C) \"|\"HONDURAS\"|\"Male\"|\"1\"|\"212a6Ai\"|10/1/2017|10/1/2017\n"
          "\"Miami Area of Responsibility\"|9/17/2017|\"REINST\"|\"(B)(6);(B)(7)(C) \"|\"HONDURAS\"|\"Female\"|\"NA\"|\"212a6Ai\"|11/2/2017|11/2/2017\n"
          "\"Houston Area of Responsibility\"|9/17/2017|\"ER\"|\"(B)(6);(B)(7)(C) \"|\"GUATEMALA\"|\"Male\"|\"(B)(7)(E) \"|\"235b1\"|11/3/2017|11/3/2017\n");
    write("published.csv", "CountryOfCitizenship,2018\nHONDURAS, 2\nGUATEMALA, 1\n");
    write("flights.csv",
          ",MissionDate,R-T,PULOC,DropLoc,AlienMasterID\n0,2017-10-01,R,KAEX,MHLM,97\n1,2017-10-02,R,KBRO,MHLM,3\n"
          "2,2017-10-02,T,KBFL,KAEX,13\n3,2017-11-05,R,KAEX,MGGT,40\n");
    write("airport_dict.yaml",
          "KAEX:\n  AirportName: Alexandria International Airport\n  Country: USA\nKBRO:\n  Country: USA\n"
          "KBFL:\n  Country: USA\nMHLM:\n  AirportName: Ramon Villeda Morales\n  Country: Honduras\n  State: .nan\n"
          "MGGT:\n  AirportName: La Aurora\n  Country: Guatemala\n");
    std::string out;
    const std::string s = " --store '" + Store() + "' --json";
    const fs::path d = dir_->path();
    ASSERT_EQ(Cli("ingest cbp '" + (d / "state.csv").string() + "' '" + (d / "sbo.csv").string() + "' --snapshot-id cbp-test" + s, &out), 0) << out;
    cbp_json_ = out;
    ASSERT_EQ(Cli("ingest ice '" + (d / "ICERemovals_FY2018.csv").string() + "' '" + (d / "published.csv").string() +
                      "' --snapshot-id ice-test" + s, &out), 0) << out;
    ASSERT_EQ(Cli("ingest iceair '" + (d / "flights.csv").string() + "' '" + (d / "airport_dict.yaml").string() +
                      "' --snapshot-id iceair-test" + s, &out), 0) << out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Store() { return (dir_->path() / "store").string(); }
  static int Cli(const std::string& args, std::string* out) {
    return testing::RunCommand(testing::ImmstatsBinary() + " " + args + " 2>&1", out);
  }
  static int Run(const std::string& args, std::string* out) { return Cli(args + " --store '" + Store() + "'", out); }
  static testing::ScratchDir* dir_;
  static std::string cbp_json_;
};
testing::ScratchDir* SourcesCli::dir_ = nullptr;
std::string SourcesCli::cbp_json_;

std::string WithoutCreated(std::string s) {
  const std::string key = "\"snapshot_created\": \"";
  for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + 1)) {
    const size_t end = s.find('"', at + key.size());
    s.replace(at + key.size(), end - at - key.size(), "<created>");
  }
  return s;
}

TEST_F(SourcesCli, IngestReconciliationAsJson) { testing::ExpectGolden("sources_ingest_cbp.json", cbp_json_); }

TEST_F(SourcesCli, EncountersByMonthWithReceipt) {
  std::string out;
  ASSERT_EQ(Run("encounters --citizenship Honduras --region southwest --by month --receipt --format json", &out), 0) << out;
  testing::ExpectGolden("sources_encounters_receipt.json", WithoutCreated(out));
}

TEST_F(SourcesCli, EncountersNotPublishedAndByRegion) {
  std::string a, b;
  ASSERT_EQ(Run("encounters --citizenship Nepal,Honduras --fy 2023", &a), 0) << a;
  ASSERT_EQ(Run("encounters --by region,citizenship --format csv", &b), 0) << b;
  testing::ExpectGolden("sources_encounters.txt", a + "\n" + b);
}

TEST_F(SourcesCli, RemovalsRecordsAndPublished) {
  std::string a, b;
  ASSERT_EQ(Run("removals --by citizenship,criminality", &a), 0) << a;
  ASSERT_EQ(Run("removals --source published --fy 2018 --by citizenship --format csv", &b), 0) << b;
  testing::ExpectGolden("sources_removals.txt", a + "\n" + b);
}

TEST_F(SourcesCli, FlightsByRouteAndCountry) {
  std::string a, b;
  ASSERT_EQ(Run("flights --kind removal --by route --sort passengers", &a), 0) << a;
  ASSERT_EQ(Run("country Honduras --format csv", &b), 0) << b;
  testing::ExpectGolden("sources_flights_country.txt", a + "\n" + b);
}

TEST_F(SourcesCli, SameQuerySameBytes) {
  std::string a, b;
  ASSERT_EQ(Run("encounters --by fy,citizenship --receipt --format json", &a), 0);
  ASSERT_EQ(Run("encounters --by fy,citizenship --receipt --format json", &b), 0);
  EXPECT_EQ(a, b);
}

TEST_F(SourcesCli, ErrorsSayWhatToDo) {
  std::string out;
  EXPECT_EQ(Run("encounters --citizenship Hondoras", &out), 2);
  EXPECT_NE(out.find("unknown country 'Hondoras' for --citizenship; did you mean Honduras?"), std::string::npos) << out;
  EXPECT_EQ(Run("encounters --by colour", &out), 2);
  EXPECT_NE(out.find("unknown dimension 'colour'"), std::string::npos) << out;
  EXPECT_EQ(Run("encounters --source ohss", &out), 3);
  EXPECT_NE(out.find("holds no ohss snapshot"), std::string::npos) << out;
  EXPECT_NE(out.find("immstats ingest ohss"), std::string::npos) << out;
  EXPECT_EQ(Run("removals --source published --month 2018-01", &out), 2);
  EXPECT_NE(out.find("by fiscal year only"), std::string::npos) << out;
  const fs::path not_xlsx = dir_->path() / "state.csv";
  EXPECT_NE(Cli("ingest ohss '" + not_xlsx.string() + "' --store '" + Store() + "'", &out), 0);
  EXPECT_NE(out.find("is not an xlsx workbook"), std::string::npos) << out;
}

}  // namespace
}  // namespace immstats
