// The release's case ids as A_TblCase is read, queried by its child tables read at the same time.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_set>

namespace immstats::ingest {

// One writer (the thread reading A_TblCase) inserts while any number of readers ask. A bitmap in pages of
// 2^22 ids, each page published once; ids outside [0, 2^34) go to a locked set. Contains() is exact for
// every id inserted before the call began.
class CaseSet {
 public:
  CaseSet() = default;
  CaseSet(const CaseSet&) = delete;
  CaseSet& operator=(const CaseSet&) = delete;
  ~CaseSet();

  void Insert(int64_t id);
  bool Contains(int64_t id) const;

 private:
  static constexpr int kPageBits = 22;
  static constexpr size_t kWordsPerPage = (size_t{1} << kPageBits) / 64;
  static constexpr size_t kPages = 4096;
  std::array<std::atomic<std::atomic<uint64_t>*>, kPages> pages_{};
  mutable std::mutex other_mu_;
  std::unordered_set<int64_t> other_;
};

}  // namespace immstats::ingest
