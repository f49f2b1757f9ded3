// One pass over a row range of a derived table: the filters, the group key of each row, and the row layout
// (dimension cells, the nationality label, the all-nationality comparison rows) shared by every court query.
#pragma once

#include <algorithm>
#include <map>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

#include "immstats/status.h"
#include "query/names.h"
#include "query/result.h"
#include "query/slice.h"
#include "store/table_reader.h"

namespace immstats::query {

struct ScanColumns {
  std::string represented = "represented";  // derived.asylum_decisions: by the decision date; proceedings: ever
  bool judge_from_last_hearing = false;
  bool nationality_from_proceeding = false;
};

class SliceScan {
 public:
  // `dates` (may be null) gives each row's date, indexed from `lo`, for --by fy / month.
  Status Load(const store::TableReader& t, uint64_t lo, uint64_t hi, const Filters& f, const std::vector<Dim>& by,
              const ScanColumns& columns, const int32_t* dates);
  // False when the row fails a filter other than nationality (which decides slice vs comparison).
  bool Passes(size_t r) const;
  // The row's group as a cell number (mixed radix over the dimensions' value counts), so that accumulators
  // can be plain arrays; `nat_ok` = the nationality filter passes; the comparison cell has nationality = ALL.
  // `periods` caches the last row's fiscal year and month: one per thread scanning.
  struct Period {
    int32_t first = 1, last = 0;  // days of the last row's fiscal year or month (empty at first)
    int64_t index = 0;
  };
  using Periods = std::array<Period, 2>;  // [0] fiscal year, [1] month
  uint64_t Cell(size_t r, bool* nat_ok, uint64_t* comparison_cell, Periods* periods) const;
  uint64_t cells() const { return cells_; }
  // A cell back to per-dimension values (dictionary code or -1 for none, year, yyyymm, kAllNationalities).
  GroupKey KeyOf(uint64_t cell) const;
  bool comparison() const { return comparison_; }
  bool by_nationality() const { return by_nat_; }

  // Column layout: [nationality label] dimensions [comparison], ahead of the caller's measures.
  void AddColumns(const Names& names, ResultTable* out);
  // A row's leading cells and its sort key (slice rows first, then comparison rows; each by printed values).
  void RowPrefix(const Names& names, const GroupKey& key, bool is_comparison, std::vector<Value>* row,
                 std::string* sort_key) const;

 private:
  const Filters* f_ = nullptr;
  std::vector<Dim> by_;
  const int32_t* dates_ = nullptr;
  bool comparison_ = false, by_nat_ = false, label_nat_ = false, pseudo_column_ = false;
  std::string nat_label_, nat_label_name_;
  CodeColumn nat_, court_, judge_, hloc_, custody_, case_type_, asy_type_;
  store::Values<int8_t> represented_;
  std::vector<std::string> nat_values_;               // nationality codes of both columns, one id each
  std::vector<uint32_t> nat_map_;                     // column dictionary code -> id
  std::array<uint64_t, kMaxDims> card_{}, stride_{};  // values per dimension (a last one for none), cell strides
  std::array<int64_t, 2> time_base_{};                // first fiscal year; first month as year*12+month-1
  uint64_t cells_ = 1;
  size_t nat_slot_ = kMaxDims;
};

// Accumulators per cell: an array when the cells are few, a hash map otherwise.
template <typename C>
class Cells {
 public:
  explicit Cells(uint64_t n) : dense_(n <= kDenseCells) {
    if (dense_) {
      values_.resize(n);
      used_.assign(n, 0);
    }
  }
  C& operator[](uint64_t cell) {
    if (!dense_) return map_[cell];
    if (!used_[cell]) {
      used_[cell] = 1;
      ++count_;
    }
    return values_[cell];
  }
  size_t size() const { return dense_ ? count_ : map_.size(); }
  // Adds another accumulator's cells into this one (C has operator+=).
  void Merge(Cells& other) {
    other.ForEach([&](uint64_t cell, C& c) { (*this)[cell] += c; });
  }
  // Visits used cells in ascending cell order.
  template <typename F>
  void ForEach(F f) {
    if (dense_) {
      for (uint64_t c = 0; c < values_.size(); ++c) {
        if (used_[c]) f(c, values_[c]);
      }
      return;
    }
    std::vector<uint64_t> keys;
    for (const auto& [k, v] : map_) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (uint64_t k : keys) f(k, map_[k]);
  }

 private:
  static constexpr uint64_t kDenseCells = 16384;
  bool dense_;
  std::vector<C> values_;
  std::vector<char> used_;
  size_t count_ = 0;
  std::unordered_map<uint64_t, C> map_;
};

// Finds row ranges in a date column sorted ascending with nulls last (derived.asylum_decisions.decision_date)
// by binary search over blocks: a handful of blocks decoded instead of the whole column.
class SortedDates {
 public:
  SortedDates(const store::TableReader& t, std::string column) : t_(t), column_(std::move(column)) {}
  Result<uint64_t> DecidedEnd();                  // the first null row
  Result<uint64_t> LowerBound(int32_t day);       // the first row with a date >= day
  Result<uint64_t> UpperBound(int32_t day);       // the first row with a date > day
  Result<int32_t> At(uint64_t row);
  // The rows of a window (unset ends open) and where the pending records start.
  struct Rows {
    uint64_t lo = 0, hi = 0, decided_end = 0;
    uint64_t size() const { return hi > lo ? hi - lo : 0; }
  };
  Result<Rows> WindowRows(const Window& w);

 private:
  // The first row where `before` is false; `before` holds on a prefix of the rows.
  template <typename Pred>
  Result<uint64_t> PartitionPoint(Pred before);
  Result<const store::Values<int32_t>*> Block(uint64_t b);
  const store::TableReader& t_;
  std::string column_;
  std::map<uint64_t, store::Values<int32_t>> blocks_;
};

// Sorts rows by their keys and moves them into `out`.
void SortedRowsInto(std::vector<std::pair<std::string, std::vector<Value>>> rows, ResultTable* out);

// Every used cell as a row of `out`: the scan's dimension cells, then `measures(counts, &row)`; the slice's rows
// first, then (with a nationality filter) the all-nationality comparison rows, each in printed order.
template <typename C, typename F>
void EmitRows(const SliceScan& scan, const Names& names, Cells<C>& groups, Cells<C>& all_nat, F measures,
              ResultTable* out) {
  std::vector<std::pair<std::string, std::vector<Value>>> rows;
  rows.reserve(groups.size() + all_nat.size());
  auto emit = [&](Cells<C>& m, bool is_comparison) {
    m.ForEach([&](uint64_t cell, C& c) {
      std::pair<std::string, std::vector<Value>> row;
      row.second.reserve(out->columns.size());
      scan.RowPrefix(names, scan.KeyOf(cell), is_comparison, &row.second, &row.first);
      measures(c, &row.second);
      rows.push_back(std::move(row));
    });
  };
  emit(groups, false);
  if (scan.comparison()) emit(all_nat, true);
  SortedRowsInto(std::move(rows), out);
}

}  // namespace immstats::query
