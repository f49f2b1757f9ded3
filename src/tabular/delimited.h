// Splits delimited text (CSV with quotes, pipe files) into records, keeping each record's line and byte offset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace immstats::tabular {

struct DelimitedOptions {
  char delimiter = ',';
  // ICE's published table writes "MEXICO, 128765": a space after each delimiter that is not part of the value.
  bool skip_space_after_delimiter = false;
};

// Reads records from `text` (which must outlive the reader). Quoted fields may hold delimiters, doubled quotes
// and line breaks; CRLF and LF both end a record; a UTF-8 byte-order mark at the start is skipped.
class DelimitedReader {
 public:
  DelimitedReader(std::string_view text, DelimitedOptions options);
  // The next record's fields (unquoted); false at the end of the text.
  bool Next(std::vector<std::string>* fields);
  // Where the record returned last began: 1-based line number and byte offset.
  int64_t line() const { return record_line_; }
  uint64_t offset() const { return record_offset_; }
  // True if the record returned last had a quote that never closed (it then runs to the end of the text).
  bool unterminated_quote() const { return unterminated_; }

 private:
  std::string_view text_;
  DelimitedOptions options_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
  uint64_t record_offset_ = 0;
  bool unterminated_ = false;
};

// The header's column names with surrounding spaces and a byte-order mark removed.
std::string TrimField(std::string_view s);

}  // namespace immstats::tabular
