// Splits delimited text into records: quotes, doubled quotes, embedded line breaks, CRLF, a leading BOM.
#include "tabular/delimited.h"

namespace immstats::tabular {

DelimitedReader::DelimitedReader(std::string_view text, DelimitedOptions options)
    : text_(text), options_(options) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool DelimitedReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  record_offset_ = pos_;
  unterminated_ = false;
  std::string field;
  bool at_field_start = true;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (at_field_start && c == '"') {
      // A quoted field: up to the closing quote; "" is one quote.
      ++pos_;
      bool closed = false;
      while (pos_ < text_.size()) {
        const char q = text_[pos_++];
        if (q == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
          } else {
            closed = true;
            break;
          }
        } else {
          if (q == '\n') ++line_;
          field.push_back(q);
        }
      }
      if (!closed) unterminated_ = true;
      at_field_start = false;
      continue;
    }
    at_field_start = false;
    if (c == options_.delimiter) {
      fields->push_back(std::move(field));
      field.clear();
      ++pos_;
      if (options_.skip_space_after_delimiter) {
        while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
      }
      at_field_start = true;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      break;
    }
    field.push_back(c);
    ++pos_;
  }
  fields->push_back(std::move(field));
  return true;
}

std::string TrimField(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace immstats::tabular
