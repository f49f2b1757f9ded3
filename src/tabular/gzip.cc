// gzip members decoded with the project's own inflater (zip/inflate.h); CRC-32 and size checked with zlib.
#include "tabular/gzip.h"

#include <zlib.h>

#include "base/mapped_file.h"
#include "zip/inflate.h"

namespace immstats::tabular {
namespace {

uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) | static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}

Status Damaged(const std::string& name, uint64_t offset, const std::string& what) {
  return Status::Corruption(name + ": gzip " + what + " at byte " + std::to_string(offset) +
                            "; the file is truncated or damaged: download it again (check its size against the "
                            "publisher's)");
}

}  // namespace

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<uint8_t>(bytes[0]) == 0x1f && static_cast<uint8_t>(bytes[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view bytes, const std::string& name) {
  std::string out;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t member = pos;
    if (bytes.size() - pos < 18) return Damaged(name, pos, "member too short");
    if (!IsGzip(bytes.substr(pos)) || static_cast<uint8_t>(bytes[pos + 2]) != 8) {
      return Damaged(name, pos, "header not recognised (not gzip/deflate)");
    }
    const uint8_t flags = static_cast<uint8_t>(bytes[pos + 3]);
    pos += 10;
    auto need = [&](size_t n) { return bytes.size() - pos >= n; };
    if (flags & 4) {  // FEXTRA
      if (!need(2)) return Damaged(name, pos, "extra field truncated");
      const size_t xlen = static_cast<uint8_t>(bytes[pos]) | static_cast<size_t>(static_cast<uint8_t>(bytes[pos + 1])) << 8;
      pos += 2;
      if (!need(xlen)) return Damaged(name, pos, "extra field truncated");
      pos += xlen;
    }
    for (const uint8_t bit : {uint8_t{8}, uint8_t{16}}) {  // FNAME, FCOMMENT: zero-terminated
      if (!(flags & bit)) continue;
      const size_t end = bytes.find('\0', pos);
      if (end == std::string_view::npos) return Damaged(name, pos, "name or comment truncated");
      pos = end + 1;
    }
    if (flags & 2) pos += 2;  // FHCRC
    if (pos > bytes.size()) return Damaged(name, member, "header truncated");
    const size_t start_out = out.size();
    auto input = std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()) + pos, bytes.size() - pos);
    auto stats = zip::Inflate(input, zip::DeflateVariant::kDeflate, [&](std::span<const uint8_t> chunk) {
      out.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
      return Status::Ok();
    });
    if (!stats.ok()) return Damaged(name, pos, "data: " + stats.status().message());
    pos += stats->consumed;
    if (!need(8)) return Damaged(name, pos, "trailer missing");
    const uint32_t want_crc = Le32(bytes, pos);
    const uint32_t want_size = Le32(bytes, pos + 4);
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t off = start_out; off < out.size();) {
      const size_t part = std::min<size_t>(out.size() - off, 1u << 30);
      crc = crc32(crc, reinterpret_cast<const Bytef*>(out.data() + off), static_cast<uInt>(part));
      off += part;
    }
    if (crc != want_crc) return Damaged(name, pos, "CRC-32 mismatch");
    if (static_cast<uint32_t>(out.size() - start_out) != want_size) return Damaged(name, pos, "size mismatch");
    pos += 8;
    while (pos < bytes.size() && bytes[pos] == '\0') ++pos;  // padding some writers add
  }
  return out;
}

Result<std::string> ReadFileMaybeGzip(const std::filesystem::path& path) {
  auto file = base::MappedFile::Open(path);
  if (!file.ok()) return file.status();
  const auto b = file->bytes();
  const std::string_view bytes(reinterpret_cast<const char*>(b.data()), b.size());
  if (IsGzip(bytes)) return Gunzip(bytes, path.string());
  return std::string(bytes);
}

}  // namespace immstats::tabular
