// One stored table of a source snapshot, its columns loaded whole on first use (source tables are small).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "immstats/status.h"
#include "store/snapshot.h"
#include "store/table_reader.h"

namespace immstats::facts {

class FactView {
 public:
  static Result<FactView> Open(const store::SnapshotInfo& snapshot, const std::string& table);
  uint64_t rows() const { return reader_->rows(); }
  bool Has(const std::string& column) const { return reader_->Has(column); }
  const std::string& table() const { return reader_->name(); }
  Result<const store::StringColumn*> Strings(const std::string& column);
  Result<const store::Values<int64_t>*> Ints(const std::string& column);
  Result<const store::Values<int32_t>*> Dates(const std::string& column);

 private:
  std::unique_ptr<store::TableReader> reader_;
  std::map<std::string, std::unique_ptr<store::StringColumn>> strings_;
  std::map<std::string, std::unique_ptr<store::Values<int64_t>>> ints_;
  std::map<std::string, std::unique_ptr<store::Values<int32_t>>> dates_;
};

}  // namespace immstats::facts
