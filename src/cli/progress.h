// Progress on stderr: a redrawn bar on a terminal, plain periodic lines otherwise, nothing when quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/ascii.h"

namespace immstats::cli {

class Progress {
 public:
  // `unit` names what Update counts ("cases"); with "bytes" the counts are shown as sizes.
  Progress(std::string label, bool quiet, std::string unit = "cases");
  // Reports `done` of `total` units (cases), `bytes` written so far (negative: no volume to show).
  void Update(int64_t done, int64_t total, int64_t bytes);
  void Finish();

 private:
  std::string label_;
  std::string unit_;
  bool quiet_;
  bool tty_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drew_ = false;
};

// One bar per table, in bytes: a new bar starts when the table changes.
class TableProgress {
 public:
  explicit TableProgress(bool quiet) : quiet_(quiet) {}
  ~TableProgress() { Finish(); }
  void Update(std::string_view table, uint64_t done, uint64_t total);
  void Finish();

 private:
  bool quiet_;
  std::string current_;
  std::unique_ptr<Progress> bar_;
};

// Parses a YYYY-MM-DD option value into a day number; on error prints `command: message` and returns false.
bool ParseDateOption(const char* command, const char* option, const std::string& value, int32_t* out);

// "12,345,678" (the one helper, in base)
using base::GroupThousands;
// "1.2 GB", "345 MB"
std::string HumanBytes(int64_t bytes);
// "a 1, b 2,345" for counts by name; `empty` when there are none.
std::string JoinCounts(const std::map<std::string, int64_t>& counts, std::string_view empty = "-");

}  // namespace immstats::cli
