// Snapshots: atomic publication, nothing visible from an abandoned write, listing, removal, version refusal.
#include "store/snapshot.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "support/release_files.h"

namespace immstats::store {
namespace {

using immstats::testing::ScratchDir;

Status WriteOne(const std::filesystem::path& store, const std::string& id, bool publish) {
  auto w = SnapshotWriter::Begin(store, id);
  if (!w.ok()) return w.status();
  auto c = w->AddColumn("A_TblCase", "IDNCASE", ColumnType::kInt64);
  if (!c.ok()) return c.status();
  for (int i = 0; i < 10; ++i) c->AppendInt(1000001 + i);
  IMMSTATS_RETURN_IF_ERROR(c->Finish());
  w->SetRows("A_TblCase", 10);
  w->AddSource({"EOIR Case Data.zip", 42, "0123456789abcdef"});
  return publish ? w->Publish() : Status::Ok();
}

TEST(Snapshot, PublishListInfoRemove) {
  ScratchDir dir("snap");
  ASSERT_TRUE(WriteOne(dir.path(), "2026-09-01", true).ok());
  ASSERT_TRUE(WriteOne(dir.path(), "2026-10-01", true).ok());
  Store s(dir.path());
  auto all = s.List();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  auto latest = s.Get("latest");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->tables.at(0).rows, 10u);
  EXPECT_EQ(latest->sources.at(0).xxh64, "0123456789abcdef");
  std::vector<std::string> problems;
  ASSERT_TRUE(s.Verify("2026-09-01", &problems).ok());
  EXPECT_TRUE(problems.empty());
  const Status again = WriteOne(dir.path(), "2026-09-01", true);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.message().find("already holds"), std::string::npos) << again.message();
  ASSERT_TRUE(s.Remove("2026-09-01").ok());
  EXPECT_EQ(s.List()->size(), 1u);
  auto missing = s.Get("2026-09-01");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("it holds: 2026-10-01"), std::string::npos) << missing.status().message();
}

TEST(Snapshot, AnAbandonedWriteLeavesNothingVisible) {
  ScratchDir dir("snap-abandon");
  ASSERT_TRUE(WriteOne(dir.path(), "before", true).ok());
  ASSERT_TRUE(WriteOne(dir.path(), "half", false).ok());  // written, never published
  Store s(dir.path());
  auto all = s.List();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->at(0).id, "before");
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "tmp"));
}

TEST(Snapshot, EmptyStoreAndOtherFormatVersionsSayWhatToDo) {
  ScratchDir dir("snap-version");
  Store s(dir.path());
  auto none = s.Get("latest");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("ingest a release first"), std::string::npos);
  ASSERT_TRUE(WriteOne(dir.path(), "old", true).ok());
  const auto manifest = dir.path() / "snapshots" / "old" / "MANIFEST.json";
  std::string text = immstats::testing::ReadBytes(manifest);
  const std::string current = "\"format_version\": " + std::to_string(kFormatVersion);
  const auto at = text.find(current);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, current.size(), "\"format_version\": 9");
  std::ofstream(manifest, std::ios::trunc) << text;
  auto refused = s.List();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("store format version 9"), std::string::npos) << refused.status().message();
  EXPECT_FALSE(SnapshotWriter::Begin(dir.path(), "bad/id").ok());
}

}  // namespace
}  // namespace immstats::store
