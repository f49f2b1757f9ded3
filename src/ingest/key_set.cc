// KeySet: a lazily paged bitmap of ids, with a hash set for ids beyond its pages.
#include "ingest/key_set.h"

namespace immstats::ingest {

bool KeySet::Insert(int64_t key) {
  const auto k = static_cast<uint64_t>(key);
  const uint64_t page = k >> kPageBits;
  if (key < 0 || page >= kMaxPages) return others_.insert(key).second;
  if (page >= pages_.size()) pages_.resize(page + 1);
  auto& words = pages_[page];
  if (!words) {
    words = std::make_unique<uint64_t[]>(kWordsPerPage);  // zeroed
    ++pages_in_use_;
  }
  const uint64_t bit = k & ((uint64_t{1} << kPageBits) - 1);
  uint64_t& w = words[bit / 64];
  const uint64_t mask = uint64_t{1} << (bit % 64);
  if (w & mask) return false;
  w |= mask;
  return true;
}

bool KeySet::Contains(int64_t key) const {
  const auto k = static_cast<uint64_t>(key);
  const uint64_t page = k >> kPageBits;
  if (key < 0 || page >= kMaxPages) return others_.count(key) != 0;
  if (page >= pages_.size() || !pages_[page]) return false;
  const uint64_t bit = k & ((uint64_t{1} << kPageBits) - 1);
  return (pages_[page][bit / 64] >> (bit % 64) & 1u) != 0;
}

}  // namespace immstats::ingest
