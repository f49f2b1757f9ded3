// Ingest and queries of the non-court sources on small hand-made files, one per format trap.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "sources/gzip_with_zlib.h"

#include "base/subprocess.h"
#include "facts/fact_request.h"
#include "sources/sources.h"

namespace immstats::sources {
namespace {

namespace fs = std::filesystem;

class SourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("sources-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  fs::path Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  SourceIngestOptions Options(std::vector<fs::path> files) {
    SourceIngestOptions o;
    o.files = std::move(files);
    o.store = dir_ / "store";
    return o;
  }
  std::string Json(const Result<query::ResultTable>& t) {
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    if (!t.ok()) return {};
    std::string out, line;
    std::istringstream in(query::FormatCsv(*t));
    while (std::getline(in, line)) {
      if (line.rfind("#", 0) != 0) out += line + "\n";  // the receipt travels as comment lines
    }
    return out;
  }
  store::Store Store() { return store::Store(dir_ / "store"); }
  fs::path dir_;
};

const char* kStateHeader =
    "Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,"
    "Encounter Count\n";
const char* kSboHeader =
    "Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,"
    "Encounter Type,Encounter Count\n";

TEST_F(SourcesTest, CbpOverlappingReleasesNeverDoubleCountAndTheNewestWins) {
  // Older release: FY2023 Sep = 100 Hondurans, Oct 2023 absent. Newer: Sep 2023 revised to 110, Oct 2023 = 7.
  const auto old_file = Write("old.csv", std::string(kStateHeader) +
                                             "2023,FYTD,AUG,Southwest Land Border,TX,Single Adults,HONDURAS,Title 8,50\n"
                                             "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,HONDURAS,Title 8,100\n"
                                             "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,\"CHINA, PEOPLES REPUBLIC OF\",Title 8,\"1,200\"\n");
  const auto new_file = Write("new.csv", std::string(kSboHeader) +
                                             "2023,FYTD,SEP,U.S. Border Patrol,Single Adults,Honduras,Title 8,Apprehensions,110\n"
                                             "2024 (FYTD),FYTD,OCT,U.S. Border Patrol,Single Adults,Honduras,Title 8,Apprehensions,7\n"
                                             "2024 (FYTD),FYTD,OCT,U.S. Border Patrol,Single Adults,Other,Title 8,Apprehensions,9\n");
  auto r = IngestCbp(Options({old_file, new_file}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  facts::FactRequest q;
  q.filters["citizenship"] = {"Honduras"};
  q.filters["region"] = {"southwest"};
  q.by = {"month"};
  q.receipt = true;
  auto t = facts::RunEncounters(Store(), q);
  EXPECT_EQ(Json(t), "month,encounters\n2023-08,50\n2023-09,110\n2023-10,7\n");
  ASSERT_TRUE(t.ok());
  const auto& from = t->receipt["months_from_files"];
  ASSERT_EQ(from.size(), 2u) << from.dump();
  EXPECT_EQ(from[0]["file"], "old.csv");
  EXPECT_EQ(from[1]["file"], "new.csv");
  EXPECT_EQ(from[1]["from"], "2023-09");
  // Quoted names with commas and counts with separators.
  facts::FactRequest china;
  china.filters["citizenship"] = {"China"};
  EXPECT_EQ(Json(facts::RunEncounters(Store(), china)), "encounters\n1200\n");
  // Nationwide (no region) cannot use the Southwest-only file: September comes from the older file.
  facts::FactRequest nationwide;
  nationwide.filters["citizenship"] = {"HN"};
  nationwide.by = {"fy"};
  EXPECT_EQ(Json(facts::RunEncounters(Store(), nationwide)), "fy,encounters\n2023,150\n");
}

TEST_F(SourcesTest, CbpCountryFoldedIntoOtherIsNotPublishedNeverZero) {
  const auto f = Write("s.csv", std::string(kStateHeader) +
                                    "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,OTHER,Title 8,500\n"
                                    "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,5\n");
  ASSERT_TRUE(IngestCbp(Options({f})).ok());
  facts::FactRequest q;
  q.filters["citizenship"] = {"Nepal"};
  auto t = facts::RunEncounters(Store(), q);
  EXPECT_EQ(Json(t), "citizenship,citizenship_code,encounters,published\nNepal,NP,,false\n");
  ASSERT_TRUE(t.ok());
  ASSERT_FALSE(t->notes.empty());
  EXPECT_NE(t->notes[0].find("not published by this source"), std::string::npos);
  EXPECT_NE(t->notes[0].find("--source ohss"), std::string::npos);
}

TEST_F(SourcesTest, CbpUnknownColumnAndBadRowsAreNamed) {
  const auto f = Write("u.csv", "Fiscal Year,Month (abbv),Citizenship,Encounter Count,Colour\n2023,SEP,MEXICO,5,red\n");
  auto r = IngestCbp(Options({f}));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("u.csv, line 1, column 5: unknown column 'Colour'"), std::string::npos)
      << r.status().message();
  const auto g = Write("g.csv", std::string(kStateHeader) +
                                    "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,5\n"
                                    "2023,FYTD,SPT,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,5\n"
                                    "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,five\n"
                                    "2023,FYTD,SEP,Southwest Land Border\n");
  auto ok = IngestCbp(Options({g}));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  const auto& t = ok->reconciliation.tables.at(0);
  EXPECT_EQ(t.read, 4);
  EXPECT_EQ(t.loaded, 1);
  EXPECT_EQ(t.quarantined.at("bad_month"), 1);
  EXPECT_EQ(t.quarantined.at("bad_count"), 1);
  EXPECT_EQ(t.quarantined.at("short_row"), 1);
  std::ifstream rejects(ok->snapshot.dir / "cbp.encounters.rejects.tsv");
  std::stringstream ss;
  ss << rejects.rdbuf();
  EXPECT_NE(ss.str().find("g.csv\t3\t"), std::string::npos) << ss.str();
  EXPECT_NE(ss.str().find("\tbad_month\t"), std::string::npos) << ss.str();
}

TEST_F(SourcesTest, IcePersonLevelTitleLinesRedactionsAndGzip) {
  const std::string text =
      "\"ERO-LESA Statistical Tracking Unit\"|||||||||\n"
      "\"2019-ICFO-53623\"|||||||||\n"
      "|||||||||\n"
      "\"ICE Removals for FY2017\"|||||||||\n"
      "\"Area of Responsibility\"|\"Apprehension Date\"|\"Processing Disposition Code\"|\"Birth Date\"|\"Citizenship\"|"
      "\"Gender\"|\"RC Threat Level\"|\"Final Charge Section\"|\"Departed Date\"|\"Removal Date\"\n"
      "\"Miami Area of Responsibility\"|9/17/2016|\"REINST\"|\"(B)(6);(B)(7)(C) \"|\"HONDURAS\"|\"Male\"|\"NA\"|\"212a6Ai\"|10/1/2016|10/1/2016\n"
      "\"Miami Area of Responsibility\"|9/17/2016|\"REINST\"|\"(B)(6);(B)(7)(C) \"|\"CHINA, PEOPLES REPUBLIC OF\"|\"Male\"|\"(B)(7)(E) \"|\"212a6Ai\"|9/30/2017|9/30/2017\n"
      "\"Miami Area of Responsibility\"|9/17/2016|\"REINST\"\n";
  const auto gz = Write("ICERemovals_FY2017.csv.gz", testing::GzipWithZlib(text));
  const auto published = Write("pub.csv", "CountryOfCitizenship,2017,2018\nHONDURAS, 1, 0\nCHINA, 1, 0\n");
  const auto annual = Write("annual.csv", "Country of Citizenship,FY 2019\nTotal,\"3\"\nHonduras,2\nChina,1\n");
  auto r = IngestIce(Options({gz, published, annual}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& t = r->reconciliation.tables.at(0);
  EXPECT_EQ(t.name, "ice.removals:ICERemovals_FY2017.csv.gz");
  EXPECT_EQ(t.read, 3);
  EXPECT_EQ(t.loaded, 2);
  EXPECT_EQ(t.quarantined.at("short_row"), 1);
  EXPECT_EQ(t.flagged.at("redacted:birth_date"), 2);
  EXPECT_EQ(t.flagged.at("redacted:rc_threat_level"), 1);
  EXPECT_TRUE(r->reconciliation.schema_notes.empty());  // the Total row equals its countries' sum
  facts::FactRequest q;
  q.by = {"citizenship", "criminality"};
  EXPECT_EQ(Json(facts::RunRemovals(Store(), q)),
            "citizenship,citizenship_code,criminality,removals\nChina,CN,,1\nHonduras,HN,NA,1\n");
  facts::FactRequest p;
  p.source = "published";
  p.by = {"fy"};
  EXPECT_EQ(Json(facts::RunRemovals(Store(), p)), "fy,removals\n2017,2\n2018,0\n2019,3\n");
  // A truncated .gz is an error naming the file.
  const std::string whole = testing::GzipWithZlib(text + std::string(50000, 'x'));
  const auto cut = Write("EROArrests_FY2018.csv.gz", whole.substr(0, whole.size() / 2));
  auto bad = IngestIce(Options({cut}));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("EROArrests_FY2018.csv.gz: gzip"), std::string::npos) << bad.status().message();
}

TEST_F(SourcesTest, IceAirLegsAirportsWithNanAndMissions) {
  const auto legs = Write("flights.csv",
                          ",MissionDate,R-T,PULOC,DropLoc,AlienMasterID\n"
                          "0,2017-10-01,R,KAEX,MHLM,97\n"
                          "1,2017-10-02,R,KAEX,MHLM,3\n"
                          "2,2017-10-02,T,KBFL,KAEX,13\n"
                          "3,2017-10-03,R,KAEX,MGGT,not-a-number\n");
  const auto dict = Write("airport_dict.yaml",
                          "KAEX:\n  AirportName: Alexandria International Airport\n  City: Alexandria\n"
                          "  Country: USA\n  State: LA\nMHLM:\n  AirportName: Ramon Villeda Morales\n  City: San Pedro Sula\n"
                          "  Country: Honduras\n  State: .nan\nKBFL:\n  AirportName: Meadows Field\n  Country: United States\n");
  const auto pu = Write("pulocsdict.yaml", "47112:\n- KAEX\n- KBFL\n47113:\n- KAEX\n");
  const auto dr = Write("droplocsdict.yaml", "47112:\n- MHLM\n47113:\n- KBFL\n");
  auto r = IngestIceAir(Options({legs, dict, pu, dr}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reconciliation.tables.at(0).quarantined.at("bad_count"), 1);
  facts::FactRequest q;
  q.filters["country"] = {"Honduras"};
  q.by = {"dropoff_airport"};
  EXPECT_EQ(Json(facts::RunFlights(Store(), q)), "dropoff_airport,legs,passengers\nMHLM,2,100\n");
  facts::FactRequest k;
  k.filters["kind"] = {"transfer"};
  EXPECT_EQ(Json(facts::RunFlights(Store(), k)), "legs,passengers\n1,13\n");
  facts::FactRequest m;
  m.missions = true;
  m.filters["country"] = {"HN"};
  EXPECT_EQ(Json(facts::RunFlights(Store(), m)),
            "mission,pickups,dropoffs,dropoff_countries\n47112,KAEX KBFL,MHLM,HN\n");
}

// An OHSS-shaped workbook: each sheet a header (Fiscal\nYear, [Month], dimensions, Quantity) and a few rows.
fs::path MakeOhssWorkbook(const fs::path& dir, bool drop_last_sheet) {
  fs::remove_all(dir);
  fs::create_directories(dir / "xl" / "worksheets");
  fs::create_directories(dir / "xl" / "_rels");
  auto write = [&](const std::string& rel, const std::string& text) { std::ofstream(dir / rel) << text; };
  const std::vector<std::pair<std::string, std::vector<std::string>>> kinds = {
      {"Count", {}}, {"Citizenship", {"Citizenship"}}, {"Region", {"Region"}}, {"Family Status", {"Family Status"}},
      {"Sector", {"Sector"}}, {"Rgn and Citp", {"Region", "Citizenship"}},
      {"Rgn and Fam Status", {"Region", "Family Status"}}, {"Rgn and Sector", {"Region", "Sector"}}};
  std::string sheets, rels;
  int n = 0;
  for (const auto& [suffix, dims] : kinds) {
    for (const char* period : {"Annual ", "Monthly "}) {
      if (drop_last_sheet && n == 15) break;
      ++n;
      const bool monthly = std::string(period) == "Monthly ";
      sheets += "<sheet name=\"" + std::string(period) + suffix + "\" sheetId=\"" + std::to_string(n) + "\" r:id=\"rId" +
                std::to_string(n) + "\"/>";
      rels += "<Relationship Id=\"rId" + std::to_string(n) + "\" Target=\"worksheets/sheet" + std::to_string(n) + ".xml\"/>";
      auto cell = [](const std::string& text) { return "<c t=\"inlineStr\"><is><t>" + text + "</t></is></c>"; };
      std::string head = cell("Fiscal\nYear") + (monthly ? cell("Month") : "");
      for (const auto& d : dims) head += cell(d);
      head += cell("Quantity");
      std::string body = "<row r=\"1\">" + head + "</row>";
      const std::vector<std::pair<std::string, std::string>> values = {{"Nepal", "20"}, {"Honduras", "130"}, {"Cuba", ""}};
      int r = 1;
      for (const auto& [country, qty] : values) {
        std::string row = "<c><v>2024</v></c>" + (monthly ? cell("02 November") : "");
        for (const auto& d : dims) {
          row += cell(d == "Citizenship" ? country : d == "Region" ? "Southwest Land Border"
                      : d == "Sector" ? "Rio Grande Valley, TX" : "Single Adults");
        }
        row += qty.empty() ? "" : "<c><v>" + qty + "</v></c>";
        body += "<row r=\"" + std::to_string(++r) + "\">" + row + "</row>";
      }
      write("xl/worksheets/sheet" + std::to_string(n) + ".xml",
            "<?xml version=\"1.0\"?><worksheet><sheetData>" + body + "</sheetData></worksheet>");
    }
  }
  write("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>");
  write("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets>" + sheets + "</sheets></workbook>");
  write("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships>" + rels + "</Relationships>");
  const fs::path xlsx = dir.parent_path() / (dir.filename().string() + ".xlsx");
  fs::remove(xlsx);
  auto run = base::RunProcess({"7z", "a", "-tzip", "-mx=1", xlsx.string(), "."}, dir);
  EXPECT_TRUE(run.ok() && run->exit_code == 0);
  return xlsx;
}

TEST_F(SourcesTest, OhssWorkbookSheetsMonthsBlanksAndRounding) {
  auto r = IngestOhss(Options({MakeOhssWorkbook(dir_ / "khsm", false)}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reconciliation.tables.size(), 16u);
  EXPECT_EQ(r->reconciliation.tables.at(3).flagged.at("blank_is_zero"), 1);  // Monthly Citizenship: Cuba
  facts::FactRequest annual;
  annual.source = "ohss";
  annual.filters["citizenship"] = {"NP"};
  annual.fy = 2024;
  auto a = facts::RunEncounters(Store(), annual);
  EXPECT_EQ(Json(a), "encounters,rounded_to\n20,10\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->query["sheet"], "Annual Citizenship");
  facts::FactRequest monthly;
  monthly.source = "ohss";
  monthly.by = {"month", "citizenship"};
  monthly.filters["region"] = {"southwest"};
  auto m = facts::RunEncounters(Store(), monthly);
  EXPECT_EQ(Json(m), "month,citizenship,citizenship_code,encounters,rounded_to\n2023-11,Cuba,CU,0,10\n"
                     "2023-11,Honduras,HN,130,10\n2023-11,Nepal,NP,20,10\n");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->query["sheet"], "Monthly Rgn and Citp");
  facts::FactRequest crossing;
  crossing.source = "ohss";
  crossing.by = {"citizenship", "sector"};
  auto bad = facts::RunEncounters(Store(), crossing);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("does not publish citizenship × sector"), std::string::npos) << bad.status().message();
}

TEST_F(SourcesTest, OhssWorkbookMissingASheetNamesIt) {
  auto r = IngestOhss(Options({MakeOhssWorkbook(dir_ / "short", true)}));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("lacks sheet(s) 'Monthly Rgn and Sector'"), std::string::npos) << r.status().message();
}

TEST_F(SourcesTest, EachSourceHasItsOwnLatestSnapshot) {
  const auto f = Write("s.csv", std::string(kStateHeader) +
                                    "2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,5\n");
  ASSERT_TRUE(IngestCbp(Options({f})).ok());
  auto cbp = Store().Get("latest", "cbp");
  ASSERT_TRUE(cbp.ok());
  EXPECT_EQ(cbp->source(), "cbp");
  auto eoir = Store().Get("latest");
  ASSERT_FALSE(eoir.ok());
  EXPECT_NE(eoir.status().message().find("no eoir snapshot"), std::string::npos) << eoir.status().message();
  auto ice = facts::RunRemovals(Store(), facts::FactRequest{});
  ASSERT_FALSE(ice.ok());
  EXPECT_NE(ice.status().message().find("immstats ingest ice"), std::string::npos) << ice.status().message();
}

}  // namespace
}  // namespace immstats::sources
