// CompactIds and IdIndex: dense when the key range is at most twice the row count, otherwise binary search.
#include "derive/id_index.h"

#include <algorithm>
#include <numeric>

#include "store/column_file.h"

namespace immstats::derive {

static_assert(CompactIds::kNullId == store::kNullInt64);

void CompactIds::Assign(const store::Values<int64_t>& ids) {
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (const int64_t id : ids) {
    if (id == kNullId) continue;
    lo = std::min(lo, id);
    hi = std::max(hi, id);
  }
  offsets_.clear();
  all_.clear();
  wide_ = lo <= hi && static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) >= kNull;
  if (wide_) {
    all_.assign(ids.begin(), ids.end());
    return;
  }
  base_ = lo <= hi ? lo : 0;
  offsets_.resize(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    offsets_[i] = ids[i] == kNullId ? kNull : static_cast<uint32_t>(ids[i] - base_);
  }
}

void IdIndex::Build(const CompactIds& ids) {
  const size_t count = ids.size();
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  bool sorted = true;
  int64_t prev = INT64_MIN;
  for (size_t i = 0; i < count; ++i) {
    const int64_t id = ids[i];
    if (id == CompactIds::kNullId) {
      sorted = false;
      continue;
    }
    lo = std::min(lo, id);
    hi = std::max(hi, id);
    sorted = sorted && id > prev;
    prev = id;
  }
  dense_.clear();
  by_key_.clear();
  ids_ = nullptr;
  if (lo > hi) return;  // no keys: every lookup misses
  const auto span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  base_ = lo;
  last_ = hi;
  if (span <= 2 * static_cast<uint64_t>(count) + 1024) {
    dense_.assign(span + 1, -1);
    for (size_t i = 0; i < count; ++i) {
      if (ids[i] == CompactIds::kNullId) continue;
      int32_t& slot = dense_[static_cast<size_t>(ids[i] - lo)];
      if (slot < 0) slot = static_cast<int32_t>(i);
    }
    return;
  }
  ids_ = &ids;
  if (sorted) return;  // the keys are their own index
  by_key_.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (ids[i] != CompactIds::kNullId) by_key_.push_back(static_cast<uint32_t>(i));
  }
  std::stable_sort(by_key_.begin(), by_key_.end(), [&ids](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
}

int32_t IdIndex::Find(int64_t id) const {
  if (ids_ == nullptr) {
    if (id < base_ || dense_.empty()) return -1;
    const auto k = static_cast<uint64_t>(id - base_);
    return k < dense_.size() ? dense_[k] : -1;
  }
  if (id < base_ || id > last_) return -1;  // most lookups of a pass over another table miss by range
  const CompactIds& ids = *ids_;
  const bool direct = by_key_.empty();
  const size_t n = direct ? ids.size() : by_key_.size();
  auto key = [&](size_t pos) { return ids[direct ? pos : by_key_[pos]]; };
  auto row = [&](size_t pos) { return static_cast<int32_t>(direct ? pos : by_key_[pos]); };
  for (size_t pos = hint_; pos < n && pos <= hint_ + 1; ++pos) {
    if (key(pos) == id) {
      hint_ = pos;
      return row(pos);
    }
  }
  size_t lo = 0, hi = n;  // first position whose key is >= id
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (key(mid) < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < n && key(lo) == id) {
    hint_ = lo;
    return row(lo);
  }
  return -1;
}

}  // namespace immstats::derive
