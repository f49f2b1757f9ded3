// A table built in memory row by row (the sources are small: at most a few million rows), then written as
// typed store columns in one go.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "immstats/status.h"
#include "store/snapshot.h"

namespace immstats::sources {

class FactTable {
 public:
  enum class Type { kInt, kDate, kString };
  explicit FactTable(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }

  // Declares a column (before the first row); returns its index.
  size_t AddColumn(std::string name, Type type);
  // Starts a row in which every column is null until set.
  void NewRow();
  void SetInt(size_t col, int64_t v) { cols_[col].ints.back() = v; }
  void SetDate(size_t col, int32_t day) { cols_[col].ints.back() = day; }
  void SetString(size_t col, std::string_view v);
  // Drops the row being built (a row found bad after some fields were set).
  void DropRow();
  size_t rows() const { return rows_; }

  Status Write(store::SnapshotWriter* writer) const;

 private:
  struct Column {
    std::string name;
    Type type = Type::kInt;
    std::vector<int64_t> ints;  // kInt, kDate; kString: dictionary code, -1 null
    std::vector<std::string> dict;
    std::unordered_map<std::string, int64_t> codes;
  };
  std::string name_;
  std::vector<Column> cols_;
  size_t rows_ = 0;
};

}  // namespace immstats::sources
