// Phase trace for diagnosing time and memory: with IMMSTATS_TRACE set, each Trace() call prints a line to stderr.
#pragma once

#include <string_view>

namespace immstats::base {

// True when the environment variable IMMSTATS_TRACE is set to anything but "" or "0" (read once).
bool TraceEnabled();

// When tracing, prints "trace <seconds> anon=<MB> (malloc: <MB> in use, <MB> mapped) file=<MB> peak since last=<MB>
// <what>" to stderr: seconds since the process started; resident memory now, anonymous (RssAnon) and file-backed
// (RssFile: mapped store and release files); malloc's bytes in use, of which in their own mappings (reserved
// vectors count in full there, though untouched pages are not resident); the peak resident set (VmHWM) since the
// previous line, which tracing resets through /proc/self/clear_refs. Does nothing otherwise.
void Trace(std::string_view what);

}  // namespace immstats::base
