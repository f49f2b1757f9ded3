// Column file encoding: header, framed zstd blocks with XXH64 checksums, dictionary, footer.
#include "store/column_file.h"

#include "store/warm_cache.h"

#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#include <cstring>
#include <memory>

namespace immstats::store {

namespace {

constexpr char kMagic[8] = {'I', 'M', 'S', 'T', 'C', 'O', 'L', '1'};
constexpr char kEndMagic[8] = {'I', 'M', 'S', 'T', 'E', 'N', 'D', '1'};
constexpr size_t kHeaderSize = 16;     // magic + type + 7 reserved
constexpr size_t kBlockHeader = 20;    // rows u32, raw u32, stored u32, xxh64 u64
constexpr int kZstdLevel = 3;

template <typename T>
void Put(std::string& s, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  s.append(b, sizeof(T));
}
template <typename T>
T Get(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

// Bytes per value in a block (kText: the length prefix; its bytes follow all the lengths).
size_t ValueSize(ColumnType t) { return t == ColumnType::kInt64 ? 8 : t == ColumnType::kInt8 ? 1 : 4; }
constexpr uint32_t kNullLength = UINT32_MAX;

}  // namespace

const char* ColumnTypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kInt64: return "int64";
    case ColumnType::kDate: return "date";
    case ColumnType::kString: return "string";
    case ColumnType::kInt8: return "int8";
    case ColumnType::kText: return "text";
  }
  return "unknown";
}

Result<ColumnWriter> ColumnWriter::Create(const std::filesystem::path& path, ColumnType type) {
  auto f = base::AppendFile::Create(path);
  if (!f.ok()) return f.status();
  ColumnWriter w;
  w.file_ = std::move(f).value();
  w.type_ = type;
  std::string header(kMagic, sizeof kMagic);
  header.push_back(static_cast<char>(type));
  header.append(7, '\0');
  IMMSTATS_RETURN_IF_ERROR(w.file_.Write(header));
  w.offset_ = header.size();
  w.pending_.reserve(kRowsPerBlock * ValueSize(type));
  return w;
}

void ColumnWriter::AppendString(std::optional<std::string_view> v) {
  if (type_ == ColumnType::kText) {
    Put<uint32_t>(pending_, v ? static_cast<uint32_t>(v->size()) : kNullLength);
    if (v) pending_text_.append(*v);
    ++pending_rows_;
    ++rows_;
    return;
  }
  Put(pending_, v ? dict_.Intern(*v) : kNullCode);
  ++pending_rows_;
  ++rows_;
}

// One compression context and output buffer per thread, reused block after block: a fresh context per
// block cost a large zeroed allocation each time (a fifth of an ingest's CPU went to zstd with it).
struct Compressor {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  std::unique_ptr<char[]> out;
  size_t capacity = 0;
  ~Compressor() { ZSTD_freeCCtx(cctx); }
  char* Buffer(size_t n) {
    if (n > capacity) {
      out.reset(new char[n]);  // not zero-filled: zstd writes what it returns
      capacity = n;
    }
    return out.get();
  }
};

Status ColumnWriter::WriteBlock(std::string_view raw, uint32_t rows) {
  thread_local Compressor z;
  if (z.cctx == nullptr) return Status::Internal("zstd: cannot create a compression context (out of memory?)");
  const size_t bound = ZSTD_compressBound(raw.size());
  char* stored = z.Buffer(bound);
  const size_t n = ZSTD_compressCCtx(z.cctx, stored, bound, raw.data(), raw.size(), kZstdLevel);
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  std::string frame;
  Put<uint32_t>(frame, rows);
  Put<uint32_t>(frame, static_cast<uint32_t>(raw.size()));
  Put<uint32_t>(frame, static_cast<uint32_t>(n));
  Put<uint64_t>(frame, XXH64(stored, n, 0));
  IMMSTATS_RETURN_IF_ERROR(file_.Write(frame));
  IMMSTATS_RETURN_IF_ERROR(file_.Write(std::string_view(stored, n)));
  blocks_.push_back({offset_, rows});
  offset_ += frame.size() + n;
  return Status::Ok();
}

Status ColumnWriter::FlushBlock() {
  if (type_ == ColumnType::kText) pending_ += pending_text_;
  IMMSTATS_RETURN_IF_ERROR(WriteBlock(pending_, pending_rows_));
  pending_.clear();
  pending_text_.clear();
  pending_rows_ = 0;
  return Status::Ok();
}

Status ColumnWriter::Finish() {
  if (pending_rows_ > 0) {
    if (type_ == ColumnType::kText) pending_ += pending_text_;
    IMMSTATS_RETURN_IF_ERROR(WriteBlock(pending_, pending_rows_));
    pending_.clear();
    pending_text_.clear();
    pending_rows_ = 0;
  }
  uint64_t dict_offset = 0;
  if (type_ == ColumnType::kString) {
    std::string raw;
    Put<uint32_t>(raw, static_cast<uint32_t>(dict_.size()));
    for (const auto& s : dict_.values()) {
      Put<uint32_t>(raw, static_cast<uint32_t>(s.size()));
      raw += s;
    }
    dict_offset = offset_;
    IMMSTATS_RETURN_IF_ERROR(WriteBlock(raw, static_cast<uint32_t>(dict_.size())));
    blocks_.pop_back();  // the dictionary is not a data block
  }
  std::string footer;
  Put<uint64_t>(footer, rows_);
  Put<uint32_t>(footer, static_cast<uint32_t>(blocks_.size()));
  for (const auto& [off, rows] : blocks_) {
    Put<uint64_t>(footer, off);
    Put<uint32_t>(footer, rows);
  }
  Put<uint64_t>(footer, dict_offset);
  const uint64_t footer_offset = offset_;
  const uint64_t footer_hash = XXH64(footer.data(), footer.size(), 0);
  Put<uint64_t>(footer, footer_hash);
  Put<uint64_t>(footer, footer_offset);
  footer.append(kEndMagic, sizeof kEndMagic);
  IMMSTATS_RETURN_IF_ERROR(file_.Write(footer));
  IMMSTATS_RETURN_IF_ERROR(file_.Sync());
  return file_.Close();
}

Result<ColumnReader> ColumnReader::Open(const std::filesystem::path& path) {
  auto m = base::MappedFile::Open(path);
  if (!m.ok()) return m.status();
  ColumnReader r;
  r.file_ = std::move(m).value();
  const auto bytes = r.file_.bytes();
  const uint8_t* d = bytes.data();
  const size_t n = bytes.size();
  auto corrupt = [&](const std::string& what, uint64_t at) {
    return Status::Corruption("column file " + path.string() + ": " + what + " (at byte " + std::to_string(at) +
                              "); run `immstats store verify` and re-ingest the release if it is damaged");
  };
  if (n < kHeaderSize + 24 || std::memcmp(d, kMagic, 7) != 0) return corrupt("not an immstats column file", 0);
  if (d[7] != kMagic[7]) {
    return Status::FailedPrecondition("column file " + path.string() + " has format version " +
                                      std::string(1, static_cast<char>(d[7])) +
                                      "; this immstats reads version 1: re-ingest the release with this version");
  }
  if (d[8] < 1 || d[8] > 5) return corrupt("unknown column type " + std::to_string(d[8]), 8);
  r.type_ = static_cast<ColumnType>(d[8]);
  if (std::memcmp(d + n - 8, kEndMagic, 8) != 0) return corrupt("no end marker (the file is truncated)", n - 8);
  const uint64_t footer_offset = Get<uint64_t>(d + n - 16);
  const uint64_t footer_hash = Get<uint64_t>(d + n - 24);
  if (footer_offset >= n - 24) return corrupt("footer offset out of range", n - 16);
  const size_t footer_len = n - 24 - footer_offset;
  if (XXH64(d + footer_offset, footer_len, 0) != footer_hash) return corrupt("footer checksum mismatch", footer_offset);
  const uint8_t* f = d + footer_offset;
  r.rows_ = Get<uint64_t>(f);
  const uint32_t nblocks = Get<uint32_t>(f + 8);
  if (12 + static_cast<size_t>(nblocks) * 12 + 8 != footer_len) return corrupt("footer size mismatch", footer_offset);
  for (uint32_t b = 0; b < nblocks; ++b) {
    r.blocks_.push_back({Get<uint64_t>(f + 12 + b * 12), Get<uint32_t>(f + 12 + b * 12 + 8)});
  }
  const uint64_t dict_offset = Get<uint64_t>(f + 12 + static_cast<size_t>(nblocks) * 12);
  if (r.type_ == ColumnType::kString) {
    r.blocks_.push_back({dict_offset, 0});
    std::string raw;
    const Status st = r.ReadRaw(r.blocks_.size() - 1, &raw);
    r.blocks_.pop_back();
    IMMSTATS_RETURN_IF_ERROR(st);
    const uint8_t* p = reinterpret_cast<const uint8_t*>(raw.data());
    const uint32_t count = Get<uint32_t>(p);
    size_t pos = 4;
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t len = Get<uint32_t>(p + pos);
      r.dict_.emplace_back(raw.data() + pos + 4, len);
      pos += 4 + len;
    }
  }
  return r;
}

Result<ColumnReader::Frame> ColumnReader::CheckFrame(size_t b) const {
  const auto bytes = file_.bytes();
  const uint64_t off = blocks_.at(b).first;
  auto corrupt = [&](const std::string& what) {
    return Status::Corruption("column file " + file_.path().string() + ", block " + std::to_string(b) + " at byte " +
                              std::to_string(off) + ": " + what);
  };
  if (off + kBlockHeader > bytes.size()) return corrupt("block header out of range");
  const uint8_t* p = bytes.data() + off;
  Frame f{Get<uint32_t>(p), Get<uint32_t>(p + 4), Get<uint32_t>(p + 8), p + kBlockHeader};
  if (off + kBlockHeader + f.stored_size > bytes.size()) return corrupt("block runs past the end of the file");
  if (XXH64(f.stored, f.stored_size, 0) != Get<uint64_t>(p + 12)) return corrupt("checksum mismatch: the block is damaged");
  return f;
}

Status ColumnReader::Decompress(size_t b, const Frame& f, void* dst) const {
  const size_t n = ZSTD_decompress(dst, f.raw_size, f.stored, f.stored_size);
  if (ZSTD_isError(n) || n != f.raw_size) {
    return Status::Corruption("column file " + file_.path().string() + ", block " + std::to_string(b) + " at byte " +
                              std::to_string(blocks_.at(b).first) + ": zstd cannot decode the block");
  }
  return Status::Ok();
}

Status ColumnReader::DecodeBlock(size_t b, void* dst, size_t dst_bytes) const {
  if (type_ == ColumnType::kText) return Status::Internal("DecodeBlock: a text column has no fixed-width values");
  if (cache_id_ != 0 && WarmCache::CopyBlock(cache_id_, b, dst, dst_bytes)) return Status::Ok();
  auto f = CheckFrame(b);
  if (!f.ok()) return f.status();
  if (f->rows != blocks_[b].second || f->raw_size != f->rows * ValueSize(type_)) {
    return Status::Corruption("column file " + file_.path().string() + ", block " + std::to_string(b) +
                              ": block header disagrees with the footer");
  }
  if (dst_bytes < f->raw_size) return Status::Internal("DecodeBlock: destination too small");
  IMMSTATS_RETURN_IF_ERROR(Decompress(b, *f, dst));
  if (cache_id_ != 0) WarmCache::KeepBlock(cache_id_, b, dst, f->raw_size);
  return Status::Ok();
}

void ColumnReader::DropPages(size_t first, size_t last) const {
  if (first > last || first >= blocks_.size()) return;
  const uint64_t end = last + 1 < blocks_.size() ? blocks_[last + 1].first : file_.bytes().size();
  file_.DropRange(blocks_[first].first, end);
}

Status ColumnReader::ReadRaw(size_t b, std::string* raw) const {
  auto f = CheckFrame(b);
  if (!f.ok()) return f.status();
  raw->resize(f->raw_size);
  return Decompress(b, *f, raw->data());
}

namespace {
// Appends block `b` of fixed-width values to `out`, decoded in place.
template <typename T>
Status AppendBlock(const ColumnReader& c, size_t b, std::vector<T>* out) {
  const size_t at = out->size(), n = c.BlockRows(b);
  out->resize(at + n);
  return c.DecodeBlock(b, out->data() + at, n * sizeof(T));
}
}  // namespace

Status ColumnReader::ReadInts(size_t b, std::vector<int64_t>* out) const { return AppendBlock(*this, b, out); }
Status ColumnReader::ReadDates(size_t b, std::vector<int32_t>* out) const { return AppendBlock(*this, b, out); }
Status ColumnReader::ReadCodes(size_t b, std::vector<uint32_t>* out) const { return AppendBlock(*this, b, out); }
Status ColumnReader::ReadInt8s(size_t b, std::vector<int8_t>* out) const { return AppendBlock(*this, b, out); }

Status ColumnReader::ReadTexts(size_t b, std::vector<std::optional<std::string>>* values) const {
  std::string raw;
  IMMSTATS_RETURN_IF_ERROR(ReadRaw(b, &raw));
  const uint32_t rows = blocks_.at(b).second;
  auto corrupt = [&]() {
    return Status::Corruption("column file " + file_.path().string() + ", block " + std::to_string(b) +
                              ": the text lengths disagree with the block's size");
  };
  if (raw.size() < size_t{rows} * 4) return corrupt();
  size_t pos = size_t{rows} * 4;
  for (uint32_t i = 0; i < rows; ++i) {
    const uint32_t len = Get<uint32_t>(reinterpret_cast<const uint8_t*>(raw.data()) + size_t{i} * 4);
    if (len == kNullLength) {
      values->emplace_back(std::nullopt);
      continue;
    }
    if (pos + len > raw.size()) return corrupt();
    values->emplace_back(raw.substr(pos, len));
    pos += len;
  }
  if (pos != raw.size()) return corrupt();
  return Status::Ok();
}

Status ColumnReader::Verify() const {
  std::vector<uint8_t> raw;
  std::vector<std::optional<std::string>> texts;
  for (size_t b = 0; b < blocks_.size(); ++b) {
    if (type_ == ColumnType::kText) {
      texts.clear();
      IMMSTATS_RETURN_IF_ERROR(ReadTexts(b, &texts));
      continue;
    }
    raw.resize(size_t{blocks_[b].second} * ValueSize(type_));
    IMMSTATS_RETURN_IF_ERROR(DecodeBlock(b, raw.data(), raw.size()));
  }
  return Status::Ok();
}

}  // namespace immstats::store
