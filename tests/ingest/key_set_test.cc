// KeySet: exact answers across pages, for negative and huge ids, with memory only for the pages ids fall in.
#include "ingest/key_set.h"

#include <gtest/gtest.h>

namespace immstats::ingest {
namespace {

TEST(KeySet, SecondInsertOfAKeyIsARepeatWhereverTheKeyLies) {
  KeySet s;
  for (int64_t id : {int64_t{0}, int64_t{63}, int64_t{64}, int64_t{65535}, int64_t{65536}, int64_t{1000001},
                     int64_t{-7}, INT64_MIN, INT64_MAX, (int64_t{1} << 38) - 1, int64_t{1} << 38}) {
    EXPECT_FALSE(s.Contains(id)) << id;
    EXPECT_TRUE(s.Insert(id)) << id;
    EXPECT_TRUE(s.Contains(id)) << id;
    EXPECT_FALSE(s.Insert(id)) << id;
  }
  for (int64_t id : {int64_t{1}, int64_t{62}, int64_t{65537}, int64_t{1000000}, int64_t{-8}, (int64_t{1} << 38) + 1}) {
    EXPECT_FALSE(s.Contains(id)) << id;
  }
}

TEST(KeySet, MemoryFollowsTheSpanOfIdsNotTheLargestId) {
  KeySet s;
  // 1M ids starting at 400,000,000 (as a late table of a large release might): 16 pages of 8 KiB, not 50 MB.
  for (int64_t i = 0; i < (int64_t{1} << 20); ++i) ASSERT_TRUE(s.Insert(400'000'000 + i));
  EXPECT_LE(s.page_bytes(), size_t{17} * 8192);
  EXPECT_FALSE(s.Insert(400'000'000 + 12345));
  // A single corrupt, huge id takes no page at all.
  const size_t before = s.page_bytes();
  EXPECT_TRUE(s.Insert(int64_t{1} << 50));
  EXPECT_EQ(s.page_bytes(), before);
}

}  // namespace
}  // namespace immstats::ingest
