// IdIndex: dense when the key range is at most eight times the row count, otherwise binary search.
#include "derive/id_index.h"

#include <algorithm>

#include "store/column_file.h"

namespace immstats::derive {

void IdIndex::BuildFrom(const int64_t* ids, size_t count) {
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (size_t i = 0; i < count; ++i) {
    const int64_t id = ids[i];
    if (id == store::kNullInt64) continue;
    lo = std::min(lo, id);
    hi = std::max(hi, id);
  }
  dense_.clear();
  sorted_.clear();
  if (lo > hi) {
    use_dense_ = true;
    return;
  }
  const auto span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  use_dense_ = span <= 8 * static_cast<uint64_t>(count) + 1024;
  base_ = lo;
  if (use_dense_) {
    dense_.assign(span + 1, -1);
    for (size_t i = 0; i < count; ++i) {
      if (ids[i] == store::kNullInt64) continue;
      int32_t& slot = dense_[static_cast<size_t>(ids[i] - lo)];
      if (slot < 0) slot = static_cast<int32_t>(i);
    }
    return;
  }
  sorted_.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (ids[i] != store::kNullInt64) sorted_.emplace_back(ids[i], static_cast<int32_t>(i));
  }
  std::stable_sort(sorted_.begin(), sorted_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

int32_t IdIndex::Find(int64_t id) const {
  if (use_dense_) {
    if (id < base_ || dense_.empty()) return -1;
    const auto k = static_cast<uint64_t>(id - base_);
    return k < dense_.size() ? dense_[k] : -1;
  }
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), id, [](const auto& p, int64_t v) { return p.first < v; });
  return it != sorted_.end() && it->first == id ? it->second : -1;
}

}  // namespace immstats::derive
