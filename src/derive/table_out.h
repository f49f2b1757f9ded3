// Column writers of a derived table kept open across the derive's passes, and loops that append to them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "store/column_file.h"
#include "store/snapshot.h"

namespace immstats::derive {

// Column writers of one derived table, opened once (in the table's column order) and appended to pass after pass.
class TableOut {
 public:
  TableOut(store::SnapshotWriter* w, std::string table) : w_(w), table_(std::move(table)) {}
  Status Add(const char* name, store::ColumnType type) {
    auto c = w_->AddColumn(table_, name, type);
    if (!c.ok()) return c.status();
    columns_.push_back(std::make_unique<store::ColumnWriter>(std::move(c).value()));
    return Status::Ok();
  }
  store::ColumnWriter& operator[](size_t i) { return *columns_[i]; }
  Status Finish(uint64_t rows) {
    for (auto& c : columns_) IMMSTATS_RETURN_IF_ERROR(c->Finish());
    w_->SetRows(table_, rows);
    return Status::Ok();
  }

 private:
  store::SnapshotWriter* w_;
  std::string table_;
  std::vector<std::unique_ptr<store::ColumnWriter>> columns_;
};

// Appends values(i) for i in [0, n) to a fixed-width column, flushing full blocks.
template <typename Append, typename Value>
Status AppendAll(store::ColumnWriter& c, size_t n, Append append, Value value) {
  for (size_t i = 0; i < n; ++i) {
    append(c, value(i));
    IMMSTATS_RETURN_IF_ERROR(c.Flush());
  }
  return Status::Ok();
}
template <typename Value>
Status AppendInts(store::ColumnWriter& c, size_t n, Value value) {
  return AppendAll(c, n, [](store::ColumnWriter& w, int64_t v) { w.AppendInt(v); }, value);
}
template <typename Value>
Status AppendDates(store::ColumnWriter& c, size_t n, Value value) {
  return AppendAll(c, n, [](store::ColumnWriter& w, int32_t v) { w.AppendDate(v); }, value);
}
template <typename Value>
Status AppendInt8s(store::ColumnWriter& c, size_t n, Value value) {
  return AppendAll(c, n, [](store::ColumnWriter& w, int64_t v) { w.AppendInt8(static_cast<int8_t>(v)); }, value);
}

}  // namespace immstats::derive
