// CaseSet: exact answers for ids inserted before a question, while another thread keeps inserting.
#include "ingest/case_set.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace immstats::ingest {
namespace {

TEST(CaseSet, AnswersExactlyForDenseSparseNegativeAndHugeIds) {
  CaseSet s;
  for (int64_t id : {int64_t{0}, int64_t{1}, int64_t{63}, int64_t{64}, int64_t{4194303}, int64_t{4194304},
                     int64_t{-7}, int64_t{1} << 40}) {
    EXPECT_FALSE(s.Contains(id)) << id;
    s.Insert(id);
    EXPECT_TRUE(s.Contains(id)) << id;
  }
  EXPECT_FALSE(s.Contains(2));
  EXPECT_FALSE(s.Contains(-8));
  EXPECT_FALSE(s.Contains((int64_t{1} << 40) + 1));
}

// The writer publishes how far it got after each insert; whatever the reader sees as inserted must be there.
TEST(CaseSet, AReaderBesideTheWriterNeverMissesAnIdAlreadyInserted) {
  CaseSet s;
  constexpr int64_t kIds = 3'000'000;  // spans pages: each id * 3 lands across the first bitmap pages
  std::atomic<int64_t> inserted{0};
  std::thread writer([&] {
    for (int64_t i = 0; i < kIds; ++i) {
      s.Insert(i * 3);
      inserted.store(i + 1, std::memory_order_release);
    }
  });
  int64_t misses = 0, checks = 0;
  while (inserted.load(std::memory_order_acquire) < kIds) {
    const int64_t n = inserted.load(std::memory_order_acquire);
    for (int64_t i = n > 1000 ? n - 1000 : 0; i < n; ++i, ++checks) misses += s.Contains(i * 3) ? 0 : 1;
    misses += s.Contains(n * 3 + 1) ? 1 : 0;  // never inserted
  }
  writer.join();
  EXPECT_EQ(misses, 0);
  for (int64_t i = 0; i < kIds; i += 997) EXPECT_TRUE(s.Contains(i * 3));
  RecordProperty("checks", static_cast<int>(checks));
}

}  // namespace
}  // namespace immstats::ingest
