// Table-driven Huffman decoding with a 64-bit bit buffer; output through a sliding 64 KiB window.
#include "zip/inflate.h"

#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace immstats::zip {

namespace {

constexpr int kMaxBits = 15;
constexpr size_t kWindow = 65536;         // enough for both variants
constexpr size_t kFlushChunk = 1 << 20;   // hand the sink about 1 MiB at a time
constexpr size_t kMaxMatch = 65538;       // Deflate64's longest match (3 + 65535)

constexpr std::array<uint16_t, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<uint32_t, 32> kDistBase = {1,    2,    3,    4,    5,    7,     9,     13,    17,    25,   33,
                                                49,   65,   97,   129,  193,  257,   385,   513,   769,   1025, 1537,
                                                2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769, 49153};
constexpr std::array<uint8_t, 32> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,  6,
                                                7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14};
constexpr std::array<uint8_t, 19> kCodeLengthOrder = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

Status Bad(uint64_t offset, const std::string& what) {
  return Status::Corruption("deflate data invalid at compressed byte " + std::to_string(offset) + ": " + what);
}

// Reads little-endian bit fields; past the end it supplies zeros and counts the overrun.
class BitReader {
 public:
  explicit BitReader(std::span<const uint8_t> in) : begin_(in.data()), p_(in.data()), end_(in.data() + in.size()) {}

  void Refill() {
    if (end_ - p_ >= 8) {
      uint64_t word;
      std::memcpy(&word, p_, 8);
      bits_ |= word << count_;
      p_ += (63 - count_) >> 3;
      count_ |= 56;
      return;
    }
    while (count_ <= 56) {
      uint64_t byte = 0;
      if (p_ < end_) {
        byte = *p_++;
      } else if (++overrun_ > 16) {
        exhausted_ = true;  // well past the end: the stream is truncated
      }
      bits_ |= byte << count_;
      count_ += 8;
    }
  }
  uint32_t Peek(int n) const { return static_cast<uint32_t>(bits_ & ((uint64_t{1} << n) - 1)); }
  void Drop(int n) {
    bits_ >>= n;
    count_ -= n;
  }
  uint32_t Take(int n) {
    if (count_ < n) Refill();
    const uint32_t v = Peek(n);
    Drop(n);
    return v;
  }
  // Bytes consumed so far (bits held but unused are given back).
  uint64_t Consumed() const {
    const int64_t pos = (p_ - begin_) + overrun_ - count_ / 8;
    return static_cast<uint64_t>(pos);
  }
  bool Overran() const { return static_cast<int64_t>(Consumed()) > end_ - begin_; }
  // Drops the bits up to the next byte boundary, empties the buffer and returns the byte position.
  uint64_t AlignAndReset() {
    Drop(count_ % 8);
    const uint64_t pos = Consumed();
    p_ = begin_ + std::min<uint64_t>(pos, static_cast<uint64_t>(end_ - begin_));
    overrun_ = static_cast<int64_t>(pos) - (p_ - begin_);
    bits_ = 0;
    count_ = 0;
    return pos;
  }
  const uint8_t* begin() const { return begin_; }
  size_t size() const { return static_cast<size_t>(end_ - begin_); }
  void SkipTo(uint64_t pos) {
    p_ = begin_ + pos;
    bits_ = 0;
    count_ = 0;
    overrun_ = 0;
  }
  int count() const { return count_; }
  bool exhausted() const { return exhausted_; }

 private:
  const uint8_t* begin_;
  const uint8_t* p_;
  const uint8_t* end_;
  uint64_t bits_ = 0;
  int count_ = 0;
  int64_t overrun_ = 0;
  bool exhausted_ = false;
};

// A full lookup table indexed by the next `bits` input bits: entry = symbol << 4 | code length (0 = invalid).
class Huffman {
 public:
  Status Build(const uint8_t* lengths, int n, uint64_t offset, bool allow_incomplete) {
    std::array<int, kMaxBits + 1> count{};
    bits_ = 0;
    for (int i = 0; i < n; ++i) {
      ++count[lengths[i]];
      bits_ = std::max<int>(bits_, lengths[i]);
    }
    count[0] = 0;
    if (bits_ == 0) {  // no codes at all: any lookup fails
      bits_ = 1;
      table_.assign(2, 0);
      return Status::Ok();
    }
    int left = 1;
    for (int len = 1; len <= kMaxBits; ++len) {
      left = (left << 1) - count[len];
      if (left < 0) return Bad(offset, "over-subscribed Huffman code");
    }
    if (left > 0 && !allow_incomplete) return Bad(offset, "incomplete Huffman code");
    std::array<uint32_t, kMaxBits + 2> next{};
    uint32_t code = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      code = (code + static_cast<uint32_t>(count[len - 1])) << 1;
      next[static_cast<size_t>(len)] = code;
    }
    table_.assign(size_t{1} << bits_, 0);
    for (int sym = 0; sym < n; ++sym) {
      const int len = lengths[sym];
      if (len == 0) continue;
      const uint32_t c = next[static_cast<size_t>(len)]++;
      uint32_t rev = 0;
      for (int i = 0; i < len; ++i) rev |= ((c >> i) & 1u) << (len - 1 - i);
      const uint32_t entry = (static_cast<uint32_t>(sym) << 4) | static_cast<uint32_t>(len);
      for (uint32_t k = rev; k < table_.size(); k += 1u << len) table_[k] = entry;
    }
    return Status::Ok();
  }
  // Decodes one symbol; -1 on an invalid code.
  int Decode(BitReader& br) const {
    if (br.count() < bits_) br.Refill();
    const uint32_t e = table_[br.Peek(bits_)];
    const int len = static_cast<int>(e & 15u);
    if (len == 0) return -1;
    br.Drop(len);
    return static_cast<int>(e >> 4);
  }

 private:
  int bits_ = 0;
  std::vector<uint32_t> table_;
};

class Decoder {
 public:
  Decoder(std::span<const uint8_t> in, DeflateVariant v, const ByteSink& sink,
          const std::function<void(uint64_t)>& on_consumed)
      : br_(in), deflate64_(v == DeflateVariant::kDeflate64), sink_(sink), on_consumed_(on_consumed),
        buf_(kWindow + kFlushChunk + kMaxMatch) {}

  Result<InflateStats> Run() {
    for (bool last = false; !last;) {
      const uint64_t block_at = br_.Consumed();
      last = br_.Take(1) != 0;
      const uint32_t type = br_.Take(2);
      Status st;
      if (type == 0) st = Stored();
      else if (type == 1) st = Fixed();
      else if (type == 2) st = Dynamic(block_at);
      else st = Bad(block_at, "block type 3 is reserved");
      if (!st.ok()) return st;
      if (br_.Overran()) return Bad(br_.size(), "the stream ends before its final block (truncated)");
    }
    IMMSTATS_RETURN_IF_ERROR(Flush());
    return InflateStats{br_.Consumed(), produced_};
  }

 private:
  Status Flush() {
    if (pos_ > flushed_) {
      IMMSTATS_RETURN_IF_ERROR(sink_(std::span<const uint8_t>(buf_.data() + flushed_, pos_ - flushed_)));
      produced_ += pos_ - flushed_;
      flushed_ = pos_;
      if (on_consumed_) on_consumed_(br_.Consumed());
    }
    return Status::Ok();
  }
  // Keeps the last 64 KiB as history once the buffer has a chunk to hand over.
  Status MaybeSlide() {
    if (pos_ < kWindow + kFlushChunk) return Status::Ok();
    IMMSTATS_RETURN_IF_ERROR(Flush());
    std::memmove(buf_.data(), buf_.data() + pos_ - kWindow, kWindow);
    pos_ = kWindow;
    flushed_ = kWindow;
    return Status::Ok();
  }

  Status Stored() {
    const uint64_t at = br_.AlignAndReset();
    if (at + 4 > br_.size()) return Bad(at, "stored block header is truncated");
    const uint8_t* p = br_.begin() + at;
    const uint32_t len = static_cast<uint32_t>(p[0] | (p[1] << 8));
    const uint32_t nlen = static_cast<uint32_t>(p[2] | (p[3] << 8));
    if ((len ^ 0xFFFFu) != nlen) return Bad(at, "stored block length check failed");
    if (at + 4 + len > br_.size()) return Bad(at, "stored block is truncated");
    size_t done = 0;
    while (done < len) {
      const size_t n = std::min<size_t>(len - done, kFlushChunk);
      std::memcpy(buf_.data() + pos_, p + 4 + done, n);
      pos_ += n;
      done += n;
      IMMSTATS_RETURN_IF_ERROR(MaybeSlide());
    }
    br_.SkipTo(at + 4 + len);
    return Status::Ok();
  }

  Status Fixed() {
    static const std::array<Huffman, 2> kTables = [] {
      std::array<Huffman, 2> t;
      std::array<uint8_t, 288> lit{};
      for (int i = 0; i < 288; ++i) lit[static_cast<size_t>(i)] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
      std::array<uint8_t, 32> dist{};
      dist.fill(5);
      (void)t[0].Build(lit.data(), 288, 0, false);
      (void)t[1].Build(dist.data(), 32, 0, false);
      return t;
    }();
    return Codes(kTables[0], kTables[1]);
  }

  Status Dynamic(uint64_t block_at) {
    const int hlit = static_cast<int>(br_.Take(5)) + 257;
    const int hdist = static_cast<int>(br_.Take(5)) + 1;
    const int hclen = static_cast<int>(br_.Take(4)) + 4;
    if (hlit > 286 || hdist > (deflate64_ ? 32 : 30)) return Bad(block_at, "too many length or distance codes");
    std::array<uint8_t, 19> cl{};
    for (int i = 0; i < hclen; ++i) cl[kCodeLengthOrder[static_cast<size_t>(i)]] = static_cast<uint8_t>(br_.Take(3));
    Huffman cl_table;
    IMMSTATS_RETURN_IF_ERROR(cl_table.Build(cl.data(), 19, block_at, false));
    std::array<uint8_t, 286 + 32> lengths{};
    int n = 0;
    while (n < hlit + hdist) {
      const int sym = cl_table.Decode(br_);
      if (sym < 0) return Bad(br_.Consumed(), "invalid code-length code");
      if (sym < 16) {
        lengths[static_cast<size_t>(n++)] = static_cast<uint8_t>(sym);
        continue;
      }
      int repeat = 0;
      uint8_t value = 0;
      if (sym == 16) {
        if (n == 0) return Bad(br_.Consumed(), "repeat with no previous length");
        value = lengths[static_cast<size_t>(n - 1)];
        repeat = 3 + static_cast<int>(br_.Take(2));
      } else if (sym == 17) {
        repeat = 3 + static_cast<int>(br_.Take(3));
      } else {
        repeat = 11 + static_cast<int>(br_.Take(7));
      }
      if (n + repeat > hlit + hdist) return Bad(br_.Consumed(), "code lengths overflow");
      while (repeat-- > 0) lengths[static_cast<size_t>(n++)] = value;
    }
    if (lengths[256] == 0) return Bad(block_at, "no end-of-block code");
    Huffman lit, dist;
    IMMSTATS_RETURN_IF_ERROR(lit.Build(lengths.data(), hlit, block_at, false));
    IMMSTATS_RETURN_IF_ERROR(dist.Build(lengths.data() + hlit, hdist, block_at, /*allow_incomplete=*/true));
    return Codes(lit, dist);
  }

  Status Codes(const Huffman& lit, const Huffman& dist) {
    uint8_t* out = buf_.data();
    for (;;) {
      const int sym = lit.Decode(br_);
      if (sym < 256) {
        if (sym < 0) return Bad(br_.Consumed(), "invalid literal/length code");
        if (br_.exhausted()) return Bad(br_.size(), "the stream ends inside a block (truncated)");
        out[pos_++] = static_cast<uint8_t>(sym);
        if (pos_ >= kWindow + kFlushChunk) IMMSTATS_RETURN_IF_ERROR(MaybeSlide());
        continue;
      }
      if (sym == 256) return Status::Ok();
      const int li = sym - 257;
      if (li >= 29) return Bad(br_.Consumed(), "invalid length symbol " + std::to_string(sym));
      size_t len;
      if (li == 28 && deflate64_) {
        len = 3 + br_.Take(16);
      } else {
        len = kLengthBase[static_cast<size_t>(li)] + br_.Take(kLengthExtra[static_cast<size_t>(li)]);
      }
      const int ds = dist.Decode(br_);
      if (ds < 0 || ds >= (deflate64_ ? 32 : 30)) return Bad(br_.Consumed(), "invalid distance code");
      const size_t d = kDistBase[static_cast<size_t>(ds)] + br_.Take(kDistExtra[static_cast<size_t>(ds)]);
      if (d > pos_) return Bad(br_.Consumed(), "distance " + std::to_string(d) + " reaches before the start");
      uint8_t* dst = out + pos_;
      const uint8_t* src = dst - d;
      if (d >= len) {
        std::memcpy(dst, src, len);
      } else {
        for (size_t i = 0; i < len; ++i) dst[i] = src[i];
      }
      pos_ += len;
      if (pos_ >= kWindow + kFlushChunk) IMMSTATS_RETURN_IF_ERROR(MaybeSlide());
      if (br_.Overran()) return Bad(br_.size(), "the stream ends inside a block (truncated)");
    }
  }

  BitReader br_;
  bool deflate64_;
  const ByteSink& sink_;
  const std::function<void(uint64_t)>& on_consumed_;
  std::vector<uint8_t> buf_;
  size_t pos_ = 0;
  size_t flushed_ = 0;
  uint64_t produced_ = 0;
};

}  // namespace

Result<InflateStats> Inflate(std::span<const uint8_t> input, DeflateVariant variant, const ByteSink& sink,
                             const std::function<void(uint64_t consumed)>& on_consumed) {
  Decoder decoder(input, variant, sink, on_consumed);
  return decoder.Run();
}

}  // namespace immstats::zip
