// The server's warm cache: the same values with it as without, blocks served from memory after the first read,
// a snapshot re-published under the same id read afresh, and a damaged block still refused on first read.
// A test binary of its own: enabling the cache is for the whole process.
#include "store/warm_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "store/snapshot.h"
#include "store/table_reader.h"
#include "support/release_files.h"

namespace immstats::store {
namespace {

using immstats::testing::ScratchDir;

constexpr int kRows = 200000;  // four blocks

Status WriteSnapshot(const std::filesystem::path& store, const std::string& id, int64_t base) {
  auto w = SnapshotWriter::Begin(store, id);
  if (!w.ok()) return w.status();
  auto c = w->AddColumn("derived.t", "value", ColumnType::kInt64);
  if (!c.ok()) return c.status();
  for (int i = 0; i < kRows; ++i) {
    c->AppendInt(base + i * 7);
    IMMSTATS_RETURN_IF_ERROR(c->Flush());
  }
  IMMSTATS_RETURN_IF_ERROR(c->Finish());
  w->SetRows("derived.t", kRows);
  return w->Publish();
}

Values<int64_t> ReadAll(const std::filesystem::path& store, const std::string& id) {
  auto snap = Store(store).Get(id);
  EXPECT_TRUE(snap.ok()) << snap.status().message();
  auto t = TableReader::Open(*snap, "derived.t");
  EXPECT_TRUE(t.ok()) << t.status().message();
  Values<int64_t> v;
  const Status st = t->ReadInts("value", &v, 1000, 190000);
  EXPECT_TRUE(st.ok()) << st.message();
  return v;
}

TEST(WarmCache, SameValuesFromMemoryAndFreshAfterARepublish) {
  ScratchDir dir("warm");
  ASSERT_TRUE(WriteSnapshot(dir.path(), "s", 5).ok());
  const Values<int64_t> cold = ReadAll(dir.path(), "s");  // the cache is still off
  ASSERT_EQ(cold.size(), 189000u);
  EXPECT_EQ(cold[0], 5 + 1000 * 7);

  WarmCache::Enable(64 << 20);
  EXPECT_EQ(ReadAll(dir.path(), "s"), cold);
  auto reader = WarmCache::Reader(Store(dir.path()).Get("s")->dir / Store(dir.path()).Get("s")->tables[0].columns[0].file);
  ASSERT_TRUE(reader.ok());
  std::vector<int64_t> block((*reader)->BlockRows(1));
  EXPECT_TRUE(WarmCache::CopyBlock(reader->get()->cache_id_for_tests(), 1, block.data(), block.size() * 8));
  EXPECT_EQ(block[0], 5 + 65536 * 7);
  EXPECT_EQ(ReadAll(dir.path(), "s"), cold);  // the second read comes from memory

  // The same id published again with other values: the cache must not serve the old file's blocks.
  ASSERT_TRUE(Store(dir.path()).Remove("s").ok());
  ASSERT_TRUE(WriteSnapshot(dir.path(), "s", 1000000).ok());
  const Values<int64_t> fresh = ReadAll(dir.path(), "s");
  ASSERT_EQ(fresh.size(), 189000u);
  EXPECT_EQ(fresh[0], 1000000 + 1000 * 7);
}

TEST(WarmCache, ADamagedBlockIsRefusedOnItsFirstRead) {
  WarmCache::Enable(64 << 20);
  ScratchDir dir("warm-damaged");
  ASSERT_TRUE(WriteSnapshot(dir.path(), "d", 0).ok());
  const auto snap = Store(dir.path()).Get("d");
  ASSERT_TRUE(snap.ok());
  const auto file = snap->dir / snap->tables[0].columns[0].file;
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);  // inside the first block's compressed bytes
    f.put('\x5a');
  }
  auto t = TableReader::Open(*snap, "derived.t");
  ASSERT_TRUE(t.ok());
  Values<int64_t> v;
  const Status st = t->ReadInts("value", &v, 0, 10);
  EXPECT_EQ(st.code(), StatusCode::kCorruption) << st.message();
}

}  // namespace
}  // namespace immstats::store
