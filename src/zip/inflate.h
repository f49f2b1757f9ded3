// A Deflate (RFC 1951) and Deflate64 ("enhanced deflate", PKWARE method 9) decoder over an in-memory stream.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "immstats/status.h"

namespace immstats::zip {

enum class DeflateVariant {
  kDeflate,    // 32 KiB window, lengths up to 258
  kDeflate64,  // 64 KiB window, length code 285 = 3 + 16 extra bits, distance codes 30-31
};

// Receives decompressed bytes in order; a non-OK status stops decoding and is returned.
using ByteSink = std::function<Status(std::span<const uint8_t>)>;

struct InflateStats {
  uint64_t consumed = 0;  // compressed bytes read (up to the end of the final block)
  uint64_t produced = 0;  // decompressed bytes handed to the sink
};

// Decodes one raw deflate stream that must end within `input`. Errors are kCorruption with the byte offset
// (relative to the start of `input`) where decoding failed.
// `on_consumed`, when given, learns after each output chunk how many input bytes are behind the decoder.
Result<InflateStats> Inflate(std::span<const uint8_t> input, DeflateVariant variant, const ByteSink& sink,
                             const std::function<void(uint64_t consumed)>& on_consumed = nullptr);

}  // namespace immstats::zip
