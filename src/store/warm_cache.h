// For a long-running process answering many queries (the server): column files kept open and their decoded blocks
// kept in memory across queries, so that a repeated read is a copy instead of a map, a checksum and a zstd decode.
// Off unless enabled; a one-shot CLI query has nothing to reuse.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "immstats/status.h"
#include "store/column_file.h"

namespace immstats::store {

class WarmCache {
 public:
  // Turns the cache on for this process, keeping up to `block_bytes` of decoded blocks (least recently used go).
  static void Enable(size_t block_bytes);
  static bool enabled();
  // An open reader of `path`, shared; reopened when the file at `path` is no longer the one opened.
  static Result<std::shared_ptr<const ColumnReader>> Reader(const std::filesystem::path& path);

  // Used by ColumnReader::DecodeBlock for readers handed out here (cache_id != 0).
  static bool CopyBlock(uint64_t cache_id, size_t block, void* dst, size_t bytes);
  static void KeepBlock(uint64_t cache_id, size_t block, const void* data, size_t bytes);
};

}  // namespace immstats::store
