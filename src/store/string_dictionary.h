// Interning of a string column's values into dense codes: an open-addressing table over the values themselves.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace immstats::store {

// Codes are handed out in first-seen order (0, 1, 2, ...). Looking a value up neither allocates nor copies it;
// only a value seen for the first time is stored.
class StringDictionary {
 public:
  uint32_t Intern(std::string_view value);
  const std::vector<std::string>& values() const { return values_; }
  size_t size() const { return values_.size(); }

 private:
  void Grow();
  std::vector<std::string> values_;
  std::vector<uint32_t> hashes_;  // low 32 bits of each value's hash, by code: cheap mismatch test, rehash
  std::vector<uint32_t> slots_;   // code + 1; 0 = empty
  size_t mask_ = 0;
};

}  // namespace immstats::store
