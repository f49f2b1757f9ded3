// The agencies' own published totals reproduced from the real files (IMMSTATS_REAL_DATA; skipped without it).
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "facts/fact_request.h"
#include "sources/sources.h"
#include "tabular/delimited.h"
#include "tabular/gzip.h"

namespace immstats::sources {
namespace {

namespace fs = std::filesystem;

class RealSources : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("IMMSTATS_REAL_DATA");
    if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "IMMSTATS_REAL_DATA is not set: skipping the real-data check";
    real_ = dir;
    store_ = fs::path(::testing::TempDir()) / ("real-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(store_);
  }
  SourceIngestOptions Options(std::vector<fs::path> files) {
    SourceIngestOptions o;
    for (auto& f : files) o.files.push_back(real_ / f);
    o.store = store_;
    return o;
  }
  // The answer's rows as key -> measure (first column -> last column).
  std::map<std::string, int64_t> Rows(const Result<query::ResultTable>& t) {
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    std::map<std::string, int64_t> out;
    if (!t.ok()) return out;
    for (const auto& row : t->rows) {
      const auto& k = row.front();
      size_t m = t->columns.size() - 1;
      if (t->columns[m] == "rounded_to" || t->columns[m] == "published") --m;
      out[k.text] = row[m].i;
    }
    return out;
  }
  fs::path real_, store_;
};

TEST_F(RealSources, CbpSouthwestBorderTotalsEqualCbpPublishedFigures) {
  auto r = IngestCbp(Options({"cbp-nationwide-encounters/cbp-nationwide-encounters-fy20-fy23-state.csv",
                              "cbp-sbo-encounters/sbo-encounters-fy22-fy25-aug.csv"}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  facts::FactRequest q;
  q.filters["region"] = {"Southwest Land Border"};
  q.by = {"fy"};
  auto rows = Rows(facts::RunEncounters(store::Store(store_), q));
  EXPECT_EQ(rows["2020"], 458088);
  EXPECT_EQ(rows["2021"], 1734686);
  EXPECT_EQ(rows["2022"], 2378944);
  EXPECT_EQ(rows["2023"], 2475669);
  // The OTHER bucket is not a country; Nepal is not itemized by CBP.
  facts::FactRequest nepal;
  nepal.filters["citizenship"] = {"Nepal"};
  auto t = facts::RunEncounters(store::Store(store_), nepal);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].back().i, 0);  // published = false
  EXPECT_EQ(t->rows[0][2].kind, query::Value::Kind::kNull);
}

TEST_F(RealSources, IceRemovalRecordsEqualIcePublishedTableForEveryCountry) {
  auto r = IngestIce(Options({"ice-enforce/us/import/frozen/ICERemovals_FY2017.csv.gz",
                              "ice-enforce/us/import/frozen/ICERemovals_FY2018.csv.gz",
                              "ice-air/share/resources/FY2017andFY2018ICERemovalsbyCountryofCitizenship.csv"}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->unmapped_names.empty()) << r->unmapped_names.front();
  const std::map<int, int64_t> kTotals = {{2017, 226119}, {2018, 256085}};
  for (const auto& [fy, total] : kTotals) {
    facts::FactRequest rec;
    rec.fy = fy;
    rec.by = {"citizenship"};
    facts::FactRequest pub = rec;
    pub.source = "published";
    auto records = Rows(facts::RunRemovals(store::Store(store_), rec));
    auto published = Rows(facts::RunRemovals(store::Store(store_), pub));
    int64_t sum_records = 0, sum_published = 0;
    for (const auto& [country, n] : published) {
      sum_published += n;
      EXPECT_EQ(records[country], n) << "FY" << fy << " " << country;
    }
    for (const auto& [country, n] : records) {
      sum_records += n;
      EXPECT_EQ(published[country], n) << "FY" << fy << " " << country;
    }
    EXPECT_EQ(sum_records, total) << fy;
    EXPECT_EQ(sum_published, total) << fy;
    EXPECT_GT(published.size(), 150u);
  }
}

TEST_F(RealSources, IceAirPassengersByDropoffAirportEqualPublishedAirportTotals) {
  auto r = IngestIceAir(Options({"ice-air/analyze/note/flights.csv",
                                 "ice-air/installment1/clean/output/airport_dict.yaml",
                                 "ice-air/installment3/analyze/output/airport_dict.yaml"}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  facts::FactRequest q;
  q.by = {"dropoff_airport"};
  auto t = facts::RunFlights(store::Store(store_), q);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::map<std::string, int64_t> ours;
  for (const auto& row : t->rows) ours[row[0].text] = row[2].i;  // dropoff_airport, legs, passengers
  auto text = tabular::ReadFileMaybeGzip(real_ / "ice-air/analyze/output/airport_totals.csv");
  ASSERT_TRUE(text.ok());
  tabular::DelimitedReader reader(*text, {','});
  std::vector<std::string> header, f;
  reader.Next(&header);
  size_t code = 0, dropoffs = 0;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "Airport Code") code = i;
    if (header[i] == "Total Dropoffs") dropoffs = i;
  }
  int airports = 0, equal = 0;
  int64_t worst = 0;
  while (reader.Next(&f)) {
    if (f.size() != header.size()) continue;
    ++airports;
    const int64_t published = f[dropoffs].empty() ? 0 : std::llround(std::stod(f[dropoffs]));
    const int64_t diff = std::llabs(published - ours[f[code]]);
    if (diff == 0) ++equal;
    worst = std::max(worst, diff);
  }
  EXPECT_EQ(airports, 222);
  EXPECT_GE(equal, 217);
  EXPECT_LE(worst, 10);
}

TEST_F(RealSources, OhssWorkbookAllSheetsAndAnnualCount) {
  auto r = IngestOhss(Options({"ohss-khsm-usbp/KHSM Encounters (USBP) fy25m11.xlsx"}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reconciliation.tables.size(), 16u);
  EXPECT_TRUE(r->unmapped_names.empty()) << r->unmapped_names.front();
  facts::FactRequest q;
  q.source = "ohss";
  q.fy = 2000;
  auto t = facts::RunEncounters(store::Store(store_), q);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->query["sheet"], "Annual Count");
  EXPECT_EQ(t->rows.at(0).at(0).i, 1590310);
  // Nepal, a citizenship CBP folds into OTHER, by month sums to the annual figure within the rounding.
  facts::FactRequest annual;
  annual.source = "ohss";
  annual.fy = 2023;
  annual.filters["citizenship"] = {"Nepal"};
  facts::FactRequest monthly = annual;
  monthly.by = {"month"};
  auto a = facts::RunEncounters(store::Store(store_), annual);
  auto m = facts::RunEncounters(store::Store(store_), monthly);
  ASSERT_TRUE(a.ok() && m.ok());
  EXPECT_EQ(m->query["sheet"], "Monthly Citizenship");
  int64_t sum = 0;
  for (const auto& row : m->rows) sum += row[1].i;
  EXPECT_GT(a->rows.at(0).at(0).i, 0);
  EXPECT_LE(std::llabs(sum - a->rows.at(0).at(0).i), 12 * 5);
}

}  // namespace
}  // namespace immstats::sources
