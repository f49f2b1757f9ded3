// Reads a whole EOIR release (folder or zip as downloaded) row by row, applying every file-level quirk rule,
// and accounts for each row: loaded, loaded after repair, or quarantined; the basis of `immstats ingest`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "immstats/status.h"

namespace immstats::ingest {

enum class Outcome : uint8_t { kRepaired, kQuarantined, kFlagged };
const char* OutcomeName(Outcome o);

// One rule applied to one row: what the rejects file and the reconciliation are made of.
struct RowEvent {
  std::string_view table;
  int64_t line = 0;
  std::string_view kind;    // quirk kind, as named in synth-truth.json
  std::string_view column;  // empty for a whole-row event
  Outcome outcome = Outcome::kRepaired;
};

struct TableReconciliation {
  std::string name;
  std::string file;                 // path inside the release
  int64_t read = 0;                 // rows assembled from the file (records, not physical lines)
  int64_t loaded = 0;               // rows kept (clean or repaired)
  int64_t physical_lines = 0;
  std::optional<int64_t> count_txt;  // Count.txt's figure for this table
  std::map<std::string, int64_t> repaired, quarantined, flagged;  // rows per kind
};

struct Reconciliation {
  std::string source;
  std::vector<TableReconciliation> tables;
  std::vector<std::string> schema_notes;  // renamed, unknown or missing columns; unknown files
  std::vector<std::string> missing_tables;
};

// One field after the rules: what a store keeps. Views are valid only during RowSink::Row.
struct FieldValue {
  enum class Kind : uint8_t { kNull, kInt, kDate, kText } kind = Kind::kNull;
  int64_t i = 0;           // kInt (integers, HHMM as minutes after midnight)
  int32_t d = 0;           // kDate (days since 1970-01-01)
  std::string_view text;   // kText (UTF-8, trimmed, case-normalised where a rule says so)
};

// kText: codes and short values (dictionary-encoded in the store); kFreeText: names, cities, GUIDs (plain).
enum class ValueType : uint8_t { kInt, kDate, kText, kFreeText };

// Receives every loaded row of one table (a new sink per table: tables may be read on several threads at once).
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual Status BeginTable(const std::string& table, const std::vector<std::string>& columns,
                            const std::vector<ValueType>& types) = 0;
  virtual Status Row(const std::vector<FieldValue>& values) = 0;
  virtual Status EndTable(const std::string& table, uint64_t rows) = 0;
};

struct ValidateOptions {
  // Optional: a sink for the loaded rows of `table` (ingest's store writer). Called for every table, in table
  // order (parents first), before any table is read.
  std::function<Result<std::unique_ptr<RowSink>>(const std::string& table)> make_sink;
  // Tables read at once: A_TblCase first, then the others, largest first, beside it (a child row whose case
  // A_TblCase has not reached yet is checked again when it is over). 0: one per core, at most 2 (the row
  // pass is bound by one core per table).
  int threads = 0;
  std::filesystem::path path;          // a zip as downloaded, or an extracted folder (any top-folder name)
  std::filesystem::path rejects_dir;   // where `<table>.rejects.tsv` files go; empty: none written
  std::optional<int32_t> release_date; // day number; default: the file's modification date
  std::function<void(const RowEvent&)> on_event;  // called from the reading threads, one call at a time
  // Each file of the release's Lookup/ folder: its name (no folder) and its bytes as published.
  std::function<Status(std::string_view name, std::string_view bytes)> on_lookup;
  // Bytes read of the tables being read: `table` names the table, or "N tables" when several are read at once.
  std::function<void(std::string_view table, uint64_t bytes_done, uint64_t bytes_total)> on_progress;
  // A table read in full and its sink closed (called from the reading thread): what it wrote may be read.
  std::function<void(std::string_view table)> on_table_done;
};

Result<Reconciliation> ValidateEoirRelease(const ValidateOptions& options);

}  // namespace immstats::ingest
