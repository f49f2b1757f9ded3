// Line splitting, NUL stripping, split-line joining and field-count repair, with no per-field allocation.
#include "ingest/row_reader.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace immstats::ingest {

RowReader::RowReader(RowReaderOptions options, RowFn on_row, RejectFn on_reject)
    : options_(options), on_row_(std::move(on_row)), on_reject_(std::move(on_reject)) {}

RowReader::ScanResult RowReader::Scan(std::string_view s) {
  tabs_.clear();
  ScanResult r;
  const char* d = s.data();
  size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes at a time: a bit mask of the TABs, the NULs and the high bytes of each block.
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i zero = _mm_setzero_si128();
  unsigned nul = 0, high = 0;
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    auto tabs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, tab)));
    nul |= static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, zero)));
    high |= static_cast<unsigned>(_mm_movemask_epi8(x));
    while (tabs != 0) {
      tabs_.push_back(static_cast<uint32_t>(i) + static_cast<uint32_t>(__builtin_ctz(tabs)));
      tabs &= tabs - 1;
    }
  }
  r.nul = nul != 0;
  r.high = high != 0;
#endif
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\t') tabs_.push_back(static_cast<uint32_t>(i));
    r.nul |= c == 0;
    r.high |= c >= 0x80;
  }
  return r;
}

Status RowReader::Feed(std::span<const uint8_t> chunk) {
  const char* p = reinterpret_cast<const char*>(chunk.data());
  const char* end = p + chunk.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (nl == nullptr) {
      if (carry_.empty()) carry_offset_ = offset_;
      carry_.append(p, static_cast<size_t>(end - p));
      offset_ += static_cast<uint64_t>(end - p);
      break;
    }
    const size_t n = static_cast<size_t>(nl - p);
    if (!carry_.empty()) {
      carry_.append(p, n);
      IMMSTATS_RETURN_IF_ERROR(Line(carry_, carry_offset_));
      carry_.clear();
    } else {
      IMMSTATS_RETURN_IF_ERROR(Line(std::string_view(p, n), offset_));
    }
    offset_ += n + 1;
    p = nl + 1;
  }
  return Status::Ok();
}

Status RowReader::Finish() {
  if (!carry_.empty()) {
    IMMSTATS_RETURN_IF_ERROR(Line(carry_, carry_offset_));
    carry_.clear();
  }
  if (has_pending_) {
    has_pending_ = false;
    Scan(pending_);
    IMMSTATS_RETURN_IF_ERROR(Emit(pending_, pending_line_, pending_offset_, 1, pending_fixes_, pending_high_));
  }
  return Status::Ok();
}

Status RowReader::Line(std::string_view line, uint64_t offset) {
  ++line_no_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  uint32_t fixes = kFixNone;
  ScanResult scan = Scan(line);
  if (scan.nul) {
    scratch_.assign(line);
    scratch_.erase(std::remove(scratch_.begin(), scratch_.end(), '\0'), scratch_.end());
    line = scratch_;
    fixes |= kFixNulStripped;
    scan = Scan(line);
  }
  if (line_no_ == 1) {
    size_t pos = 0;
    for (;;) {
      const size_t tab = line.find('\t', pos);
      header_.emplace_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    width_ = header_.size();
    return Status::Ok();
  }
  const size_t n = tabs_.size() + 1;
  if (has_pending_) {
    has_pending_ = false;
    if (pending_fields_ + n - 1 == width_) {  // Q5: a newline inside a field broke the row in two
      joined_.assign(pending_);
      joined_.push_back('\n');
      joined_.append(line);
      Scan(joined_);  // tabs_ describes the joined row
      return Emit(joined_, pending_line_, pending_offset_, 2, pending_fixes_ | fixes | kFixSplitJoined,
                  pending_high_ || scan.high);
    }
    Scan(pending_);  // tabs_ describes the held line
    IMMSTATS_RETURN_IF_ERROR(Emit(pending_, pending_line_, pending_offset_, 1, pending_fixes_, pending_high_));
    Scan(line);  // and `line` again
  }
  if (n < width_) {  // hold it: the next line may complete it
    has_pending_ = true;
    pending_.assign(line);
    pending_line_ = line_no_;
    pending_offset_ = offset;
    pending_fixes_ = fixes;
    pending_fields_ = n;
    pending_high_ = scan.high;
    return Status::Ok();
  }
  return Emit(line, line_no_, offset, 1, fixes, scan.high);
}

Status RowReader::Emit(std::string_view text, int64_t line, uint64_t offset, int physical, uint32_t fixes,
                       bool high) {
  RawRow& row = row_;
  row.line = line;
  row.offset = offset;
  row.physical_lines = physical;
  row.raw = text;
  row.high_bytes = high;
  row.fields.clear();
  // tabs_ holds the TABs of `text`. For a split row the newline stays inside its field (it was data).
  size_t pos = 0;
  for (const uint32_t tab : tabs_) {
    row.fields.push_back(text.substr(pos, tab - pos));
    pos = tab + 1;
  }
  row.fields.push_back(text.substr(pos));
  if (row.fields.size() > width_) {
    const size_t extra = row.fields.size() - width_;
    const bool all_empty = std::all_of(row.fields.begin() + static_cast<ptrdiff_t>(width_), row.fields.end(),
                                       [](std::string_view f) { return f.empty(); });
    if (all_empty) {
      row.fields.resize(width_);
      fixes |= kFixExtraEmptyDropped;
    } else if (options_.text_column >= 0 && static_cast<size_t>(options_.text_column) + extra < row.fields.size()) {
      // Q4: the free-text column was cut by TABs: its pieces become one value again, joined by spaces.
      const size_t c = static_cast<size_t>(options_.text_column);
      const char* b = row.fields[c].data();
      const char* e = row.fields[c + extra].data() + row.fields[c + extra].size();
      rejoined_.assign(b, static_cast<size_t>(e - b));
      std::replace(rejoined_.begin(), rejoined_.end(), '\t', ' ');
      row.fields[c] = rejoined_;
      row.fields.erase(row.fields.begin() + static_cast<ptrdiff_t>(c + 1),
                       row.fields.begin() + static_cast<ptrdiff_t>(c + 1 + extra));
      fixes |= kFixTabRejoined;
    } else {
      row.fixes = fixes;
      return on_reject_(row, "more fields than the header, and the extra ones are not empty");
    }
  } else if (row.fields.size() < width_) {
    row.fields.resize(width_, std::string_view());
    fixes |= kFixShortPadded;
  }
  row.fixes = fixes;
  return on_row_(row);
}

}  // namespace immstats::ingest
