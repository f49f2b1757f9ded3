// Small file-system helpers that report failures as Status values naming the path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "immstats/status.h"

namespace immstats::base {

Status CreateDirectories(const std::filesystem::path& dir);
Status WriteWholeFile(const std::filesystem::path& path, std::string_view bytes);
Result<std::string> ReadWholeFile(const std::filesystem::path& path);
// Reads `path` from start to end into one reused buffer of `chunk` bytes, handing each filled part to `fn`
// (which may stop the read by returning an error). read(2), not a mapping: on machines where a page fault is
// dear (virtual machines), copying cached pages is several times cheaper than faulting them in.
Status ReadFileInChunks(const std::filesystem::path& path, size_t chunk,
                        const std::function<Status(std::span<const uint8_t>)>& fn);
// Removes `path` recursively when it exists.
Status RemoveAll(const std::filesystem::path& path);

// A file opened for sequential appends (buffered by the caller).
class AppendFile {
 public:
  AppendFile() = default;
  AppendFile(const AppendFile&) = delete;
  AppendFile& operator=(const AppendFile&) = delete;
  AppendFile(AppendFile&& other) noexcept;
  AppendFile& operator=(AppendFile&& other) noexcept;
  ~AppendFile();

  static Result<AppendFile> Create(const std::filesystem::path& path);
  Status Write(std::string_view bytes);
  Status Sync();  // fsync: the bytes are on disk when it returns OK
  Status Close();
  const std::filesystem::path& path() const { return path_; }

 private:
  int fd_ = -1;
  std::filesystem::path path_;
};

}  // namespace immstats::base
