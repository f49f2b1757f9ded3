// The primary keys a table has shown so far, for finding repeated keys (spec Q11) in one pass.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_set>
#include <vector>

namespace immstats::ingest {

// A bitmap in pages of 2^16 ids, each page allocated when its first id comes: memory follows the span of ids
// present (EOIR's ids start near 1,000,000, and an empty stretch costs nothing), never the largest id times two,
// and growing never copies. Ids outside [0, 2^38) go to a hash set, so that one corrupt huge id cannot ask for
// gigabytes.
class KeySet {
 public:
  // False when `key` was inserted before.
  bool Insert(int64_t key);
  bool Contains(int64_t key) const;
  // Bytes held by the bitmap pages (for tests and traces).
  size_t page_bytes() const { return pages_in_use_ * kWordsPerPage * sizeof(uint64_t); }

 private:
  static constexpr int kPageBits = 16;
  static constexpr size_t kWordsPerPage = (size_t{1} << kPageBits) / 64;
  static constexpr uint64_t kMaxPages = uint64_t{1} << 22;  // ids below 2^38 live in pages
  std::vector<std::unique_ptr<uint64_t[]>> pages_;
  size_t pages_in_use_ = 0;
  std::unordered_set<int64_t> others_;
};

}  // namespace immstats::ingest
