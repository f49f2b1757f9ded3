// One column of a stored table: typed values in zstd-compressed, checksummed blocks (docs/store-format.md).
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_util.h"
#include "base/mapped_file.h"
#include "immstats/status.h"
#include "store/string_dictionary.h"

namespace immstats::store {

enum class ColumnType : uint8_t {
  kInt64 = 1,   // integers; null is INT64_MIN
  kDate = 2,    // day numbers since 1970-01-01 (int32); null is INT32_MIN
  kString = 3,  // dictionary-encoded text; codes are uint32, null is UINT32_MAX
  kInt8 = 4,    // small codes and flags (classes, 0/1); null is INT8_MIN
  kText = 5,    // free text stored plainly (names, cities, attorney GUIDs): no dictionary to hold in memory
};
const char* ColumnTypeName(ColumnType t);

inline constexpr int64_t kNullInt64 = INT64_MIN;
inline constexpr int32_t kNullDate = INT32_MIN;
inline constexpr uint32_t kNullCode = UINT32_MAX;
inline constexpr int8_t kNullInt8 = INT8_MIN;
inline constexpr uint32_t kRowsPerBlock = 65536;

// Appends values and writes full blocks as they fill; Finish() writes the dictionary and the footer.
class ColumnWriter {
 public:
  static Result<ColumnWriter> Create(const std::filesystem::path& path, ColumnType type);
  void AppendInt(int64_t v) { AppendFixed(v); }
  void AppendDate(int32_t v) { AppendFixed(v); }
  void AppendInt8(int8_t v) { AppendFixed(v); }
  void AppendString(std::optional<std::string_view> v);  // kString and kText columns
  // Writes a full block if one is ready (call after appends; inline and cheap otherwise).
  Status Flush() { return pending_rows_ < kRowsPerBlock ? Status::Ok() : FlushBlock(); }
  Status Finish();  // the rest, the dictionary, the footer; fsyncs the file
  uint64_t rows() const { return rows_; }

 private:
  template <typename T>
  void AppendFixed(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    pending_.append(b, sizeof(T));
    ++pending_rows_;
    ++rows_;
  }
  Status FlushBlock();
  Status WriteBlock(std::string_view raw, uint32_t rows);
  base::AppendFile file_;
  ColumnType type_ = ColumnType::kInt64;
  std::string pending_;  // raw little-endian values of the block being filled (kText: the lengths)
  std::string pending_text_;  // kText: the bytes of the block being filled
  uint32_t pending_rows_ = 0;
  uint64_t rows_ = 0;
  uint64_t offset_ = 0;
  std::vector<std::pair<uint64_t, uint32_t>> blocks_;  // offset, rows
  StringDictionary dict_;  // kString: the values seen, by code
};

// Reads a column file through a memory map; every block's checksum is checked when the block is read.
class ColumnReader {
 public:
  static Result<ColumnReader> Open(const std::filesystem::path& path);
  ColumnType type() const { return type_; }
  uint64_t rows() const { return rows_; }
  size_t blocks() const { return blocks_.size(); }
  const std::vector<std::string>& dictionary() const { return dict_; }

  // Decodes block `b` into `out` (int64 for kInt64, int32 for kDate, uint32 codes for kString), appended.
  Status ReadInts(size_t b, std::vector<int64_t>* out) const;
  Status ReadDates(size_t b, std::vector<int32_t>* out) const;
  Status ReadCodes(size_t b, std::vector<uint32_t>* out) const;
  Status ReadInt8s(size_t b, std::vector<int8_t>* out) const;
  // kText: block `b`'s values appended to `values`, a null as nullopt.
  Status ReadTexts(size_t b, std::vector<std::optional<std::string>>* values) const;
  // Re-checks every block's checksum; the error names the block and its byte offset.
  Status Verify() const;
  // Rows in block `b`, and the block decoded straight into `dst` (which holds BlockRows(b) values of the
  // column's width: 8 bytes for int64, 4 otherwise): no intermediate copy, no allocation.
  uint32_t BlockRows(size_t b) const { return blocks_.at(b).second; }
  Status DecodeBlock(size_t b, void* dst, size_t dst_bytes) const;
  // Blocks [first, last] will not be read again soon: their whole pages leave this process's resident set (they
  // stay in the page cache, and a later read maps them back). Keeps a long scan's memory flat.
  void DropPages(size_t first, size_t last) const;
  uint64_t cache_id_for_tests() const { return cache_id_; }

 private:
  // A block's frame: header fields and stored bytes, range- and checksum-checked.
  struct Frame {
    uint32_t rows, raw_size, stored_size;
    const uint8_t* stored;
  };
  Result<Frame> CheckFrame(size_t b) const;
  Status Decompress(size_t b, const Frame& f, void* dst) const;
  Status ReadRaw(size_t b, std::string* raw) const;  // any frame (the dictionary's too) into a string
  friend class WarmCache;
  uint64_t cache_id_ = 0;  // non-zero: handed out by WarmCache, whose block cache DecodeBlock uses
  base::MappedFile file_;
  ColumnType type_ = ColumnType::kInt64;
  uint64_t rows_ = 0;
  std::vector<std::pair<uint64_t, uint32_t>> blocks_;
  std::vector<std::string> dict_;
};

}  // namespace immstats::store
