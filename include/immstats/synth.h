// Public API of the EOIR release generator (`immstats synth eoir`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "immstats/status.h"

namespace immstats {

struct SynthProgress {
  int64_t cases_done = 0;
  int64_t cases_total = 0;
  int64_t bytes_written = 0;
};

struct SynthOptions {
  enum class Quirks { kNone, kRealistic };
  enum class Zip { kNone, kDeflate, kDeflate64 };
  enum class Tables { kCore, kAll };

  std::filesystem::path out_dir;
  double scale = 0.001;            // 1.0 = the size of a 2026 release (about 12.8M cases)
  uint64_t seed = 1;
  std::string as_of = "2026-10-01";  // the release is the world as seen on this date
  Quirks quirks = Quirks::kRealistic;
  Zip zip = Zip::kNone;
  Tables tables = Tables::kCore;
  std::string top_folder;          // empty: chosen from the seed among the names seen in real releases
  int threads = 0;                 // 0: all cores
  std::function<void(const SynthProgress&)> on_progress;  // called from the writing thread
};

struct SynthTableSummary {
  std::string name;
  std::filesystem::path file;  // relative to the output folder (inside the zip when zipped)
  int64_t rows = 0;            // records written (the Count.txt figure)
  int64_t lines = 0;           // physical data lines (rows + split-line continuations)
  int64_t bytes = 0;
};

struct SynthSummary {
  std::filesystem::path release_dir;  // folder holding the tables (empty when zipped)
  std::filesystem::path zip_path;     // the zip, when one was asked for
  std::filesystem::path truth_path;   // synth-truth.json
  std::string top_folder;
  std::vector<SynthTableSummary> tables;
  std::map<std::string, int64_t> quirk_counts;
  int64_t total_bytes = 0;
  int64_t pending_proceedings = 0;
  int64_t proceedings = 0;
  double seconds = 0;
};

// Writes a release into options.out_dir (which must be empty or absent).
Result<SynthSummary> GenerateEoirRelease(const SynthOptions& options);

}  // namespace immstats
