// What every non-court ingest shares: reading a file as published, rejects files, snapshot naming, results.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "ingest/release_validator.h"
#include "store/snapshot.h"
#include "tabular/delimited.h"

namespace immstats::sources {

// The store's `source` attribute of each kind of snapshot (EOIR snapshots carry none and mean "eoir").
inline constexpr const char* kCbp = "cbp";
inline constexpr const char* kOhss = "ohss";
inline constexpr const char* kIce = "ice";
inline constexpr const char* kIceAir = "iceair";

struct SourceIngestOptions {
  std::vector<std::filesystem::path> files;
  std::filesystem::path store;
  std::string snapshot_id;  // empty: <source>-<UTC date and time>
  std::function<void(std::string_view file, int done, int total)> on_file;
};

struct SourceIngestResult {
  ingest::Reconciliation reconciliation;
  store::SnapshotInfo snapshot;
  std::vector<std::string> unmapped_names;  // spellings the country crosswalk does not know (kept raw)
};

// A file's text as published: gzip decoded (by content), a byte-order mark dropped, Windows-1252 decoded when
// the bytes are not valid UTF-8. `info` gets the name, size and XXH64 of the file as stored.
struct SourceText {
  std::string name;  // file name without folders
  std::string text;
  store::SourceFileInfo info;
  bool was_cp1252 = false;
};
Result<SourceText> ReadSourceText(const std::filesystem::path& path);
Result<store::SourceFileInfo> HashSourceFile(const std::filesystem::path& path);
bool IsValidUtf8(std::string_view s);

// <table>.rejects.tsv in the snapshot being written: file, line, byte offset, column, kind, reason, raw.
class RejectsFile {
 public:
  static Result<RejectsFile> Open(const std::filesystem::path& dir, const std::string& table);
  void Add(const std::string& file, int64_t line, uint64_t offset, std::string_view column, std::string_view kind,
           std::string_view reason, std::string_view raw);

 private:
  std::unique_ptr<std::ofstream> out_;
};

// Counts a quarantined record (the one `reader` returned last) under `kind` and writes its raw line to `rejects`.
void QuarantineRecord(RejectsFile* rejects, ingest::TableReconciliation* tr, const std::string& file,
                      std::string_view text, const tabular::DelimitedReader& reader, std::string_view column,
                      std::string_view kind, std::string_view reason);
// A header name in snake case: letters and digits lower-cased, every other run one '_', none at the ends
// ("Month (abbv)" -> "month_abbv", " Citizenship " -> "citizenship"; a byte-order mark falls away).
std::string SnakeCase(std::string_view header);

// A record that is one empty field: a blank line.
inline bool IsBlankRecord(const std::vector<std::string>& fields) { return fields.size() == 1 && fields[0].empty(); }

// Snapshot id default and the manifest attributes every source snapshot carries.
std::string DefaultSnapshotId(const char* source);
Result<store::SnapshotWriter> BeginSourceSnapshot(const SourceIngestOptions& options, const char* source,
                                                  std::string* id);
// Publishes `writer` with the reconciliation and returns the published snapshot's description.
Result<SourceIngestResult> PublishSourceSnapshot(store::SnapshotWriter* writer, const std::string& store_dir,
                                                 const std::string& id, ingest::Reconciliation rec,
                                                 std::vector<std::string> unmapped);

// Calendar month (1-12) of fiscal month `fm` (1 = October) and the calendar year it falls in.
void FiscalMonthToCalendar(int fiscal_year, int fiscal_month, int* year, int* month);

}  // namespace immstats::sources
