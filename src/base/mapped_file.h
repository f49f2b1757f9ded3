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
  const std::filesystem::path& path() const { return path_; }

 private:
  void Release();
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  std::filesystem::path path_;
};

}  // namespace immstats::base
