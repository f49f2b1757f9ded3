// ChunkSpans: never says "no" for a range that holds one of the chunk's ids, and says "no" for the gaps between
// separate streams of ids, which is what lets a pass skip chunks.
#include "derive/chunk_spans.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace immstats::derive {
namespace {

TEST(ChunkSpans, TwoInterleavedStreamsLeaveTheGapBetweenThemSkippable) {
  // As in tbl_RepsAssigned.PARENT_IDN: case ids near 1.5M and proceeding ids near 4M, one after the other.
  ChunkSpans s;
  for (int64_t i = 0; i < 100'000; ++i) {
    s.Add(1'500'000 + i);
    s.Add(4'000'000 + 3 * i);
  }
  s.Add(store::kNullInt64);  // nulls do not count
  EXPECT_TRUE(s.Meets({1'550'000, 1'550'000}));
  EXPECT_TRUE(s.Meets({4'299'997, 5'000'000}));
  EXPECT_FALSE(s.Meets({2'000'000, 3'000'000}));  // between the streams
  EXPECT_FALSE(s.Meets({0, 1'000'000}));
  EXPECT_FALSE(s.Meets({5'000'000, 6'000'000}));
  EXPECT_FALSE(s.Meets(IdRange{}));  // a pass that looks for nothing
}

TEST(ChunkSpans, NeverMissesAnIdWhateverTheOrderAndNumberOfStreams) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 200; ++round) {
    ChunkSpans s;
    std::vector<int64_t> ids;
    const int streams = 1 + static_cast<int>(rng() % 9);  // more streams than spans: some get merged
    for (int k = 0; k < 2000; ++k) {
      const int64_t base = static_cast<int64_t>(rng() % static_cast<uint64_t>(streams)) * 10'000'000;
      const int64_t id = round % 2 == 0 ? base + static_cast<int64_t>(rng() % 1'000'000)
                                        : static_cast<int64_t>(rng()) >> static_cast<int>(1 + rng() % 63);
      ids.push_back(id);
      s.Add(id);
    }
    for (const int64_t id : ids) {
      ASSERT_TRUE(s.Meets({id, id})) << "round " << round << ", id " << id;
      ASSERT_TRUE(s.Meets({id - 5, id + 5})) << "round " << round << ", id " << id;
    }
  }
}

}  // namespace
}  // namespace immstats::derive
