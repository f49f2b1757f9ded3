// Physical lines to rows of exactly the header's width: the structural repairs of quirks Q3, Q4 and Q5.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "immstats/status.h"

namespace immstats::ingest {

// Repairs applied to one row (bit flags).
enum RowFix : uint32_t {
  kFixNone = 0,
  kFixNulStripped = 1u << 0,      // Q3: NUL bytes removed
  kFixExtraEmptyDropped = 1u << 1,  // Q4a: trailing empty extra fields dropped
  kFixTabRejoined = 1u << 2,      // Q4: a TAB inside the free-text column turned back into a space
  kFixShortPadded = 1u << 3,      // Q5: missing trailing fields read as NULL
  kFixSplitJoined = 1u << 4,      // Q5: a row broken over two lines joined again
};

struct RawRow {
  int64_t line = 0;       // 1-based physical line where the row starts (the header is line 1)
  uint64_t offset = 0;    // byte offset of that line in the file
  int physical_lines = 1;
  uint32_t fixes = kFixNone;
  std::vector<std::string_view> fields;  // exactly `width` fields (valid only during the callback)
  std::string_view raw;   // the bytes as read, for the rejects file (valid only during the callback)
  bool high_bytes = false;  // some byte >= 0x80 (a field may need decoding from cp1252); false: all ASCII
};

struct RowReaderOptions {
  int text_column = -1;  // the free-text column where an embedded TAB is rejoined (-1: none)
};

// Fed with a file's bytes in chunks of any size; calls `on_row` for each repaired-or-clean row and
// `on_reject` for a row it cannot make whole. The first line is the header.
class RowReader {
 public:
  using RowFn = std::function<Status(const RawRow&)>;
  using RejectFn = std::function<Status(const RawRow&, std::string_view reason)>;

  RowReader(RowReaderOptions options, RowFn on_row, RejectFn on_reject);

  Status Feed(std::span<const uint8_t> chunk);
  Status Finish();  // the last line may lack its newline

  const std::vector<std::string>& header() const { return header_; }
  int64_t physical_lines() const { return line_no_; }

 private:
  Status Line(std::string_view line, uint64_t offset);
  // `text` as one row; tabs_ must hold its TABs (Scan(text)), `high` whether it has a byte >= 0x80.
  Status Emit(std::string_view text, int64_t line, uint64_t offset, int physical, uint32_t fixes, bool high);
  // One pass over `s`: the offsets of its TABs into tabs_, and whether it holds a NUL or a byte >= 0x80.
  struct ScanResult {
    bool nul = false;
    bool high = false;
  };
  ScanResult Scan(std::string_view s);

  RowReaderOptions options_;
  RowFn on_row_;
  RejectFn on_reject_;
  std::vector<std::string> header_;
  size_t width_ = 0;
  std::string carry_;           // a line not yet ended by '\n'
  uint64_t carry_offset_ = 0;
  uint64_t offset_ = 0;         // bytes fed so far
  int64_t line_no_ = 0;
  // A short line held back to see whether the next one completes it (Q5).
  bool has_pending_ = false;
  std::string pending_;
  int64_t pending_line_ = 0;
  uint64_t pending_offset_ = 0;
  uint32_t pending_fixes_ = 0;
  size_t pending_fields_ = 0;  // its field count and whether it has a byte >= 0x80 (from its Scan)
  bool pending_high_ = false;
  std::string scratch_, joined_, rejoined_;  // NUL-stripped line, joined split row, rejoined text field
  std::vector<uint32_t> tabs_;  // TAB offsets in the text being read (Scan)
  RawRow row_;
};

}  // namespace immstats::ingest
