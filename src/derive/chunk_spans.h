// Id ranges: what a pass of the derived-records build looks for, and what each chunk of a key column holds.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "store/column_file.h"

namespace immstats::derive {

// The smallest and largest id a pass looks for in a key column (lo > hi: none).
struct IdRange {
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  void Add(int64_t id) {
    if (id == store::kNullInt64) return;
    lo = std::min(lo, id);
    hi = std::max(hi, id);
  }
  bool Meets(const IdRange& o) const { return lo <= o.hi && o.lo <= hi; }
};

// The ids of one chunk of a key column as a few ranges that together cover them all. One range would do for a
// column in id order, but tbl_RepsAssigned.PARENT_IDN holds case ids and proceeding ids side by side (two
// separate streams of numbers), and its single range would meet every pass.
class ChunkSpans {
 public:
  void Add(int64_t id) {
    if (id == store::kNullInt64) return;
    for (size_t i = 0; i < count_; ++i) {
      IdRange& s = spans_[i];
      if (Near(id, s)) {
        s.lo = std::min(s.lo, id);
        s.hi = std::max(s.hi, id);
        return;
      }
    }
    if (count_ == kMaxSpans) MergeClosest();
    spans_[count_++] = {id, id};
  }
  bool Meets(const IdRange& wanted) const {
    for (size_t i = 0; i < count_; ++i) {
      if (spans_[i].Meets(wanted)) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kMaxSpans = 4;
  static constexpr uint64_t kJoinGap = uint64_t{1} << 16;  // ids closer than this to a span join it
  static bool Near(int64_t id, const IdRange& s) {
    if (id < s.lo) return static_cast<uint64_t>(s.lo) - static_cast<uint64_t>(id) <= kJoinGap;
    if (id > s.hi) return static_cast<uint64_t>(id) - static_cast<uint64_t>(s.hi) <= kJoinGap;
    return true;
  }
  // Makes room for one more span: the two spans with the smallest gap between them become one.
  void MergeClosest() {
    std::sort(spans_, spans_ + count_, [](const IdRange& a, const IdRange& b) { return a.lo < b.lo; });
    size_t best = 0;
    uint64_t best_gap = UINT64_MAX;
    for (size_t i = 0; i + 1 < count_; ++i) {
      const uint64_t gap = spans_[i + 1].lo <= spans_[i].hi
                               ? 0
                               : static_cast<uint64_t>(spans_[i + 1].lo) - static_cast<uint64_t>(spans_[i].hi);
      if (gap < best_gap) {
        best_gap = gap;
        best = i;
      }
    }
    spans_[best].hi = std::max(spans_[best].hi, spans_[best + 1].hi);
    std::copy(spans_ + best + 2, spans_ + count_, spans_ + best + 1);
    --count_;
  }
  IdRange spans_[kMaxSpans];
  size_t count_ = 0;
};

}  // namespace immstats::derive
