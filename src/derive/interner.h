// The derive's shared string dictionary: values from several tables and passes as one set of codes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/column_file.h"

namespace immstats::derive {

// String values re-coded into one dictionary, so that codes from several tables and passes compare.
class Interner {
 public:
  uint32_t Intern(std::string_view s) {
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    const auto code = static_cast<uint32_t>(values_.size());
    values_.emplace_back(s);
    index_.emplace(values_.back(), code);
    return code;
  }
  // Maps a column dictionary into this one (store::kNullCode stays null).
  std::vector<uint32_t> Map(const std::vector<std::string>& dict) {
    std::vector<uint32_t> out;
    out.reserve(dict.size());
    for (const auto& s : dict) out.push_back(Intern(s));
    return out;
  }
  std::optional<std::string_view> Value(uint32_t code) const {
    if (code == store::kNullCode) return std::nullopt;
    return values_[code];
  }

 private:
  std::map<std::string, uint32_t, std::less<>> index_;
  std::vector<std::string> values_;
};

}  // namespace immstats::derive
