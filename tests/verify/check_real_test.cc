// `immstats check` on the real CBP, OHSS and ICE files (IMMSTATS_REAL_DATA; skipped without it): an article whose
// figures are the agencies' own published totals, some altered, and the verdicts each must get.
#include <cstdlib>

#include <gtest/gtest.h>

#include "base/civil_date.h"
#include "sources/sources.h"
#include "verify/verify.h"

namespace immstats {
namespace {

namespace fs = std::filesystem;
using verify::Verdict;

class CheckReal : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("IMMSTATS_REAL_DATA");
    if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "IMMSTATS_REAL_DATA is not set: skipping the real-data check";
    real_ = dir;
    store_ = fs::path(::testing::TempDir()) / ("check-real-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(store_);
  }
  void TearDown() override { fs::remove_all(store_); }
  void Ingest(Result<sources::SourceIngestResult> (*ingest)(const sources::SourceIngestOptions&), std::vector<fs::path> files) {
    sources::SourceIngestOptions o;
    for (auto& f : files) o.files.push_back(real_ / f);
    o.store = store_;
    auto r = ingest(o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  verify::ArticleCheck Check(const std::string& text) {
    return verify::CheckArticle(claims::ReadArticle(text), base::DaysFromCivil(2024, 11, 15), store_);
  }
  fs::path real_, store_;
};

constexpr const char* kArticle =
    "Border Patrol agents and CBP officers encountered 2,475,669 migrants along the southern border in fiscal 2023, "
    "CBP figures show.\n\n"
    "Encounters at the southern border reached about 2.5 million in fiscal 2023.\n\n"
    "Encounters along the southwest border totaled 2,470,000 in fiscal 2023.\n\n"
    "Encounters along the southwest border rose to 2,700,000 in fiscal 2023.\n\n"
    "Border Patrol agents encountered 3,140 Nepali migrants in fiscal 2023.\n\n"
    "ICE removed 28,894 Hondurans in fiscal 2018, according to ICE.\n";

TEST_F(CheckReal, PublishedTotalsMatchAlteredOnesDoNotAndUnpublishedOnesNameTheSourceThatPublishesThem) {
  Ingest(sources::IngestCbp, {"cbp-nationwide-encounters/cbp-nationwide-encounters-fy20-fy23-state.csv"});
  Ingest(sources::IngestIce, {"ice-air/share/resources/FY2017andFY2018ICERemovalsbyCountryofCitizenship.csv"});
  auto check = Check(kArticle);
  ASSERT_EQ(check.claims.size(), 6u) << verify::CheckTable(check);
  const auto& c = check.claims;
  EXPECT_EQ(c[0].verdict, Verdict::kMatches) << verify::CheckTable(check);  // CBP's FY2023 Southwest total
  EXPECT_EQ(c[0].definition, "all components (Border Patrol and ports of entry)");
  EXPECT_EQ(c[1].verdict, Verdict::kMatches) << verify::CheckTable(check);  // rounded as written
  EXPECT_EQ(c[2].verdict, Verdict::kClose) << verify::CheckTable(check);    // within 1%
  EXPECT_EQ(c[3].verdict, Verdict::kDiffers) << verify::CheckTable(check);
  EXPECT_EQ(c[3].figures[0].ours, "2,475,669");
  // Nepal: CBP folds it into OTHER and no OHSS workbook is loaded: cannot check, naming OHSS.
  EXPECT_EQ(c[4].verdict, Verdict::kCannotCheck) << verify::CheckTable(check);
  EXPECT_NE(c[4].reason.find("OHSS"), std::string::npos) << c[4].reason;
  EXPECT_EQ(c[5].verdict, Verdict::kMatches) << verify::CheckTable(check);  // ICE's published FY2018 table
  EXPECT_EQ(c[5].source, "ICE published removals");

  // With the OHSS workbook loaded, Nepal is answered from it (rounded to 10).
  Ingest(sources::IngestOhss, {"ohss-khsm-usbp/KHSM Encounters (USBP) fy25m11.xlsx"});
  check = Check(kArticle);
  ASSERT_EQ(check.claims.size(), 6u);
  EXPECT_EQ(check.claims[4].source, "OHSS workbook") << verify::CheckTable(check);
  EXPECT_NE(check.claims[4].verdict, Verdict::kCannotCheck) << verify::CheckTable(check);
  EXPECT_FALSE(check.claims[4].receipt.empty());
}

}  // namespace
}  // namespace immstats
