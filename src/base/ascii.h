// ASCII text helpers shared by the modules: lower-casing and grouping digits in thousands.
#pragma once

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace immstats::base {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 2475669 -> "2,475,669".
inline std::string GroupThousands(int64_t v) {
  const std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return v < 0 ? "-" + out : out;
}

}  // namespace immstats::base
