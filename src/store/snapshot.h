// The store: one immutable snapshot per ingested release, published atomically (write aside, fsync, rename).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "store/column_file.h"

namespace immstats::store {

inline constexpr int kFormatVersion = 2;  // 2: derived tables, lookups, attributes (docs/store-format.md)

struct ColumnInfo {
  std::string name;
  ColumnType type = ColumnType::kString;
  std::string file;  // relative to the snapshot folder
};

struct TableInfo {
  std::string name;
  uint64_t rows = 0;
  std::vector<ColumnInfo> columns;
};

struct SourceFileInfo {
  std::string name;
  uint64_t size = 0;
  std::string xxh64;  // hex, of the file as read (for a zip: of the zip)
};

struct SnapshotInfo {
  std::string id;
  int format_version = 0;
  std::string created;           // UTC, ISO 8601
  std::string immstats_version;
  std::vector<SourceFileInfo> sources;
  std::vector<TableInfo> tables;
  std::string reconciliation_json;  // the ingest's reconciliation, verbatim
  std::map<std::string, std::string> attributes;  // e.g. data_through: the latest event date in the release
  std::filesystem::path dir;
  // Which source the snapshot holds: the `source` attribute (cbp, ohss, ice, iceair), "eoir" when absent.
  std::string source() const {
    auto it = attributes.find("source");
    return it == attributes.end() ? "eoir" : it->second;
  }
};

// $IMMSTATS_STORE, else $XDG_DATA_HOME/immstats/store, else ~/.local/share/immstats/store.
std::filesystem::path DefaultStoreDir();

// Builds a snapshot in <store>/tmp/ and publishes it under <store>/snapshots/<id> in one rename.
// Destroyed unpublished (an error, a crash of the caller's logic), it removes its temporary folder.
class SnapshotWriter {
 public:
  SnapshotWriter(const SnapshotWriter&) = delete;
  SnapshotWriter& operator=(const SnapshotWriter&) = delete;
  SnapshotWriter(SnapshotWriter&&) noexcept;
  SnapshotWriter& operator=(SnapshotWriter&&) = delete;
  ~SnapshotWriter();

  static Result<SnapshotWriter> Begin(const std::filesystem::path& store, const std::string& id);
  // Lists `table` now, so that tables written at the same time appear in the manifest in a fixed order.
  Status ReserveTable(const std::string& table);
  // A new column file for `table`.`column`; the caller appends, then calls Finish() on it.
  // AddColumn, ReserveTable, SetRows and Written may be called from several threads at once.
  Result<ColumnWriter> AddColumn(const std::string& table, const std::string& column, ColumnType type);
  void SetRows(const std::string& table, uint64_t rows);
  void AddSource(SourceFileInfo source) { info_.sources.push_back(std::move(source)); }
  void SetReconciliation(std::string json) { info_.reconciliation_json = std::move(json); }
  Status Publish();
  void SetAttribute(const std::string& key, std::string value) { info_.attributes[key] = std::move(value); }
  const std::filesystem::path& temp_dir() const { return tmp_; }
  // What has been written so far; `dir` is the temporary folder until Publish(). Safe beside AddColumn.
  SnapshotInfo Written() const;

 private:
  SnapshotWriter() = default;
  std::filesystem::path store_, tmp_;
  SnapshotInfo info_;
  bool published_ = false;
  std::unique_ptr<std::mutex> mu_ = std::make_unique<std::mutex>();  // guards info_.tables
  TableInfo* FindOrAddTable(const std::string& table, Status* st);
};

class Store {
 public:
  explicit Store(std::filesystem::path dir) : dir_(std::move(dir)) {}
  const std::filesystem::path& dir() const { return dir_; }
  // Published snapshots, oldest first. An unreadable or other-version manifest is an error naming it.
  Result<std::vector<SnapshotInfo>> List() const;
  // `id`, or "latest" for the newest snapshot of `source` ("eoir": court data; "cbp", "ohss", "ice", "iceair").
  Result<SnapshotInfo> Get(const std::string& id, const std::string& source = "eoir") const;
  // Re-checks every block checksum of every column; problems lists each damaged block.
  Status Verify(const std::string& id, std::vector<std::string>* problems) const;
  Status Remove(const std::string& id) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace immstats::store
