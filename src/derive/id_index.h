// Maps integer keys (IDNCASE, IDNPROCEEDING) to row numbers: a dense array when keys are dense, else sorted pairs.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace immstats::derive {

class IdIndex {
 public:
  // Row i has key ids[i]; a repeated key keeps its first row (the validator already quarantines duplicates).
  void Build(const std::vector<int64_t>& ids);
  int32_t Find(int64_t id) const;  // -1 when absent

 private:
  int64_t base_ = 0;
  std::vector<int32_t> dense_;
  std::vector<std::pair<int64_t, int32_t>> sorted_;
  bool use_dense_ = true;
};

}  // namespace immstats::derive
