// Whole-column and row-range reads of a stored table, decoding only the blocks that cover the range.
#include "store/table_reader.h"

#include "store/warm_cache.h"

namespace immstats::store {

namespace {

// Rows [begin, end) of a fixed-width column: blocks inside the range decode straight into `out`, the (at most
// two) partial blocks at its ends through a scratch buffer.
template <typename T>
Status ReadRange(const ColumnReader& c, uint64_t begin, uint64_t end, Values<T>* out, bool drop_pages) {
  out->clear();
  end = std::min<uint64_t>(end, c.rows());
  if (begin >= end) return Status::Ok();
  out->resize(end - begin);
  thread_local std::vector<T> scratch;
  const size_t first = begin / kRowsPerBlock, last = (end - 1) / kRowsPerBlock;
  for (size_t b = first; b <= last; ++b) {
    const uint64_t block_begin = static_cast<uint64_t>(b) * kRowsPerBlock, rows = c.BlockRows(b);
    T* dst = out->data() + (std::max(begin, block_begin) - begin);
    if (block_begin >= begin && block_begin + rows <= end) {
      IMMSTATS_RETURN_IF_ERROR(c.DecodeBlock(b, dst, rows * sizeof(T)));
      continue;
    }
    scratch.resize(rows);
    IMMSTATS_RETURN_IF_ERROR(c.DecodeBlock(b, scratch.data(), rows * sizeof(T)));
    const uint64_t from = std::max(begin, block_begin) - block_begin, to = std::min(end, block_begin + rows) - block_begin;
    std::copy(scratch.begin() + static_cast<ptrdiff_t>(from), scratch.begin() + static_cast<ptrdiff_t>(to), dst);
  }
  if (drop_pages) c.DropPages(first, last);
  return Status::Ok();
}

}  // namespace

Result<TableReader> TableReader::Open(const std::filesystem::path& dir, const TableInfo& table) {
  TableReader r;
  r.name_ = table.name;
  r.rows_ = table.rows;
  r.dir_ = dir;
  for (const auto& c : table.columns) r.files_.emplace(c.name, c.file);
  return r;
}

Result<TableReader> TableReader::Open(const SnapshotInfo& snapshot, std::string_view table) {
  for (const auto& t : snapshot.tables) {
    if (t.name == table) return Open(snapshot.dir, t);
  }
  return Status::NotFound("snapshot '" + snapshot.id + "' has no table " + std::string(table) +
                          ": it was written by an older immstats or from an incomplete release; re-ingest the release");
}

Result<const ColumnReader*> TableReader::Column(std::string_view column, ColumnType type) const {
  auto it = columns_.find(std::string(column));
  if (it == columns_.end()) {
    auto f = files_.find(std::string(column));
    if (f == files_.end()) {
      return Status::NotFound("table " + name_ + " has no column " + std::string(column) +
                              " in this snapshot: re-ingest the release with this immstats");
    }
    std::shared_ptr<const ColumnReader> col;
    if (WarmCache::enabled()) {
      auto shared = WarmCache::Reader(dir_ / f->second);
      if (!shared.ok()) return shared.status();
      col = std::move(shared).value();
    } else {
      auto opened = ColumnReader::Open(dir_ / f->second);
      if (!opened.ok()) return opened.status();
      col = std::make_shared<const ColumnReader>(std::move(opened).value());
    }
    if (col->rows() != rows_) {
      return Status::Corruption("column " + name_ + "." + std::string(column) + " (" + (dir_ / f->second).string() +
                                ") holds " + std::to_string(col->rows()) + " rows, the manifest says " + std::to_string(rows_));
    }
    it = columns_.emplace(std::string(column), std::move(col)).first;
  }
  if (it->second->type() != type) {
    return Status::Corruption("column " + name_ + "." + std::string(column) + " is stored as " +
                              ColumnTypeName(it->second->type()) + ", expected " + ColumnTypeName(type));
  }
  return it->second.get();
}

Status TableReader::ReadInts(std::string_view column, Values<int64_t>* out, uint64_t begin, uint64_t end) const {
  auto c = Column(column, ColumnType::kInt64);
  if (!c.ok()) return c.status();
  return ReadRange(**c, begin, end, out, drop_pages_);
}

Status TableReader::ReadDates(std::string_view column, Values<int32_t>* out, uint64_t begin, uint64_t end) const {
  auto c = Column(column, ColumnType::kDate);
  if (!c.ok()) return c.status();
  return ReadRange(**c, begin, end, out, drop_pages_);
}

Status TableReader::ReadInt8s(std::string_view column, Values<int8_t>* out, uint64_t begin, uint64_t end) const {
  auto c = Column(column, ColumnType::kInt8);
  if (!c.ok()) return c.status();
  return ReadRange(**c, begin, end, out, drop_pages_);
}

Status TableReader::ReadStrings(std::string_view column, StringColumn* out, uint64_t begin, uint64_t end) const {
  if (auto text = Column(column, ColumnType::kText); text.ok()) {
    // Plain text: each row's value becomes its own dictionary entry.
    out->dict.clear();
    out->codes.clear();
    end = std::min<uint64_t>(end, rows_);
    if (begin >= end) return Status::Ok();
    std::vector<std::optional<std::string>> values;
    for (size_t b = begin / kRowsPerBlock; b <= (end - 1) / kRowsPerBlock; ++b) {
      values.clear();
      IMMSTATS_RETURN_IF_ERROR((*text)->ReadTexts(b, &values));
      if (drop_pages_) (*text)->DropPages(b, b);
      const uint64_t block_begin = static_cast<uint64_t>(b) * kRowsPerBlock;
      for (uint64_t r = std::max(begin, block_begin); r < std::min(end, block_begin + values.size()); ++r) {
        auto& v = values[r - block_begin];
        if (!v) {
          out->codes.push_back(kNullCode);
          continue;
        }
        out->codes.push_back(static_cast<uint32_t>(out->dict.size()));
        out->dict.push_back(std::move(*v));
      }
    }
    return Status::Ok();
  }
  auto c = Column(column, ColumnType::kString);
  if (!c.ok()) return c.status();
  out->dict = (*c)->dictionary();
  return ReadRange(**c, begin, end, &out->codes, drop_pages_);
}

}  // namespace immstats::store
