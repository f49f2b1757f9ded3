// Reads a file as published, whole: plain, or gzip (RFC 1952, several members allowed) with its CRC checked.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "immstats/status.h"

namespace immstats::tabular {

// True if `bytes` starts with the gzip magic number.
bool IsGzip(std::string_view bytes);

// The decompressed bytes of a gzip stream; a truncated or damaged stream is kCorruption naming `name`, the
// byte offset and what to do.
Result<std::string> Gunzip(std::string_view bytes, const std::string& name);

// The file's bytes, decompressed when it is gzip (by content, whatever its name).
Result<std::string> ReadFileMaybeGzip(const std::filesystem::path& path);

}  // namespace immstats::tabular
