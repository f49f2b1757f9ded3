// Orchestrates a generated release: parallel chunk formatting, ordered writing, Count.txt, truth file, zip.
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "base/civil_date.h"
#include "base/file_util.h"
#include "base/subprocess.h"
#include "eoir/schema.h"
#include "immstats/synth.h"
#include "immstats/version.h"
#include "synth/chunk_formatter.h"
#include "synth/lookup_files.h"
#include "synth/world.h"

namespace immstats {

namespace {

namespace fs = std::filesystem;
using synth::ChunkOutput;
using synth::QuirkKind;
using synth::QuirkRecord;

constexpr int64_t kBlocksPerChunk = 1024;  // 4,096 cases: a few MB of text per chunk
constexpr int32_t kWorldAnchor = 20'727;   // 2026-10-01: scale 1.0 means 12.8M cases on this date
constexpr double kRowsPerCase[synth::kTableCount] = {1.0, 1.3, 1.25, 3.7, 2.0, 0.8, 0.12, 2.0, 0.2,
                                                     0.5, 0.13, 0.05, 0.003, 0.002, 0.03, 0.05, 0.07, 0.005};

std::string TopFolderFor(uint64_t seed, int32_t as_of) {
  const base::CivilDate d = base::CivilFromDays(as_of);
  switch (seed % 4) {
    case 0: return "EOIR Case Data";
    case 1: return fmt::format("FOIA TRAC Report {:04}{:02}{:02}", d.year, d.month, d.day);
    case 2: return "Data";
    default: return fmt::format("EOIR Case Data {:04}-{:02}{:02}/EOIR Case Data", d.year, d.month, d.day);
  }
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Gives every file below `dir` the same modification time, so that zips of equal content are equal bytes.
void StampTimes(const fs::path& dir, int32_t day) {
  const time_t t = static_cast<time_t>(day) * 86400 + 12 * 3600;
  struct timespec times[2] = {{t, 0}, {t, 0}};
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    ::utimensat(AT_FDCWD, it->path().c_str(), times, 0);
  }
  ::utimensat(AT_FDCWD, dir.c_str(), times, 0);
}

class ReleaseWriter {
 public:
  explicit ReleaseWriter(const SynthOptions& options) : opt_(options) {}
  Result<SynthSummary> Run();

 private:
  Status Validate();
  Status WriteTables(const synth::World& world, const fs::path& table_dir);
  Status WriteTruth(const fs::path& path, const std::vector<synth::LookupQuirk>& lookup_quirks);
  Status Zip(const fs::path& staging_root);

  SynthOptions opt_;
  int32_t as_of_ = 0;
  std::vector<int> table_slots_;  // which MainTables() entries this release holds
  std::vector<base::AppendFile> files_;
  std::vector<int64_t> rows_, lines_, bytes_;
  std::vector<QuirkRecord> quirks_;
  std::vector<std::pair<int, std::string>> header_quirks_;  // table slot, column name (Q16)
  std::vector<std::vector<std::string>> headers_;           // per table slot, as written
  SynthSummary summary_;
};

Status ReleaseWriter::Validate() {
  if (opt_.out_dir.empty()) return Status::InvalidArgument("--out is required: the folder to write the release into");
  if (!(opt_.scale > 0) || opt_.scale > 4) {
    return Status::InvalidArgument(fmt::format("--scale {} is out of range: use a number in (0, 4]; 1.0 is the size "
                                               "of a real release (about 12.8M cases)", opt_.scale));
  }
  auto as_of = base::ParseIsoDate(opt_.as_of);
  if (!as_of) return Status::InvalidArgument("--as-of '" + opt_.as_of + "' is not a date: write it as YYYY-MM-DD");
  as_of_ = *as_of;
  if (as_of_ < base::DaysFromCivil(2001, 1, 1) || as_of_ > base::DaysFromCivil(2028, 9, 30)) {
    return Status::InvalidArgument("--as-of " + opt_.as_of + " is outside the generated world: pick a date from "
                                   "2001-01-01 to 2028-09-30");
  }
  std::error_code ec;
  if (fs::exists(opt_.out_dir, ec) && !fs::is_empty(opt_.out_dir, ec)) {
    return Status::InvalidArgument("--out " + opt_.out_dir.string() +
                                   " is not empty: give a new or empty folder (nothing is overwritten)");
  }
  if (opt_.threads < 0) return Status::InvalidArgument("--threads must be 0 (all cores) or more");
  return Status::Ok();
}

Status ReleaseWriter::WriteTables(const synth::World& world, const fs::path& table_dir) {
  const auto tables = eoir::MainTables();
  const bool sex_header = as_of_ >= base::DaysFromCivil(2026, 1, 1);
  for (size_t t = 0; t < tables.size(); ++t) {
    if (!tables[t].core && opt_.tables != SynthOptions::Tables::kAll) continue;
    table_slots_.push_back(static_cast<int>(t));
  }
  files_.resize(tables.size());
  headers_.resize(tables.size());
  rows_.assign(tables.size(), 0);
  lines_.assign(tables.size(), 0);
  bytes_.assign(tables.size(), 0);
  for (int t : table_slots_) {
    auto f = base::AppendFile::Create(table_dir / tables[static_cast<size_t>(t)].file_name);
    if (!f.ok()) return f.status();
    files_[static_cast<size_t>(t)] = std::move(f).value();
    std::string header;
    for (const auto& col : tables[static_cast<size_t>(t)].columns) {
      std::string name(col);
      if (t == synth::kCaseTable && col == "GENDER" && sex_header) {
        name = "Sex";  // Q16: the 2026 releases' name for GENDER
        header_quirks_.push_back({t, name});
      }
      if (!header.empty()) header += '\t';
      header += name;
      headers_[static_cast<size_t>(t)].push_back(std::move(name));
    }
    header += '\n';
    IMMSTATS_RETURN_IF_ERROR(files_[static_cast<size_t>(t)].Write(header));
    bytes_[static_cast<size_t>(t)] += static_cast<int64_t>(header.size());
  }

  synth::FormatSettings settings;
  settings.seed = opt_.seed;
  // A release dated D was extracted on D: it holds what was entered up to the day before.
  settings.as_of = as_of_ - 1;
  settings.quirks = opt_.quirks == SynthOptions::Quirks::kRealistic;
  settings.all_tables = opt_.tables == SynthOptions::Tables::kAll;
  const int64_t arrived = world.CasesArrivedBy(settings.as_of);
  for (int t = 0; t < synth::kTableCount; ++t) {
    const double expected = std::max(1.0, static_cast<double>(arrived) * kRowsPerCase[t]);
    settings.rate_floor.push_back(settings.quirks ? std::min(0.01, 8.0 / expected) : 0.0);
  }
  const synth::ChunkFormatter formatter(world, settings);
  const int64_t total_blocks = world.total_cases() / synth::kCasesPerBlock;
  const int64_t blocks = std::min(total_blocks, arrived / synth::kCasesPerBlock + 1);
  const int64_t n_chunks = (blocks + kBlocksPerChunk - 1) / kBlocksPerChunk;

  const int threads = opt_.threads > 0 ? opt_.threads : std::max(1u, std::thread::hardware_concurrency());
  const int64_t max_ahead = 2 * threads + 1;
  std::mutex mu;
  std::condition_variable ready_cv, room_cv;
  std::map<int64_t, std::unique_ptr<ChunkOutput>> ready;
  std::atomic<int64_t> next{0};
  int64_t written = 0;
  bool stop = false;

  auto worker = [&] {
    std::vector<synth::CaseLife> lives;
    std::vector<synth::CaseLife> block;
    for (;;) {
      const int64_t c = next.fetch_add(1);
      if (c >= n_chunks) return;
      {
        std::unique_lock lock(mu);
        room_cv.wait(lock, [&] { return stop || c < written + max_ahead; });
        if (stop) return;
      }
      auto out = std::make_unique<ChunkOutput>();
      const int64_t b_end = std::min(blocks, (c + 1) * kBlocksPerChunk);
      for (int64_t b = c * kBlocksPerChunk; b < b_end; ++b) {
        world.GenerateBlock(b, &block);
        formatter.Append(block, out.get());
      }
      std::lock_guard lock(mu);
      ready.emplace(c, std::move(out));
      ready_cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(worker);

  Status status;
  for (int64_t c = 0; c < n_chunks && status.ok(); ++c) {
    std::unique_ptr<ChunkOutput> out;
    {
      std::unique_lock lock(mu);
      ready_cv.wait(lock, [&] { return ready.count(c) != 0; });
      out = std::move(ready[c]);
      ready.erase(c);
    }
    for (const QuirkRecord& q : out->quirks) {
      QuirkRecord g = q;
      g.line = 2 + lines_[q.table] + q.line;  // line 1 is the header
      quirks_.push_back(g);
    }
    for (int t : table_slots_) {
      auto& tc = out->tables[static_cast<size_t>(t)];
      status = files_[static_cast<size_t>(t)].Write(tc.buf.str());
      if (!status.ok()) break;
      rows_[static_cast<size_t>(t)] += tc.rows;
      lines_[static_cast<size_t>(t)] += tc.lines;
      bytes_[static_cast<size_t>(t)] += static_cast<int64_t>(tc.buf.size());
    }
    summary_.proceedings += out->proceedings;
    summary_.pending_proceedings += out->pending;
    {
      std::lock_guard lock(mu);
      written = c + 1;
      room_cv.notify_all();
    }
    if (opt_.on_progress) {
      int64_t total_bytes = 0;
      for (int64_t b : bytes_) total_bytes += b;
      opt_.on_progress(SynthProgress{std::min(arrived, (c + 1) * kBlocksPerChunk * synth::kCasesPerBlock), arrived,
                                     total_bytes});
    }
  }
  {
    std::lock_guard lock(mu);
    stop = true;
    room_cv.notify_all();
  }
  for (auto& th : pool) th.join();
  IMMSTATS_RETURN_IF_ERROR(status);
  for (int t : table_slots_) IMMSTATS_RETURN_IF_ERROR(files_[static_cast<size_t>(t)].Close());

  std::string count_txt;
  for (int t : table_slots_) {
    count_txt += fmt::format("{}\t{}\n", tables[static_cast<size_t>(t)].name, rows_[static_cast<size_t>(t)]);
  }
  return base::WriteWholeFile(table_dir / "Count.txt", count_txt);
}

Status ReleaseWriter::WriteTruth(const fs::path& path, const std::vector<synth::LookupQuirk>& lookup_quirks) {
  const auto tables = eoir::MainTables();
  std::stable_sort(quirks_.begin(), quirks_.end(), [](const QuirkRecord& a, const QuirkRecord& b) {
    return a.table != b.table ? a.table < b.table : a.line < b.line;
  });
  std::map<std::string, int64_t> totals;
  std::vector<std::map<std::string, int64_t>> per_table(tables.size());
  for (const auto& q : quirks_) {
    const std::string name(synth::InfoOf(q.kind).name);
    totals[name] += 1;
    per_table[q.table][name] += 1;
  }
  for (const auto& hq : header_quirks_) {
    totals["column_alias"] += 1;
    per_table[static_cast<size_t>(hq.first)]["column_alias"] += 1;
  }
  for (const auto& lq : lookup_quirks) totals[std::string(synth::InfoOf(lq.kind).name)] += 1;

  auto file = base::AppendFile::Create(path);
  if (!file.ok()) return file.status();
  std::string out;
  out += "{\n";
  out += fmt::format("  \"generator\": \"immstats synth eoir\",\n  \"version\": \"{}\",\n", kVersion);
  out += fmt::format("  \"seed\": {},\n  \"scale\": {},\n  \"as_of\": \"{}\",\n", opt_.seed, opt_.scale,
                     base::FormatIsoDate(as_of_));
  out += fmt::format("  \"quirks_mode\": \"{}\",\n  \"table_set\": \"{}\",\n",
                     opt_.quirks == SynthOptions::Quirks::kRealistic ? "realistic" : "none",
                     opt_.tables == SynthOptions::Tables::kAll ? "all" : "core");
  out += fmt::format("  \"top_folder\": \"{}\",\n", JsonEscape(summary_.top_folder));
  out += fmt::format("  \"zip\": {},\n", summary_.zip_path.empty()
                                              ? std::string("null")
                                              : "\"" + JsonEscape(summary_.zip_path.filename().string()) + "\"");
  out += "  \"kinds\": {";
  for (int k = 0; k < static_cast<int>(QuirkKind::kCount); ++k) {
    const auto& info = synth::InfoOf(static_cast<QuirkKind>(k));
    out += fmt::format("{}\n    \"{}\": {{\"rule\": \"{}\", \"expect\": \"{}\"}}", k ? "," : "", info.name, info.rule,
                       info.expect);
  }
  out += "\n  },\n  \"tables\": {";
  bool first = true;
  for (int t : table_slots_) {
    const auto& spec = tables[static_cast<size_t>(t)];
    out += fmt::format("{}\n    \"{}\": {{\"file\": \"{}\", \"rows\": {}, \"lines\": {}, \"count_txt\": {}, "
                       "\"bytes\": {}, \"quirks\": {{",
                       first ? "" : ",", spec.name, spec.file_name, rows_[static_cast<size_t>(t)],
                       lines_[static_cast<size_t>(t)], rows_[static_cast<size_t>(t)], bytes_[static_cast<size_t>(t)]);
    bool f2 = true;
    for (const auto& [k, n] : per_table[static_cast<size_t>(t)]) {
      out += fmt::format("{}\"{}\": {}", f2 ? "" : ", ", k, n);
      f2 = false;
    }
    out += "}}";
    first = false;
  }
  out += "\n  },\n  \"quirk_counts\": {";
  first = true;
  for (const auto& [k, n] : totals) {
    out += fmt::format("{}\"{}\": {}", first ? "" : ", ", k, n);
    first = false;
  }
  out += "},\n  \"systematic\": [\n";
  out += "    {\"rule\": \"Q6\", \"what\": \"LANG and INTERPRETER_CODE are right-padded to 3 characters; CHARGE to 12\"},\n";
  out += "    {\"rule\": \"Q24\", \"what\": \"from 2026-01-01, C_BIRTHDATE and DETENTION_* columns of A_TblCase are empty\"},\n";
  out += "    {\"rule\": \"Q16\", \"what\": \"from 2026-01-01, A_TblCase's GENDER column is headed Sex\"}\n  ],\n";
  out += "  \"lookup_quirks\": [";
  first = true;
  for (const auto& lq : lookup_quirks) {
    out += fmt::format("{}\n    {{\"file\": \"{}\", \"line\": {}, \"kind\": \"{}\", \"column\": \"{}\"}}",
                       first ? "" : ",", lq.file, lq.line, synth::InfoOf(lq.kind).name, lq.column);
    first = false;
  }
  out += "\n  ],\n  \"quirks\": [";
  first = true;
  for (const auto& hq : header_quirks_) {
    out += fmt::format("{}\n    {{\"table\": \"{}\", \"line\": 1, \"kind\": \"column_alias\", \"column\": \"{}\"}}",
                       first ? "" : ",", tables[static_cast<size_t>(hq.first)].name, hq.second);
    first = false;
  }
  for (const auto& q : quirks_) {
    const auto& spec = tables[q.table];
    const std::string_view column = q.column >= 0 ? std::string_view(headers_[q.table][static_cast<size_t>(q.column)])
                                                  : std::string_view();
    out += fmt::format("{}\n    {{\"table\": \"{}\", \"line\": {}, \"kind\": \"{}\", \"column\": {}}}", first ? "" : ",",
                       spec.name, q.line, synth::InfoOf(q.kind).name,
                       column.empty() ? std::string("null") : "\"" + std::string(column) + "\"");
    first = false;
    if (out.size() > (1 << 20)) {
      IMMSTATS_RETURN_IF_ERROR(file->Write(out));
      out.clear();
    }
  }
  out += "\n  ]\n}\n";
  IMMSTATS_RETURN_IF_ERROR(file->Write(out));
  summary_.quirk_counts = std::move(totals);
  return file->Close();
}

Status ReleaseWriter::Zip(const fs::path& staging_root) {
  const std::string top = fs::path(summary_.top_folder).begin()->string();
  StampTimes(staging_root / top, as_of_);
  const fs::path zip = fs::absolute(opt_.out_dir / "EOIR Case Data.zip");
  const bool d64 = opt_.zip == SynthOptions::Zip::kDeflate64;
  const int threads = opt_.threads > 0 ? opt_.threads : std::max(1u, std::thread::hardware_concurrency());
  auto run = base::RunProcess({"7z", "a", "-tzip", d64 ? "-mm=Deflate64" : "-mm=Deflate", "-mx=1",
                               fmt::format("-mmt={}", threads), "-bd", "-y", zip.string(), top},
                              staging_root);
  if (!run.ok()) return run.status();
  if (run->exit_code != 0) {
    return Status::IoError(fmt::format("7z failed (exit {}) writing {}:\n{}", run->exit_code, zip.string(),
                                       run->output));
  }
  summary_.zip_path = zip;
  return base::RemoveAll(staging_root);
}

Result<SynthSummary> ReleaseWriter::Run() {
  const auto start = std::chrono::steady_clock::now();
  IMMSTATS_RETURN_IF_ERROR(Validate());
  summary_.top_folder = opt_.top_folder.empty() ? TopFolderFor(opt_.seed, as_of_) : opt_.top_folder;
  const bool zipped = opt_.zip != SynthOptions::Zip::kNone;
  const fs::path root = zipped ? opt_.out_dir / ".staging" : opt_.out_dir;
  const fs::path table_dir = root / summary_.top_folder;
  IMMSTATS_RETURN_IF_ERROR(base::CreateDirectories(table_dir));

  const synth::World world(opt_.seed, opt_.scale, kWorldAnchor);
  IMMSTATS_RETURN_IF_ERROR(WriteTables(world, table_dir));
  std::vector<synth::LookupFile> lookup_files;
  std::vector<synth::LookupQuirk> lookup_quirks;
  // The Lookup folder sits beside the core tables, inside the top folder.
  IMMSTATS_RETURN_IF_ERROR(synth::WriteLookupFiles(table_dir, world.roster(),
                                                   opt_.quirks == SynthOptions::Quirks::kRealistic, &lookup_files,
                                                   &lookup_quirks));
  if (zipped) {
    IMMSTATS_RETURN_IF_ERROR(Zip(root));
  } else {
    summary_.release_dir = table_dir;
  }
  summary_.truth_path = opt_.out_dir / "synth-truth.json";
  IMMSTATS_RETURN_IF_ERROR(WriteTruth(summary_.truth_path, lookup_quirks));

  const auto tables = eoir::MainTables();
  for (int t : table_slots_) {
    const auto& spec = tables[static_cast<size_t>(t)];
    summary_.tables.push_back({std::string(spec.name), fs::path(summary_.top_folder) / spec.file_name,
                               rows_[static_cast<size_t>(t)], lines_[static_cast<size_t>(t)],
                               bytes_[static_cast<size_t>(t)]});
    summary_.total_bytes += bytes_[static_cast<size_t>(t)];
  }
  summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary_;
}

}  // namespace

Result<SynthSummary> GenerateEoirRelease(const SynthOptions& options) { return ReleaseWriter(options).Run(); }

}  // namespace immstats
