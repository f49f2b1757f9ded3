// Column files: round trips of every type across blocks, checksums that catch damage, version refusal.
#include "store/column_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "base/rng.h"
#include "support/release_files.h"

namespace immstats::store {
namespace {

using immstats::testing::ReadBytes;
using immstats::testing::ScratchDir;

void Flip(const std::filesystem::path& p, size_t at) {
  std::string b = ReadBytes(p);
  b[at] = static_cast<char>(b[at] ^ 0x40);
  std::ofstream(p, std::ios::binary | std::ios::trunc) << b;
}

TEST(ColumnFile, RoundTripsEveryTypeAcrossBlocks) {
  ScratchDir dir("colfile");
  const uint64_t n = 3 * kRowsPerBlock + 123;
  auto ints = ColumnWriter::Create(dir.path() / "i.col", ColumnType::kInt64);
  auto dates = ColumnWriter::Create(dir.path() / "d.col", ColumnType::kDate);
  auto strs = ColumnWriter::Create(dir.path() / "s.col", ColumnType::kString);
  ASSERT_TRUE(ints.ok() && dates.ok() && strs.ok());
  const char* kCodes[] = {"MX", "NA", "GT", "HO"};  // NA stays a code (Q13), never a null
  for (uint64_t i = 0; i < n; ++i) {
    ints->AppendInt(i % 7 == 0 ? kNullInt64 : static_cast<int64_t>(i * 1000003));
    dates->AppendDate(i % 5 == 0 ? kNullDate : static_cast<int32_t>(i % 20000));
    strs->AppendString(i % 11 == 0 ? std::nullopt : std::optional<std::string_view>(kCodes[i % 4]));
    ASSERT_TRUE(ints->Flush().ok() && dates->Flush().ok() && strs->Flush().ok());
  }
  ASSERT_TRUE(ints->Finish().ok() && dates->Finish().ok() && strs->Finish().ok());

  auto ri = ColumnReader::Open(dir.path() / "i.col");
  auto rd = ColumnReader::Open(dir.path() / "d.col");
  auto rs = ColumnReader::Open(dir.path() / "s.col");
  ASSERT_TRUE(ri.ok()) << ri.status().ToString();
  ASSERT_TRUE(rd.ok() && rs.ok());
  EXPECT_EQ(ri->rows(), n);
  EXPECT_EQ(ri->blocks(), 4u);
  std::vector<int64_t> iv;
  std::vector<int32_t> dv;
  std::vector<uint32_t> sv;
  for (size_t b = 0; b < ri->blocks(); ++b) {
    ASSERT_TRUE(ri->ReadInts(b, &iv).ok());
    ASSERT_TRUE(rd->ReadDates(b, &dv).ok());
    ASSERT_TRUE(rs->ReadCodes(b, &sv).ok());
  }
  ASSERT_EQ(iv.size(), n);
  ASSERT_EQ(dv.size(), n);
  ASSERT_EQ(sv.size(), n);
  for (uint64_t i = 0; i < n; ++i) {
    ASSERT_EQ(iv[i], i % 7 == 0 ? kNullInt64 : static_cast<int64_t>(i * 1000003));
    ASSERT_EQ(dv[i], i % 5 == 0 ? kNullDate : static_cast<int32_t>(i % 20000));
    if (i % 11 == 0) {
      ASSERT_EQ(sv[i], kNullCode);
    } else {
      ASSERT_EQ(rs->dictionary().at(sv[i]), kCodes[i % 4]);
    }
  }
  EXPECT_EQ(rs->dictionary().size(), 4u);
  EXPECT_LT(std::filesystem::file_size(dir.path() / "s.col"), n);  // dictionary codes compress well
}

TEST(ColumnFile, VerifyNamesTheDamagedBlock) {
  ScratchDir dir("colfile-damage");
  auto w = ColumnWriter::Create(dir.path() / "c.col", ColumnType::kInt64);
  ASSERT_TRUE(w.ok());
  base::Rng rng(1);
  for (uint64_t i = 0; i < 2 * kRowsPerBlock; ++i) {
    w->AppendInt(static_cast<int64_t>(rng.Next() >> 1));
    ASSERT_TRUE(w->Flush().ok());
  }
  ASSERT_TRUE(w->Finish().ok());
  const uint64_t size = std::filesystem::file_size(dir.path() / "c.col");
  Flip(dir.path() / "c.col", static_cast<size_t>(size * 3 / 4));  // inside the second block
  auto r = ColumnReader::Open(dir.path() / "c.col");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Status st = r->Verify();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("block 1"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("checksum mismatch"), std::string::npos) << st.message();
}

TEST(ColumnFile, TruncatedAndOtherVersionFilesAreRefused) {
  ScratchDir dir("colfile-refuse");
  auto w = ColumnWriter::Create(dir.path() / "c.col", ColumnType::kDate);
  ASSERT_TRUE(w.ok());
  for (int i = 0; i < 1000; ++i) w->AppendDate(i);
  ASSERT_TRUE(w->Finish().ok());
  const std::string good = ReadBytes(dir.path() / "c.col");
  std::ofstream(dir.path() / "cut.col", std::ios::binary) << good.substr(0, good.size() - 10);
  auto cut = ColumnReader::Open(dir.path() / "cut.col");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos) << cut.status().message();
  std::string v2 = good;
  v2[7] = '2';
  std::ofstream(dir.path() / "v2.col", std::ios::binary) << v2;
  auto old = ColumnReader::Open(dir.path() / "v2.col");
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(old.status().message().find("format version 2"), std::string::npos) << old.status().message();
}

}  // namespace
}  // namespace immstats::store

namespace immstats::store {
namespace {

TEST(ColumnFile, Int8AndPlainTextRoundTripAndTextDamageIsFound) {
  immstats::testing::ScratchDir dir("colfile-small");
  const uint64_t n = 2 * kRowsPerBlock + 77;
  auto small = ColumnWriter::Create(dir.path() / "b.col", ColumnType::kInt8);
  auto text = ColumnWriter::Create(dir.path() / "t.col", ColumnType::kText);
  ASSERT_TRUE(small.ok() && text.ok());
  auto value = [](uint64_t i) { return "GUID-" + std::to_string(i * 7919) + (i % 3 == 0 ? "-\xC3\x91" : ""); };
  for (uint64_t i = 0; i < n; ++i) {
    small->AppendInt8(i % 9 == 0 ? kNullInt8 : static_cast<int8_t>(i % 15));
    const std::string v = value(i);
    text->AppendString(i % 13 == 0 ? std::nullopt : std::optional<std::string_view>(v));
    ASSERT_TRUE(small->Flush().ok() && text->Flush().ok());
  }
  ASSERT_TRUE(small->Finish().ok() && text->Finish().ok());
  auto rb = ColumnReader::Open(dir.path() / "b.col");
  auto rt = ColumnReader::Open(dir.path() / "t.col");
  ASSERT_TRUE(rb.ok() && rt.ok());
  EXPECT_EQ(rt->type(), ColumnType::kText);
  EXPECT_TRUE(rt->dictionary().empty());  // plain text keeps no dictionary
  std::vector<int8_t> bv;
  std::vector<std::optional<std::string>> tv;
  for (size_t b = 0; b < rb->blocks(); ++b) {
    ASSERT_TRUE(rb->ReadInt8s(b, &bv).ok());
    ASSERT_TRUE(rt->ReadTexts(b, &tv).ok());
  }
  ASSERT_EQ(bv.size(), n);
  ASSERT_EQ(tv.size(), n);
  for (uint64_t i = 0; i < n; ++i) {
    ASSERT_EQ(bv[i], i % 9 == 0 ? kNullInt8 : static_cast<int8_t>(i % 15)) << i;
    if (i % 13 == 0) {
      ASSERT_FALSE(tv[i].has_value()) << i;
    } else {
      ASSERT_EQ(tv[i], value(i)) << i;
    }
  }
  EXPECT_TRUE(rt->Verify().ok());
  Flip(dir.path() / "t.col", 16 + 20 + 5);  // inside the first block's stored bytes
  auto damaged = ColumnReader::Open(dir.path() / "t.col");
  ASSERT_TRUE(damaged.ok());
  const Status st = damaged->Verify();
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("block 0"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace immstats::store
