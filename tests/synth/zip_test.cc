// --zip deflate / deflate64: one zip, readable by 7z and unzip, holding exactly the folder release.
#include <gtest/gtest.h>

#include <string>

#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats {
namespace {

SynthOptions Options(SynthOptions::Zip zip) {
  SynthOptions o;
  o.scale = 0.0005;
  o.seed = 41;
  o.zip = zip;
  o.top_folder = "EOIR Case Data";
  return o;
}

void CheckZip(const testing::GeneratedRelease& r, const std::string& method) {
  const std::string zip = r.summary.zip_path.string();
  ASSERT_FALSE(zip.empty());
  EXPECT_TRUE(r.summary.release_dir.empty());
  EXPECT_FALSE(std::filesystem::exists(r.summary.zip_path.parent_path() / ".staging"));
  std::string out;
  ASSERT_EQ(testing::RunCommand("7z l -slt '" + zip + "'", &out), 0) << out;
  EXPECT_NE(out.find("Method = " + method), std::string::npos) << out.substr(0, 2000);
  EXPECT_NE(out.find("Path = EOIR Case Data/A_TblCase.csv"), std::string::npos);
  EXPECT_NE(out.find("Path = EOIR Case Data/Lookup/tblLookupNationality.csv"), std::string::npos);
  ASSERT_EQ(testing::RunCommand("7z t '" + zip + "'", &out), 0) << out;
  ASSERT_EQ(testing::RunCommand("unzip -tq '" + zip + "'", &out), 0) << out;

  // Unzipped, the tables equal those of the same release written as a folder.
  const auto& folder = testing::CachedRelease("zip-folder", Options(SynthOptions::Zip::kNone));
  testing::ScratchDir scratch("unzip-" + method);
  ASSERT_EQ(testing::RunCommand("cd '" + scratch.path().string() + "' && unzip -q '" + zip + "'", &out), 0) << out;
  for (const auto& t : folder.summary.tables) {
    EXPECT_EQ(testing::ReadBytes(scratch.path() / "EOIR Case Data" / (t.name + ".csv")),
              testing::ReadBytes(folder.dir / (t.name + ".csv")))
        << t.name;
  }
}

TEST(Zip, Deflate64OpensWith7zAndUnzip) {
  CheckZip(testing::CachedRelease("zip-d64", Options(SynthOptions::Zip::kDeflate64)), "Deflate64");
}

TEST(Zip, DeflateOpensWith7zAndUnzip) {
  CheckZip(testing::CachedRelease("zip-deflate", Options(SynthOptions::Zip::kDeflate)), "Deflate");
}

TEST(Zip, SameSeedSameZipBytes) {
  const auto& a = testing::CachedRelease("zip-d64", Options(SynthOptions::Zip::kDeflate64));
  const auto& b = testing::CachedRelease("zip-d64-again", Options(SynthOptions::Zip::kDeflate64));
  EXPECT_EQ(testing::ReadBytes(a.summary.zip_path), testing::ReadBytes(b.summary.zip_path));
}

}  // namespace
}  // namespace immstats
