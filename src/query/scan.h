// One pass over a row range of a derived table: the filters, the group key of each row, and the row layout
// (dimension cells, the nationality label, the all-nationality comparison rows) shared by every court query.
#pragma once

#include <map>
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
  // The row's group key; `nat_ok` = the nationality filter passes; the comparison key has nationality = ALL.
  GroupKey Key(size_t r, bool* nat_ok, GroupKey* comparison_key);
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
  CodeColumn nat_, nat_other_, court_, judge_, hloc_, custody_, case_type_, asy_type_;
  std::vector<int8_t> represented_;
  std::map<std::string, int64_t> nat_ids_;
  std::vector<std::string> nat_values_;
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

 private:
  // The first row where `before` is false; `before` holds on a prefix of the rows.
  template <typename Pred>
  Result<uint64_t> PartitionPoint(Pred before);
  Result<const std::vector<int32_t>*> Block(uint64_t b);
  const store::TableReader& t_;
  std::string column_;
  std::map<uint64_t, std::vector<int32_t>> blocks_;
};

// Sorts rows by their keys and moves them into `out`.
void SortedRowsInto(std::vector<std::pair<std::string, std::vector<Value>>> rows, ResultTable* out);

}  // namespace immstats::query
