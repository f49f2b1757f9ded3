// The inflater against zlib's deflate output, and its errors on damaged or truncated streams.
#include "zip/inflate.h"

#include <zlib.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/rng.h"

namespace immstats::zip {
namespace {

// Raw deflate (no zlib header) of `data` at `level` with zlib.
std::string ZlibDeflate(const std::string& data, int level, int strategy = Z_DEFAULT_STRATEGY) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, level, Z_DEFLATED, -15, 8, strategy), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 16, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

Result<std::string> Decode(const std::string& comp, DeflateVariant v = DeflateVariant::kDeflate) {
  std::string out;
  auto st = Inflate({reinterpret_cast<const uint8_t*>(comp.data()), comp.size()}, v,
                    [&](std::span<const uint8_t> chunk) {
                      out.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
                      return Status::Ok();
                    });
  if (!st.ok()) return st.status();
  EXPECT_EQ(st->produced, out.size());
  return out;
}

std::string Sample(size_t n, uint64_t seed, bool text) {
  base::Rng rng(seed);
  std::string s;
  s.reserve(n);
  static const char* kWords[] = {"IDNCASE\t", "2024-09-03 00:00:00.000\t", "RMV\t", "SP \t", "\n", "ASYL\t", "1000"};
  while (s.size() < n) {
    if (text) s += kWords[rng.Between(0, 6)];
    else s.push_back(static_cast<char>(rng.Next() & 0xFF));
  }
  s.resize(n);
  return s;
}

TEST(Inflate, MatchesZlibAtEveryLevelAndStrategy) {
  for (bool text : {true, false}) {
    const std::string data = Sample(3'000'000, text ? 1 : 2, text);
    for (int level : {0, 1, 6, 9}) {
      for (int strategy : {Z_DEFAULT_STRATEGY, Z_FIXED, Z_HUFFMAN_ONLY}) {
        const auto got = Decode(ZlibDeflate(data, level, strategy));
        ASSERT_TRUE(got.ok()) << got.status().ToString() << " level " << level;
        ASSERT_EQ(*got, data) << "level " << level << " strategy " << strategy << " text " << text;
      }
    }
  }
}

TEST(Inflate, EmptyAndTinyStreams) {
  for (const std::string& data : {std::string(), std::string("a"), std::string(70000, 'x')}) {
    const auto got = Decode(ZlibDeflate(data, 6));
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, data);
  }
}

TEST(Inflate, TruncatedStreamIsAnErrorWithAnOffset) {
  const std::string comp = ZlibDeflate(Sample(500'000, 3, true), 6);
  for (size_t cut : {comp.size() / 2, comp.size() - 3, size_t{1}}) {
    const auto got = Decode(comp.substr(0, cut));
    ASSERT_FALSE(got.ok()) << "cut at " << cut;
    EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
    EXPECT_NE(got.status().message().find("compressed byte"), std::string::npos) << got.status().message();
  }
}

TEST(Inflate, DamagedStreamsAreRejectedNotMisread) {
  const std::string data = Sample(200'000, 4, true);
  const std::string comp = ZlibDeflate(data, 6);
  int rejected = 0, differed = 0;
  for (size_t i = 0; i < 200; ++i) {
    std::string bad = comp;
    bad[(i * 7919) % bad.size()] ^= static_cast<char>(1 + i % 255);
    const auto got = Decode(bad);
    if (!got.ok()) ++rejected;
    else if (*got != data) ++differed;  // a valid but different stream: the zip's CRC-32 catches these
  }
  // Deflate has no checksum of its own: most flips still decode, to other bytes (the zip's CRC-32 then
  // rejects them, see zip_reader_test); none may crash or come back unchanged unnoticed.
  EXPECT_GT(rejected + differed, 190);
  EXPECT_GT(rejected, 0);
  // Block type 3 is reserved.
  const auto reserved = Decode(std::string(1, '\x07'));
  ASSERT_FALSE(reserved.ok());
  EXPECT_NE(reserved.status().message().find("reserved"), std::string::npos);
}

TEST(Inflate, SinkErrorsStopDecoding) {
  const std::string comp = ZlibDeflate(Sample(5'000'000, 5, true), 1);
  int calls = 0;
  auto st = Inflate({reinterpret_cast<const uint8_t*>(comp.data()), comp.size()}, DeflateVariant::kDeflate,
                    [&](std::span<const uint8_t>) {
                      ++calls;
                      return Status::IoError("disk full");
                    });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.status().message(), "disk full");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace immstats::zip
