// Maps integer keys (IDNCASE, IDNPROCEEDING) to row numbers: a dense array when keys are dense, else sorted pairs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace immstats::derive {

class IdIndex {
 public:
  // Row i has key ids[i]; a repeated key keeps its first row (the validator already quarantines duplicates).
  template <typename Vec>
  void Build(const Vec& ids) {
    BuildFrom(ids.data(), ids.size());
  }
  int32_t Find(int64_t id) const;  // -1 when absent

 private:
  void BuildFrom(const int64_t* ids, size_t n);
  int64_t base_ = 0;
  std::vector<int32_t> dense_;
  std::vector<std::pair<int64_t, int32_t>> sorted_;
  bool use_dense_ = true;
};

}  // namespace immstats::derive
