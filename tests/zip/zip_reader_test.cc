// ZipArchive against archives written by 7z (stored, Deflate, Deflate64), a hand-built Zip64, and damage.
#include "zip/zip_reader.h"

#include <zlib.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "base/rng.h"
#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats::zip {
namespace {

using immstats::testing::ReadBytes;
using immstats::testing::RunCommand;
using immstats::testing::ScratchDir;

// Files that exercise the corners: empty, tiny, incompressible, and long repeats (Deflate64 matches
// longer than 258 bytes and farther than 32 KiB).
std::map<std::string, std::string> SampleFiles() {
  base::Rng rng(77);
  std::string random(3 << 20, '\0');
  for (char& c : random) c = static_cast<char>(rng.Next() & 0xFF);
  std::string block(40000, '\0');
  for (char& c : block) c = static_cast<char>('a' + rng.Between(0, 25));
  std::string repeats;
  while (repeats.size() < (8 << 20)) repeats += block;
  std::string text;
  for (int i = 0; i < 200000; ++i) text += std::to_string(1000000 + i) + "\tRMV\tSP \t2024-09-03 00:00:00.000\n";
  return {{"dir/empty.csv", ""}, {"dir/tiny.txt", "hello\n"}, {"dir/random.bin", random},
          {"dir/repeats.txt", repeats}, {"dir/Lookup/table.csv", text}};
}

std::filesystem::path MakeZip(const ScratchDir& dir, const std::string& method) {
  for (const auto& [name, bytes] : SampleFiles()) {
    std::filesystem::create_directories((dir.path() / name).parent_path());
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
  }
  const auto zip = dir.path() / ("t-" + method + ".zip");
  std::string out;
  EXPECT_EQ(RunCommand("cd '" + dir.path().string() + "' && 7z a -tzip -mm=" + method + " -bd '" + zip.string() +
                           "' dir > /dev/null 2>&1", &out), 0);
  return zip;
}

void ExpectReadsBack(const std::string& method, uint16_t method_id) {
  ScratchDir dir("zip-" + method);
  const auto path = MakeZip(dir, method);
  auto zip = ZipArchive::Open(path);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  int files = 0;
  for (const auto& [name, bytes] : SampleFiles()) {
    const ZipEntry* e = zip->Find(name);
    ASSERT_NE(e, nullptr) << name;
    if (name == "dir/repeats.txt" || name == "dir/Lookup/table.csv") {  // 7z stores tiny or random files
      EXPECT_EQ(e->method, method_id) << name;
    }
    auto got = zip->ReadAll(*e);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->size(), bytes.size()) << name;
    EXPECT_TRUE(*got == bytes) << name;
    ++files;
  }
  EXPECT_EQ(files, 5);
}

TEST(ZipReader, ReadsDeflate64WrittenBy7z) { ExpectReadsBack("Deflate64", 9); }
TEST(ZipReader, ReadsDeflateWrittenBy7z) { ExpectReadsBack("Deflate", 8); }
TEST(ZipReader, ReadsStoredWrittenBy7z) { ExpectReadsBack("Copy", 0); }

TEST(ZipReader, DamageIsReportedWithTheEntryAndOffset) {
  ScratchDir dir("zip-damage");
  const auto path = MakeZip(dir, "Deflate64");
  const std::string good = ReadBytes(path);
  auto zip = ZipArchive::Open(path);
  ASSERT_TRUE(zip.ok());
  const ZipEntry* e = zip->Find("dir/Lookup/table.csv");
  ASSERT_NE(e, nullptr);
  const uint64_t mid = e->local_header_offset + 30 + e->name.size() + e->compressed_size / 2;

  // A flipped byte inside the entry: an inflate error or a CRC mismatch, naming the entry.
  std::string bad = good;
  bad[mid] = static_cast<char>(bad[mid] ^ 0x5A);
  const auto flipped = dir.path() / "flipped.zip";
  std::ofstream(flipped, std::ios::binary) << bad;
  auto z2 = ZipArchive::Open(flipped);
  ASSERT_TRUE(z2.ok());
  const Status st = z2->Read(*z2->Find("dir/Lookup/table.csv"), [](std::span<const uint8_t>) { return Status::Ok(); });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("entry 'dir/Lookup/table.csv'"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("at byte"), std::string::npos) << st.message();

  // A download cut short: no end-of-central-directory record.
  const auto cut = dir.path() / "cut.zip";
  std::ofstream(cut, std::ios::binary) << good.substr(0, mid);
  auto z3 = ZipArchive::Open(cut);
  ASSERT_FALSE(z3.ok());
  EXPECT_NE(z3.status().message().find("download it again"), std::string::npos) << z3.status().message();
  EXPECT_NE(z3.status().message().find("cut.zip"), std::string::npos);

  auto missing = ZipArchive::Open(dir.path() / "nope.zip");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// Little-endian writers for a hand-built archive.
void Put16(std::string& s, uint16_t v) { s.push_back(static_cast<char>(v & 0xFF)); s.push_back(static_cast<char>(v >> 8)); }
void Put32(std::string& s, uint32_t v) { Put16(s, static_cast<uint16_t>(v & 0xFFFF)); Put16(s, static_cast<uint16_t>(v >> 16)); }
void Put64(std::string& s, uint64_t v) { Put32(s, static_cast<uint32_t>(v)); Put32(s, static_cast<uint32_t>(v >> 32)); }

TEST(ZipReader, ReadsZip64RecordsAndExtraFields) {
  const std::string name = "EOIR Case Data/Count.txt", body = "A_TblCase\t3\n";
  const uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                   static_cast<uInt>(body.size())));
  std::string z;
  // Local header with Zip64 sizes.
  Put32(z, 0x04034b50); Put16(z, 45); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put32(z, crc);
  Put32(z, 0xFFFFFFFF); Put32(z, 0xFFFFFFFF); Put16(z, static_cast<uint16_t>(name.size())); Put16(z, 20);
  z += name;
  Put16(z, 1); Put16(z, 16); Put64(z, body.size()); Put64(z, body.size());
  z += body;
  const uint64_t cd = z.size();
  Put32(z, 0x02014b50); Put16(z, 45); Put16(z, 45); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put16(z, 0);
  Put32(z, crc); Put32(z, 0xFFFFFFFF); Put32(z, 0xFFFFFFFF); Put16(z, static_cast<uint16_t>(name.size()));
  Put16(z, 28); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put32(z, 0); Put32(z, 0xFFFFFFFF);
  z += name;
  Put16(z, 1); Put16(z, 24); Put64(z, body.size()); Put64(z, body.size()); Put64(z, 0);
  const uint64_t cd_size = z.size() - cd, z64 = z.size();
  Put32(z, 0x06064b50); Put64(z, 44); Put16(z, 45); Put16(z, 45); Put32(z, 0); Put32(z, 0);
  Put64(z, 1); Put64(z, 1); Put64(z, cd_size); Put64(z, cd);
  Put32(z, 0x07064b50); Put32(z, 0); Put64(z, z64); Put32(z, 1);
  Put32(z, 0x06054b50); Put16(z, 0xFFFF); Put16(z, 0xFFFF); Put16(z, 0xFFFF); Put16(z, 0xFFFF);
  Put32(z, 0xFFFFFFFF); Put32(z, 0xFFFFFFFF); Put16(z, 0);

  ScratchDir dir("zip64");
  std::ofstream(dir.path() / "z64.zip", std::ios::binary) << z;
  auto zip = ZipArchive::Open(dir.path() / "z64.zip");
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  ASSERT_EQ(zip->entries().size(), 1u);
  EXPECT_EQ(zip->entries()[0].uncompressed_size, body.size());
  auto got = zip->ReadAll(zip->entries()[0]);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, body);
  std::string out;
  EXPECT_EQ(RunCommand("7z t '" + (dir.path() / "z64.zip").string() + "' > /dev/null 2>&1", &out), 0)
      << "the hand-built archive should be valid for 7z too";
}

}  // namespace
}  // namespace immstats::zip

namespace immstats::zip {
namespace {

TEST(ZipReader, ReadsAGeneratedDeflate64ReleaseEntryForEntry) {
  SynthOptions o;
  o.scale = 0.0005;
  o.seed = 61;
  o.top_folder = "EOIR Case Data";
  const auto& folder = immstats::testing::CachedRelease("zipread-folder", o);
  o.zip = SynthOptions::Zip::kDeflate64;
  const auto& zipped = immstats::testing::CachedRelease("zipread-d64", o);
  auto zip = ZipArchive::Open(zipped.summary.zip_path);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  int compared = 0;
  for (const auto& e : zip->entries()) {
    if (e.is_directory()) continue;
    const auto rel = std::filesystem::path(e.name).lexically_relative("EOIR Case Data");
    auto got = zip->ReadAll(e);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_TRUE(*got == ReadBytes(folder.dir / rel)) << e.name;
    ++compared;
  }
  EXPECT_EQ(compared, 7 + 1 + 17);  // core tables, Count.txt, lookups
}

}  // namespace
}  // namespace immstats::zip
