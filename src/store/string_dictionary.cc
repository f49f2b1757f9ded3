// StringDictionary: linear probing on XXH3 hashes, the table kept at most half full.
#include "store/string_dictionary.h"

#include <xxhash.h>

namespace immstats::store {

uint32_t StringDictionary::Intern(std::string_view value) {
  if (values_.size() * 2 >= slots_.size()) Grow();
  const uint64_t h = XXH3_64bits(value.data(), value.size());
  const auto tag = static_cast<uint32_t>(h);
  for (size_t i = h & mask_;; i = (i + 1) & mask_) {
    const uint32_t slot = slots_[i];
    if (slot == 0) {
      const auto code = static_cast<uint32_t>(values_.size());
      values_.emplace_back(value);
      hashes_.push_back(tag);
      slots_[i] = code + 1;
      return code;
    }
    if (hashes_[slot - 1] == tag && values_[slot - 1] == value) return slot - 1;
  }
}

void StringDictionary::Grow() {
  const size_t n = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(n, 0);
  mask_ = n - 1;
  for (uint32_t code = 0; code < values_.size(); ++code) {
    // The full hash is needed for the slot: recompute it (growth is rare, values are short).
    const uint64_t h = XXH3_64bits(values_[code].data(), values_[code].size());
    size_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = code + 1;
  }
}

}  // namespace immstats::store
