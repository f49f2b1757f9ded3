// Same seed and scale give the same bytes whatever the thread count; another seed gives another world.
#include <gtest/gtest.h>

#include <string>

#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats {
namespace {

SynthOptions Options(uint64_t seed, int threads) {
  SynthOptions o;
  o.scale = 0.002;
  o.seed = seed;
  o.threads = threads;
  o.top_folder = "EOIR Case Data";
  return o;
}

TEST(Determinism, ThreadCountDoesNotChangeABit) {
  const auto& one = testing::CachedRelease("det-1thread", Options(21, 1));
  const auto& two = testing::CachedRelease("det-2threads", Options(21, 2));
  const auto& four = testing::CachedRelease("det-4threads", Options(21, 4));
  ASSERT_EQ(one.summary.tables.size(), 7u);
  for (const auto& t : one.summary.tables) {
    const std::string a = testing::ReadBytes(one.dir / (t.name + ".csv"));
    EXPECT_EQ(a, testing::ReadBytes(two.dir / (t.name + ".csv"))) << t.name;
    EXPECT_EQ(a, testing::ReadBytes(four.dir / (t.name + ".csv"))) << t.name;
    EXPECT_GT(a.size(), 1000u);
  }
  EXPECT_EQ(testing::ReadBytes(one.dir / "Count.txt"), testing::ReadBytes(two.dir / "Count.txt"));
  EXPECT_EQ(testing::ReadBytes(one.dir / "Lookup" / "tblLookupJudge.csv"),
            testing::ReadBytes(two.dir / "Lookup" / "tblLookupJudge.csv"));
  EXPECT_EQ(testing::ReadBytes(one.summary.truth_path), testing::ReadBytes(two.summary.truth_path));
}

TEST(Determinism, AnotherSeedIsAnotherWorld) {
  const auto& a = testing::CachedRelease("det-1thread", Options(21, 1));
  const auto& b = testing::CachedRelease("det-seed22", Options(22, 2));
  EXPECT_NE(testing::ReadBytes(a.dir / "A_TblCase.csv"), testing::ReadBytes(b.dir / "A_TblCase.csv"));
  EXPECT_NE(testing::ReadBytes(a.dir / "Lookup" / "tblLookupJudge.csv"),
            testing::ReadBytes(b.dir / "Lookup" / "tblLookupJudge.csv"));
}

}  // namespace
}  // namespace immstats
