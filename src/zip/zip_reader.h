// Reads a zip archive as downloaded: central directory (Zip64 included), stored/Deflate/Deflate64 entries.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/mapped_file.h"
#include "immstats/status.h"
#include "zip/inflate.h"

namespace immstats::zip {

struct ZipEntry {
  std::string name;            // as stored (forward slashes)
  uint16_t method = 0;         // 0 stored, 8 deflate, 9 deflate64
  uint16_t flags = 0;
  uint32_t crc32 = 0;
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
  uint64_t local_header_offset = 0;
  bool is_directory() const { return !name.empty() && name.back() == '/'; }
};

class ZipArchive {
 public:
  // Maps the file and reads its central directory. Errors name the file and the byte offset.
  static Result<ZipArchive> Open(const std::filesystem::path& path);

  const std::vector<ZipEntry>& entries() const { return entries_; }
  const ZipEntry* Find(std::string_view name) const;
  uint64_t size() const { return file_.bytes().size(); }

  // Streams an entry's bytes to `sink` (about 1 MiB at a time), then checks its size and CRC-32.
  Status Read(const ZipEntry& entry, const ByteSink& sink) const;
  // The whole entry in memory (for small entries: lookups, Count.txt).
  Result<std::string> ReadAll(const ZipEntry& entry) const;

 private:
  Status ParseCentralDirectory();
  Status Fail(const std::string& what, uint64_t offset) const;
  Status FailEntry(const ZipEntry& entry, const std::string& what, uint64_t offset) const;

  base::MappedFile file_;
  std::vector<ZipEntry> entries_;
};

const char* MethodName(uint16_t method);

}  // namespace immstats::zip
