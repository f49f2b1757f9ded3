// Terminal progress rendering and number formatting shared by the CLI commands.
#include "cli/progress.h"

#include "base/civil_date.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace immstats::cli {

std::string HumanBytes(int64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1e9) return fmt::format("{:.2f} GB", b / 1e9);
  if (b >= 1e6) return fmt::format("{:.1f} MB", b / 1e6);
  if (b >= 1e3) return fmt::format("{:.1f} kB", b / 1e3);
  return fmt::format("{} B", bytes);
}

std::string JoinCounts(const std::map<std::string, int64_t>& counts, std::string_view empty) {
  std::string out;
  for (const auto& [name, n] : counts) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, GroupThousands(n));
  return out.empty() ? std::string(empty) : out;
}

Progress::Progress(std::string label, bool quiet, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Update(int64_t done, int64_t total, int64_t bytes) {
  if (quiet_) return;
  const auto now = std::chrono::steady_clock::now();
  const double since_last = std::chrono::duration<double>(now - last_).count();
  if (since_last < (tty_ ? 0.2 : 5.0) && done < total) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double frac = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const double rate = elapsed > 0.05 ? static_cast<double>(bytes) / elapsed : 0;  // no rate from a blink
  const double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0;
  if (tty_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(frac * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '.');
    const std::string count = unit_ == "bytes" ? std::string() : GroupThousands(done) + " " + unit_ + "  ";
    const std::string volume =
        bytes < 0 ? std::string() : HumanBytes(bytes) + "  " + HumanBytes(static_cast<int64_t>(rate)) + "/s  ";
    std::fprintf(stderr, "\r%s [%s] %5.1f%%  %s%sETA %.0fs   ", label_.c_str(), bar.c_str(), frac * 100, count.c_str(),
                 volume.c_str(), eta);
    drew_ = true;
  } else {
    const std::string count = unit_ == "bytes" ? HumanBytes(done) + " of " + HumanBytes(total)
                                               : GroupThousands(done) + " of " + GroupThousands(total) + " " + unit_;
    const std::string volume =
        bytes < 0 ? std::string() : HumanBytes(bytes) + ", " + HumanBytes(static_cast<int64_t>(rate)) + "/s, ";
    std::fprintf(stderr, "%s: %.1f%% (%s, %sETA %.0fs)\n", label_.c_str(), frac * 100, count.c_str(), volume.c_str(), eta);
  }
  std::fflush(stderr);
}

void TableProgress::Update(std::string_view table, uint64_t done, uint64_t total) {
  if (quiet_) return;
  if (table != current_) {
    Finish();
    current_ = std::string(table);
    bar_ = std::make_unique<Progress>(current_, false, "bytes");
  }
  bar_->Update(static_cast<int64_t>(done), static_cast<int64_t>(total), static_cast<int64_t>(done));
}

void TableProgress::Finish() {
  if (bar_) bar_->Finish();
  bar_.reset();
}

bool ParseDateOption(const char* command, const char* option, const std::string& value, int32_t* out) {
  auto d = base::ParseIsoDate(value);
  if (!d) {
    std::fprintf(stderr, "immstats %s: %s '%s' is not a date: write it as YYYY-MM-DD\n", command, option, value.c_str());
    return false;
  }
  *out = *d;
  return true;
}

void Progress::Finish() {
  if (quiet_ || !drew_) return;
  std::fprintf(stderr, "\n");
}

}  // namespace immstats::cli
