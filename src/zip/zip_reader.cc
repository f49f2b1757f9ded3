// Zip parsing per PKWARE APPNOTE 6.3: EOCD, Zip64 EOCD and extra fields, local headers; CRC-32 from zlib.
#include "zip/zip_reader.h"

#include <zlib.h>

#include <cstring>

namespace immstats::zip {

namespace {

constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kEndOfCentralDir = 0x06054b50;
constexpr uint32_t kZip64EndLocator = 0x07064b50;
constexpr uint32_t kZip64End = 0x06064b50;

uint16_t U16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t U32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[3]) << 24);
}
uint64_t U64(const uint8_t* p) { return static_cast<uint64_t>(U32(p)) | (static_cast<uint64_t>(U32(p + 4)) << 32); }

}  // namespace

const char* MethodName(uint16_t method) {
  switch (method) {
    case 0: return "stored";
    case 8: return "deflate";
    case 9: return "deflate64";
    case 12: return "bzip2";
    case 14: return "lzma";
    case 93: return "zstd";
    default: return "unknown";
  }
}

Status ZipArchive::Fail(const std::string& what, uint64_t offset) const {
  return Status::Corruption("zip " + file_.path().string() + ": " + what + " (at byte " + std::to_string(offset) +
                            "); the file may be truncated or damaged: download it again");
}

Status ZipArchive::FailEntry(const ZipEntry& entry, const std::string& what, uint64_t offset) const {
  return Status::Corruption("zip " + file_.path().string() + ", entry '" + entry.name + "': " + what +
                            " (at byte " + std::to_string(offset) + " of the zip)");
}

Result<ZipArchive> ZipArchive::Open(const std::filesystem::path& path) {
  auto mapped = base::MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  ZipArchive z;
  z.file_ = std::move(mapped).value();
  IMMSTATS_RETURN_IF_ERROR(z.ParseCentralDirectory());
  return z;
}

Status ZipArchive::ParseCentralDirectory() {
  const auto bytes = file_.bytes();
  const uint8_t* d = bytes.data();
  const uint64_t n = bytes.size();
  if (n < 22) return Fail("too small to be a zip", 0);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (after an optional comment).
  const uint64_t lowest = n > 22 + 65535 ? n - 22 - 65535 : 0;
  uint64_t eocd = UINT64_MAX;
  for (uint64_t i = n - 22 + 1; i-- > lowest;) {
    if (U32(d + i) == kEndOfCentralDir && i + 22 + U16(d + i + 20) == n) {
      eocd = i;
      break;
    }
  }
  if (eocd == UINT64_MAX) return Fail("no end-of-central-directory record", n);
  uint64_t count = U16(d + eocd + 10);
  uint64_t cd_size = U32(d + eocd + 12);
  uint64_t cd_offset = U32(d + eocd + 16);
  if (eocd >= 20 && U32(d + eocd - 20) == kZip64EndLocator) {
    const uint64_t z64 = U64(d + eocd - 20 + 8);
    if (z64 + 56 > n || U32(d + z64) != kZip64End) return Fail("bad Zip64 end-of-central-directory record", z64);
    count = U64(d + z64 + 32);
    cd_size = U64(d + z64 + 40);
    cd_offset = U64(d + z64 + 48);
  }
  if (cd_offset + cd_size > n) return Fail("central directory lies beyond the end of the file", cd_offset);
  entries_.reserve(count);
  uint64_t p = cd_offset;
  for (uint64_t i = 0; i < count; ++i) {
    if (p + 46 > n || U32(d + p) != kCentralHeader) return Fail("bad central directory entry " + std::to_string(i), p);
    ZipEntry e;
    e.flags = U16(d + p + 8);
    e.method = U16(d + p + 10);
    e.crc32 = U32(d + p + 16);
    e.compressed_size = U32(d + p + 20);
    e.uncompressed_size = U32(d + p + 24);
    const uint16_t name_len = U16(d + p + 28), extra_len = U16(d + p + 30), comment_len = U16(d + p + 32);
    e.local_header_offset = U32(d + p + 42);
    if (p + 46 + name_len + extra_len + comment_len > n) return Fail("central directory entry overruns", p);
    e.name.assign(reinterpret_cast<const char*>(d + p + 46), name_len);
    // Zip64 extended information: only the fields whose 32-bit value is 0xFFFFFFFF, in this order.
    for (uint64_t x = p + 46 + name_len; x + 4 <= p + 46 + name_len + extra_len;) {
      const uint16_t id = U16(d + x), len = U16(d + x + 2);
      if (id == 0x0001) {
        uint64_t f = x + 4;
        if (e.uncompressed_size == 0xFFFFFFFFu && f + 8 <= x + 4 + len) { e.uncompressed_size = U64(d + f); f += 8; }
        if (e.compressed_size == 0xFFFFFFFFu && f + 8 <= x + 4 + len) { e.compressed_size = U64(d + f); f += 8; }
        if (e.local_header_offset == 0xFFFFFFFFu && f + 8 <= x + 4 + len) e.local_header_offset = U64(d + f);
      }
      x += 4 + len;
    }
    entries_.push_back(std::move(e));
    p += 46 + name_len + extra_len + comment_len;
  }
  return Status::Ok();
}

const ZipEntry* ZipArchive::Find(std::string_view name) const {
  for (const auto& e : entries_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

Status ZipArchive::Read(const ZipEntry& entry, const ByteSink& sink) const {
  const auto bytes = file_.bytes();
  const uint8_t* d = bytes.data();
  const uint64_t n = bytes.size();
  const uint64_t h = entry.local_header_offset;
  if (h + 30 > n || U32(d + h) != kLocalHeader) return FailEntry(entry, "no local header", h);
  if (entry.flags & 1u) return FailEntry(entry, "the entry is encrypted; immstats reads only unencrypted zips", h);
  const uint64_t data = h + 30 + U16(d + h + 26) + U16(d + h + 28);
  if (data + entry.compressed_size > n) {
    return FailEntry(entry, "the data runs past the end of the file (the zip is truncated: download it again)", data);
  }
  const std::span<const uint8_t> comp(d + data, entry.compressed_size);
  uLong crc = crc32(0L, Z_NULL, 0);
  uint64_t produced = 0;
  const ByteSink checked = [&](std::span<const uint8_t> chunk) -> Status {
    for (size_t off = 0; off < chunk.size();) {  // zlib's crc32 takes a 32-bit length
      const size_t part = std::min<size_t>(chunk.size() - off, 1u << 30);
      crc = crc32(crc, chunk.data() + off, static_cast<uInt>(part));
      off += part;
    }
    produced += chunk.size();
    return sink(chunk);
  };
  // Input behind the decoder is not read again: drop this entry's pages from the resident set as we go, in steps
  // of at least 4 MiB (entries may be read on several threads at once: each drops only its own bytes).
  uint64_t dropped = data;
  const auto done_with_input = [&](uint64_t end) {
    if (end < dropped + (4u << 20)) return;
    file_.DropRange(dropped, end);
    dropped = end;
  };
  if (entry.method == 0) {
    for (uint64_t off = 0; off < comp.size();) {
      const uint64_t part = std::min<uint64_t>(comp.size() - off, 1 << 20);
      IMMSTATS_RETURN_IF_ERROR(checked(comp.subspan(off, part)));
      off += part;
      done_with_input(data + off);
    }
  } else if (entry.method == 8 || entry.method == 9) {
    const std::function<void(uint64_t)> done_with = [&](uint64_t consumed) { done_with_input(data + consumed); };
    auto st = Inflate(comp, entry.method == 9 ? DeflateVariant::kDeflate64 : DeflateVariant::kDeflate, checked,
                      done_with);
    if (!st.ok()) {
      if (st.status().code() != StatusCode::kCorruption) return st.status();
      return FailEntry(entry, st.status().message(), data);
    }
  } else {
    return FailEntry(entry, std::string("compression method ") + std::to_string(entry.method) + " (" +
                                MethodName(entry.method) + ") is not supported; re-zip with Deflate or Deflate64",
                     h);
  }
  if (produced != entry.uncompressed_size) {
    return FailEntry(entry, "decompressed to " + std::to_string(produced) + " bytes, the directory says " +
                                std::to_string(entry.uncompressed_size), data);
  }
  if (static_cast<uint32_t>(crc) != entry.crc32) return FailEntry(entry, "CRC-32 mismatch: the data is damaged", data);
  return Status::Ok();
}

Result<std::string> ZipArchive::ReadAll(const ZipEntry& entry) const {
  std::string out;
  out.reserve(entry.uncompressed_size);
  IMMSTATS_RETURN_IF_ERROR(Read(entry, [&](std::span<const uint8_t> chunk) {
    out.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    return Status::Ok();
  }));
  return out;
}

}  // namespace immstats::zip
