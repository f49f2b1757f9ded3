// Reads whole columns (or row ranges) of one stored table by column name: the query side of the store.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "immstats/status.h"
#include "store/bulk_allocator.h"
#include "store/column_file.h"
#include "store/snapshot.h"

namespace immstats::store {

// A string column as codes into its dictionary (kNullCode for null).
struct StringColumn {
  Values<uint32_t> codes;
  std::vector<std::string> dict;
  std::string_view At(size_t row) const { return codes[row] == kNullCode ? std::string_view() : dict[codes[row]]; }
  bool IsNull(size_t row) const { return codes[row] == kNullCode; }
};

class TableReader {
 public:
  // `dir` is the snapshot folder (published or still being written); `table` as listed in `info`.
  static Result<TableReader> Open(const std::filesystem::path& dir, const TableInfo& table);
  static Result<TableReader> Open(const SnapshotInfo& snapshot, std::string_view table);

  const std::string& name() const { return name_; }
  uint64_t rows() const { return rows_; }
  bool Has(std::string_view column) const { return files_.count(std::string(column)) != 0; }
  // For one-time scans (building derived records): each read gives back the mapped pages of the blocks it decoded,
  // so that the process's resident memory does not grow with the part of the table scanned.
  void DropPagesAfterReads() { drop_pages_ = true; }

  // Rows [begin, end) of a column (end clamped to rows()); whole blocks are decoded, then trimmed.
  Status ReadInts(std::string_view column, Values<int64_t>* out, uint64_t begin = 0, uint64_t end = UINT64_MAX) const;
  Status ReadDates(std::string_view column, Values<int32_t>* out, uint64_t begin = 0, uint64_t end = UINT64_MAX) const;
  Status ReadStrings(std::string_view column, StringColumn* out, uint64_t begin = 0, uint64_t end = UINT64_MAX) const;
  Status ReadInt8s(std::string_view column, Values<int8_t>* out, uint64_t begin = 0, uint64_t end = UINT64_MAX) const;

 private:
  Result<const ColumnReader*> Column(std::string_view column, ColumnType type) const;
  std::string name_;
  uint64_t rows_ = 0;
  bool drop_pages_ = false;
  std::filesystem::path dir_;
  std::map<std::string, std::string> files_;               // column -> file, from the manifest
  // Opened on first read (a query maps only what it reads); shared with the WarmCache when it is on.
  mutable std::map<std::string, std::shared_ptr<const ColumnReader>> columns_;
};

}  // namespace immstats::store
