// IMMSTATS_TRACE phase lines: elapsed time and memory read from /proc/self/status.
#include "base/trace.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace immstats::base {

namespace {

const auto kStart = std::chrono::steady_clock::now();

// The value in kB of a "Name:   123 kB" line of /proc/self/status, or -1.
long StatusKb(const char* status, const char* name) {
  const char* at = std::strstr(status, name);
  if (at == nullptr) return -1;
  return std::strtol(at + std::strlen(name), nullptr, 10);
}

}  // namespace

bool TraceEnabled() {
  static const bool on = [] {
    const char* v = std::getenv("IMMSTATS_TRACE");
    return v != nullptr && *v != '\0' && std::strcmp(v, "0") != 0;
  }();
  return on;
}

void Trace(std::string_view what) {
  if (!TraceEnabled()) return;
  static std::mutex mu;  // one line at a time, and each peak measured from the previous line's reset
  const std::lock_guard<std::mutex> lock(mu);
  char status[4096] = {};
  if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
    const size_t n = std::fread(status, 1, sizeof(status) - 1, f);
    status[n] = '\0';
    std::fclose(f);
  }
  // Reset the peak, so that the next line's peak is the peak since this one.
  if (std::FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
    std::fputs("5", f);
    std::fclose(f);
  }
  const struct mallinfo2 heap = ::mallinfo2();
  const size_t in_use_mb = (heap.uordblks + heap.hblkhd) >> 20, own_mappings_mb = heap.hblkhd >> 20;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - kStart).count();
  std::fprintf(stderr,
               "trace %8.3f anon=%ldMB (malloc: %zuMB in use, %zuMB mapped) file=%ldMB peak since last=%ldMB %.*s\n",
               seconds, StatusKb(status, "RssAnon:") / 1024, in_use_mb, own_mappings_mb,
               StatusKb(status, "RssFile:") / 1024, StatusKb(status, "VmHWM:") / 1024, static_cast<int>(what.size()),
               what.data());
}

}  // namespace immstats::base
