// Builds a table's columns in memory (strings dictionary-coded as they arrive) and writes them to a snapshot.
#include "sources/fact_table.h"

#include <climits>

namespace immstats::sources {

size_t FactTable::AddColumn(std::string name, Type type) {
  Column c;
  c.name = std::move(name);
  c.type = type;
  cols_.push_back(std::move(c));
  return cols_.size() - 1;
}

void FactTable::NewRow() {
  for (auto& c : cols_) c.ints.push_back(c.type == Type::kString ? -1 : (c.type == Type::kDate ? INT32_MIN : INT64_MIN));
  ++rows_;
}

void FactTable::DropRow() {
  for (auto& c : cols_) c.ints.pop_back();
  --rows_;
}

void FactTable::SetString(size_t col, std::string_view v) {
  Column& c = cols_[col];
  auto [it, inserted] = c.codes.try_emplace(std::string(v), static_cast<int64_t>(c.dict.size()));
  if (inserted) c.dict.emplace_back(v);
  c.ints.back() = it->second;
}

Status FactTable::Write(store::SnapshotWriter* writer) const {
  for (const Column& c : cols_) {
    const store::ColumnType type = c.type == Type::kInt    ? store::ColumnType::kInt64
                                   : c.type == Type::kDate ? store::ColumnType::kDate
                                                           : store::ColumnType::kString;
    auto w = writer->AddColumn(name_, c.name, type);
    if (!w.ok()) return w.status();
    for (int64_t v : c.ints) {
      switch (c.type) {
        case Type::kInt: w->AppendInt(v); break;
        case Type::kDate: w->AppendDate(static_cast<int32_t>(v)); break;
        case Type::kString:
          w->AppendString(v < 0 ? std::nullopt : std::optional<std::string_view>(c.dict[static_cast<size_t>(v)]));
          break;
      }
      IMMSTATS_RETURN_IF_ERROR(w->Flush());
    }
    IMMSTATS_RETURN_IF_ERROR(w->Finish());
  }
  writer->SetRows(name_, rows_);
  return Status::Ok();
}

}  // namespace immstats::sources
