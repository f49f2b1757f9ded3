// Phase trace for diagnosing time and memory: with IMMSTATS_TRACE set, each Trace() call prints a line to stderr.
#pragma once

#include <string_view>

namespace immstats::base {

// True when the environment variable IMMSTATS_TRACE is set to anything but "" or "0" (read once).
bool TraceEnabled();

// When tracing, prints "trace <seconds since start> anon=<MB> file=<MB> peak since last=<MB> <what>" to stderr: the
// process's resident memory now, anonymous (RssAnon) and file-backed (RssFile: mapped store and release files),
// and its peak resident set (VmHWM) since the previous line (tracing resets it through /proc/self/clear_refs).
// Does nothing otherwise.
void Trace(std::string_view what);

}  // namespace immstats::base
