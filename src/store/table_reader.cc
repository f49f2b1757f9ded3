// Whole-column and row-range reads of a stored table, decoding only the blocks that cover the range.
#include "store/table_reader.h"

namespace immstats::store {

namespace {

template <typename T, typename ReadBlock>
Status ReadRange(const ColumnReader& c, uint64_t begin, uint64_t end, std::vector<T>* out, ReadBlock read) {
  out->clear();
  end = std::min<uint64_t>(end, c.rows());
  if (begin >= end) return Status::Ok();
  const size_t first = begin / kRowsPerBlock, last = (end - 1) / kRowsPerBlock;
  out->reserve(end - begin);
  std::vector<T> block;
  for (size_t b = first; b <= last; ++b) {
    block.clear();
    IMMSTATS_RETURN_IF_ERROR(read(b, &block));
    const uint64_t block_begin = static_cast<uint64_t>(b) * kRowsPerBlock;
    const uint64_t from = std::max(begin, block_begin) - block_begin;
    const uint64_t to = std::min<uint64_t>(end - block_begin, block.size());
    out->insert(out->end(), block.begin() + static_cast<ptrdiff_t>(from), block.begin() + static_cast<ptrdiff_t>(to));
  }
  return Status::Ok();
}

}  // namespace

Result<TableReader> TableReader::Open(const std::filesystem::path& dir, const TableInfo& table) {
  TableReader r;
  r.name_ = table.name;
  r.rows_ = table.rows;
  r.dir_ = dir;
  for (const auto& c : table.columns) {
    auto col = ColumnReader::Open(dir / c.file);
    if (!col.ok()) return col.status();
    if (col->rows() != table.rows) {
      return Status::Corruption("column " + table.name + "." + c.name + " (" + (dir / c.file).string() + ") holds " +
                                std::to_string(col->rows()) + " rows, the manifest says " + std::to_string(table.rows));
    }
    r.columns_.emplace(c.name, std::move(col).value());
  }
  return r;
}

Result<TableReader> TableReader::Open(const SnapshotInfo& snapshot, std::string_view table) {
  for (const auto& t : snapshot.tables) {
    if (t.name == table) return Open(snapshot.dir, t);
  }
  return Status::NotFound("snapshot '" + snapshot.id + "' has no table " + std::string(table) +
                          ": it was written by an older immstats or from an incomplete release; re-ingest the release");
}

std::vector<std::string> TableReader::ColumnNames() const {
  std::vector<std::string> out;
  for (const auto& [name, c] : columns_) out.push_back(name);
  return out;
}

Result<const ColumnReader*> TableReader::Column(std::string_view column, ColumnType type) const {
  auto it = columns_.find(std::string(column));
  if (it == columns_.end()) {
    return Status::NotFound("table " + name_ + " has no column " + std::string(column) +
                            " in this snapshot: re-ingest the release with this immstats");
  }
  if (it->second.type() != type) {
    return Status::Corruption("column " + name_ + "." + std::string(column) + " is stored as " +
                              ColumnTypeName(it->second.type()) + ", expected " + ColumnTypeName(type));
  }
  return &it->second;
}

Status TableReader::ReadInts(std::string_view column, std::vector<int64_t>* out, uint64_t begin, uint64_t end) const {
  auto c = Column(column, ColumnType::kInt64);
  if (!c.ok()) return c.status();
  return ReadRange(**c, begin, end, out, [&](size_t b, std::vector<int64_t>* v) { return (*c)->ReadInts(b, v); });
}

Status TableReader::ReadDates(std::string_view column, std::vector<int32_t>* out, uint64_t begin, uint64_t end) const {
  auto c = Column(column, ColumnType::kDate);
  if (!c.ok()) return c.status();
  return ReadRange(**c, begin, end, out, [&](size_t b, std::vector<int32_t>* v) { return (*c)->ReadDates(b, v); });
}

Status TableReader::ReadStrings(std::string_view column, StringColumn* out, uint64_t begin, uint64_t end) const {
  auto c = Column(column, ColumnType::kString);
  if (!c.ok()) return c.status();
  out->dict = (*c)->dictionary();
  return ReadRange(**c, begin, end, &out->codes, [&](size_t b, std::vector<uint32_t>* v) { return (*c)->ReadCodes(b, v); });
}

}  // namespace immstats::store
