// An append-only byte buffer with fast formatting of integers, dates and padded codes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/civil_date.h"

namespace immstats::base {

class TextBuffer {
 public:
  void Reserve(size_t n) { data_.reserve(n); }
  void Clear() { data_.clear(); }
  size_t size() const { return data_.size(); }
  const std::string& str() const { return data_; }
  std::string& mutable_str() { return data_; }

  void Append(std::string_view s) { data_.append(s); }
  void Append(char c) { data_.push_back(c); }
  void AppendInt(int64_t v) {
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = end;
    const bool neg = v < 0;
    uint64_t u = neg ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
    do {
      *--p = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    if (neg) *--p = '-';
    data_.append(p, static_cast<size_t>(end - p));
  }
  // Zero-padded to `width` digits (v must be non-negative).
  void AppendPadded(int64_t v, int width) {
    char buf[24];
    for (int i = width - 1; i >= 0; --i) {
      buf[i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    data_.append(buf, static_cast<size_t>(width));
  }
  // "YYYY-MM-DD 00:00:00.000", the EOIR export's datetime form.
  void AppendEoirDateTime(int32_t days) {
    AppendIsoDate(days);
    data_.append(" 00:00:00.000");
  }
  void AppendIsoDate(int32_t days) {
    const CivilDate c = CivilFromDays(days);
    AppendPadded(c.year, 4);
    data_.push_back('-');
    AppendPadded(c.month, 2);
    data_.push_back('-');
    AppendPadded(c.day, 2);
  }
  // A code right-padded with spaces to `width` (EOIR's char(n) columns, quirk Q6).
  void AppendPaddedCode(std::string_view code, size_t width) {
    data_.append(code);
    if (code.size() < width) data_.append(width - code.size(), ' ');
  }

 private:
  std::string data_;
};

}  // namespace immstats::base
