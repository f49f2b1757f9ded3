// POSIX implementations of the file helpers; errors carry errno text and the path.
#include "base/file_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

namespace immstats::base {

namespace {
Status Errno(std::string_view what, const std::filesystem::path& path) {
  return Status::IoError(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}
}  // namespace

Status CreateDirectories(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create directory " + dir.string() + ": " + ec.message());
  return Status::Ok();
}

Status WriteWholeFile(const std::filesystem::path& path, std::string_view bytes) {
  auto file = AppendFile::Create(path);
  if (!file.ok()) return file.status();
  IMMSTATS_RETURN_IF_ERROR(file->Write(bytes));
  return file->Close();
}

Status ReadFileInChunks(const std::filesystem::path& path, size_t chunk,
                        const std::function<Status(std::span<const uint8_t>)>& fn) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open " + path.string() + ": " + std::strerror(errno));
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  std::unique_ptr<uint8_t[]> buffer(new uint8_t[chunk]);
  Status st;
  uint64_t offset = 0;
  for (;;) {
    size_t filled = 0;
    while (filled < chunk) {  // fill the whole buffer: callers see the same chunks as from a mapping
      const ssize_t n = ::read(fd, buffer.get() + filled, chunk - filled);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        st = Status::IoError("cannot read " + path.string() + " at byte " + std::to_string(offset + filled) + ": " +
                             std::strerror(errno));
        break;
      }
      if (n == 0) break;
      filled += static_cast<size_t>(n);
    }
    if (!st.ok() || filled == 0) break;
    offset += filled;
    st = fn({buffer.get(), filled});
    if (!st.ok() || filled < chunk) break;
  }
  ::close(fd);
  return st;
}

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status RemoveAll(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
  if (ec) return Status::IoError("cannot remove " + path.string() + ": " + ec.message());
  return Status::Ok();
}

AppendFile::AppendFile(AppendFile&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

AppendFile& AppendFile::operator=(AppendFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

AppendFile::~AppendFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<AppendFile> AppendFile::Create(const std::filesystem::path& path) {
  AppendFile f;
  f.fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (f.fd_ < 0) return Errno("cannot create", path);
  f.path_ = path;
  return f;
}

Status AppendFile::Write(std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == ENOSPC || errno == EDQUOT || errno == EFBIG) {
        return Status::IoError("cannot write " + path_.string() + ": " + std::strerror(errno) +
                               ": free some space (or raise the file size limit) and run again, or give another "
                               "folder; nothing half-written is ever published");
      }
      return Errno("cannot write", path_);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status AppendFile::Sync() {
  if (fd_ >= 0 && ::fsync(fd_) != 0) return Errno("cannot fsync", path_);
  return Status::Ok();
}

Status AppendFile::Close() {
  if (fd_ < 0) return Status::Ok();
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) return Errno("cannot close", path_);
  return Status::Ok();
}

}  // namespace immstats::base
