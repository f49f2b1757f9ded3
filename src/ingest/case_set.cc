// CaseSet: pages allocated zeroed by the writer and published with release/acquire ordering.
#include "ingest/case_set.h"

namespace immstats::ingest {

CaseSet::~CaseSet() {
  for (auto& p : pages_) delete[] p.load(std::memory_order_relaxed);
}

void CaseSet::Insert(int64_t id) {
  const auto u = static_cast<uint64_t>(id);
  const uint64_t page = u >> kPageBits;
  if (id < 0 || page >= kPages) {
    std::lock_guard lock(other_mu_);
    other_.insert(id);
    return;
  }
  std::atomic<uint64_t>* words = pages_[page].load(std::memory_order_acquire);
  if (words == nullptr) {
    words = new std::atomic<uint64_t>[kWordsPerPage]();
    pages_[page].store(words, std::memory_order_release);
  }
  const uint64_t bit = u & ((uint64_t{1} << kPageBits) - 1);
  words[bit / 64].fetch_or(uint64_t{1} << (bit % 64), std::memory_order_release);
}

bool CaseSet::Contains(int64_t id) const {
  const auto u = static_cast<uint64_t>(id);
  const uint64_t page = u >> kPageBits;
  if (id < 0 || page >= kPages) {
    std::lock_guard lock(other_mu_);
    return other_.count(id) != 0;
  }
  const std::atomic<uint64_t>* words = pages_[page].load(std::memory_order_acquire);
  if (words == nullptr) return false;
  const uint64_t bit = u & ((uint64_t{1} << kPageBits) - 1);
  return (words[bit / 64].load(std::memory_order_acquire) >> (bit % 64) & 1u) != 0;
}

}  // namespace immstats::ingest
