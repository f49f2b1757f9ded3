// Integer keys (IDNCASE, IDNPROCEEDING) held compactly, and maps from keys to row numbers: a dense array when
// keys are dense, else a binary search over the keys themselves (no copy when they are already in order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "store/bulk_allocator.h"

namespace immstats::derive {

// A column of ids as 4-byte offsets from the smallest when they span less than 2^32 (EOIR's do), else as is.
class CompactIds {
 public:
  void Assign(const store::Values<int64_t>& ids);
  size_t size() const { return wide_ ? all_.size() : offsets_.size(); }
  void Clear() { *this = CompactIds(); }
  int64_t operator[](size_t i) const {
    if (wide_) return all_[i];
    const uint32_t o = offsets_[i];
    return o == kNull ? kNullId : base_ + o;
  }
  static constexpr int64_t kNullId = INT64_MIN;  // = store::kNullInt64

 private:
  static constexpr uint32_t kNull = UINT32_MAX;
  int64_t base_ = 0;
  bool wide_ = false;
  std::vector<uint32_t> offsets_;
  std::vector<int64_t> all_;
};

class IdIndex {
 public:
  // Row i has key ids[i]; a repeated key keeps its first row (the validator already quarantines duplicates).
  // `ids` must outlive the index when the keys are sparse (it searches them); dense keys are copied out.
  void Build(const CompactIds& ids);
  int32_t Find(int64_t id) const;  // -1 when absent
  bool borrows_keys() const { return ids_ != nullptr; }

 private:
  int64_t base_ = 0, last_ = 0;  // the smallest and largest key
  std::vector<int32_t> dense_;     // dense keys: key - base_ -> row
  const CompactIds* ids_ = nullptr;  // sparse keys: searched through by_key_ (or directly when already sorted);
                                     // null: dense keys (or none), looked up in dense_
  std::vector<uint32_t> by_key_;   // rows in key order; empty when the rows already are (and no nulls)
  mutable size_t hint_ = 0;        // children come grouped by parent: the next lookup is usually here or next
};

}  // namespace immstats::derive
