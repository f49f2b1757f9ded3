// Loads a source table's columns on demand and keeps them for the rest of the query.
#include "facts/fact_view.h"

namespace immstats::facts {

Result<FactView> FactView::Open(const store::SnapshotInfo& snapshot, const std::string& table) {
  auto r = store::TableReader::Open(snapshot, table);
  if (!r.ok()) return r.status();
  FactView v;
  v.reader_ = std::make_unique<store::TableReader>(std::move(r).value());
  return v;
}

Result<const store::StringColumn*> FactView::Strings(const std::string& column) {
  auto& slot = strings_[column];
  if (!slot) {
    auto col = std::make_unique<store::StringColumn>();
    IMMSTATS_RETURN_IF_ERROR(reader_->ReadStrings(column, col.get()));
    slot = std::move(col);
  }
  return slot.get();
}

Result<const store::Values<int64_t>*> FactView::Ints(const std::string& column) {
  auto& slot = ints_[column];
  if (!slot) {
    auto col = std::make_unique<store::Values<int64_t>>();
    IMMSTATS_RETURN_IF_ERROR(reader_->ReadInts(column, col.get()));
    slot = std::move(col);
  }
  return slot.get();
}

Result<const store::Values<int32_t>*> FactView::Dates(const std::string& column) {
  auto& slot = dates_[column];
  if (!slot) {
    auto col = std::make_unique<store::Values<int32_t>>();
    IMMSTATS_RETURN_IF_ERROR(reader_->ReadDates(column, col.get()));
    slot = std::move(col);
  }
  return slot.get();
}

}  // namespace immstats::facts
