// A read-only memory map of a whole file (zip archives, raw tables), released on destruction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

#include "immstats/status.h"

namespace immstats::base {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  ~MappedFile();

  // Maps `path` read-only; an empty file maps to an empty span.
  static Result<MappedFile> Open(const std::filesystem::path& path);
  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  // Tells the kernel the bytes [0, end) will not be read again, so their pages leave this process's
  // resident set (they stay in the page cache). Keeps a sequential reader's RSS flat.
  void DoneWith(uint64_t end) const;
  // The same for the whole pages inside [begin, end), keeping no state: readers of different parts of one
  // mapping (two zip entries read on two threads) each drop only their own part.
  void DropRange(uint64_t begin, uint64_t end) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  void Release();
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  mutable uint64_t released_ = 0;  // [0, released_) already given back by DoneWith
  std::filesystem::path path_;
};

}  // namespace immstats::base
