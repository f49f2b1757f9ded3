// Snapshot folders and MANIFEST.json; publication by rename so that readers never see half a snapshot.
#include "store/snapshot.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include <chrono>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "base/file_util.h"
#include "immstats/version.h"

namespace immstats::store {

namespace {

namespace fs = std::filesystem;

Status SyncPath(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open " + p.string() + " to fsync");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::IoError("cannot fsync " + p.string());
  return Status::Ok();
}


bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 100 || id[0] == '.') return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  }
  return true;
}

Result<SnapshotInfo> ReadManifest(const fs::path& dir) {
  auto text = base::ReadWholeFile(dir / "MANIFEST.json");
  if (!text.ok()) return Status::Corruption("snapshot " + dir.string() + " has no MANIFEST.json");
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption(dir.string() + "/MANIFEST.json is not valid JSON");
  SnapshotInfo info;
  info.dir = dir;
  info.format_version = j.value("format_version", 0);
  if (info.format_version != kFormatVersion) {
    return Status::FailedPrecondition("snapshot " + dir.filename().string() + " has store format version " +
                                      std::to_string(info.format_version) + "; this immstats reads version " +
                                      std::to_string(kFormatVersion) +
                                      ": re-ingest the release with this version, or use the immstats that wrote it");
  }
  info.id = j.value("id", "");
  info.created = j.value("created", "");
  info.immstats_version = j.value("immstats_version", "");
  for (const auto& s : j.value("sources", nlohmann::json::array())) {
    info.sources.push_back({s.value("name", ""), s.value("size", uint64_t{0}), s.value("xxh64", "")});
  }
  for (const auto& t : j.value("tables", nlohmann::json::array())) {
    TableInfo ti;
    ti.name = t.value("name", "");
    ti.rows = t.value("rows", uint64_t{0});
    for (const auto& c : t.value("columns", nlohmann::json::array())) {
      ti.columns.push_back({c.value("name", ""), static_cast<ColumnType>(c.value("type_id", 3)), c.value("file", "")});
    }
    info.tables.push_back(std::move(ti));
  }
  if (j.contains("reconciliation")) info.reconciliation_json = j["reconciliation"].dump();
  const nlohmann::json attributes = j.value("attributes", nlohmann::json::object());
  for (const auto& [k, v] : attributes.items()) {
    if (v.is_string()) info.attributes[k] = v.get<std::string>();
  }
  return info;
}

}  // namespace

fs::path DefaultStoreDir() {
  if (const char* s = std::getenv("IMMSTATS_STORE"); s != nullptr && *s != '\0') return s;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x != nullptr && *x != '\0') return fs::path(x) / "immstats" / "store";
  const char* home = std::getenv("HOME");
  return fs::path(home != nullptr ? home : ".") / ".local" / "share" / "immstats" / "store";
}

SnapshotWriter::SnapshotWriter(SnapshotWriter&& o) noexcept
    : store_(std::move(o.store_)), tmp_(std::move(o.tmp_)), info_(std::move(o.info_)), published_(o.published_),
      mu_(std::move(o.mu_)) {
  o.published_ = true;  // the moved-from writer owns nothing
  o.tmp_.clear();
}

SnapshotWriter::~SnapshotWriter() {
  if (!published_ && !tmp_.empty()) {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }
}

Result<SnapshotWriter> SnapshotWriter::Begin(const fs::path& store, const std::string& id) {
  if (!ValidId(id)) {
    return Status::InvalidArgument("release id '" + id + "' must be letters, digits, '-', '_' or '.' (e.g. 2026-10-01)");
  }
  std::error_code ec;
  if (fs::exists(store / "snapshots" / id, ec)) {
    return Status::InvalidArgument("the store already holds a snapshot '" + id + "' (" +
                                   (store / "snapshots" / id).string() +
                                   "): give another --release-id, or remove it with `immstats store remove " + id + "`");
  }
  // Folders left by an ingest that was killed: their process is gone, so nobody will publish them.
  for (const auto& e : fs::directory_iterator(store / "tmp", ec)) {
    const std::string n = e.path().filename().string();
    const size_t dot = n.rfind(".partial");
    const size_t pid_at = n.rfind('.', dot == std::string::npos ? 0 : dot - 1);
    if (dot == std::string::npos || pid_at == std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::atoi(n.substr(pid_at + 1, dot - pid_at - 1).c_str()));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
  }
  ec.clear();
  SnapshotWriter w;
  w.store_ = store;
  w.tmp_ = store / "tmp" / (id + "." + std::to_string(::getpid()) + ".partial");
  fs::remove_all(w.tmp_, ec);
  IMMSTATS_RETURN_IF_ERROR(base::CreateDirectories(w.tmp_));
  IMMSTATS_RETURN_IF_ERROR(base::CreateDirectories(store / "snapshots"));
  w.info_.id = id;
  w.info_.format_version = kFormatVersion;
  w.info_.created = base::UtcTimestampNow();
  w.info_.immstats_version = kVersion;
  return w;
}

TableInfo* SnapshotWriter::FindOrAddTable(const std::string& table, Status* st) {
  for (auto& ti : info_.tables) {
    if (ti.name == table) return &ti;
  }
  *st = base::CreateDirectories(tmp_ / table);
  if (!st->ok()) return nullptr;
  info_.tables.push_back({table, 0, {}});
  return &info_.tables.back();
}

Status SnapshotWriter::ReserveTable(const std::string& table) {
  std::lock_guard lock(*mu_);
  Status st;
  FindOrAddTable(table, &st);
  return st;
}

Result<ColumnWriter> SnapshotWriter::AddColumn(const std::string& table, const std::string& column, ColumnType type) {
  std::string file;
  {
    std::lock_guard lock(*mu_);
    Status st;
    TableInfo* t = FindOrAddTable(table, &st);
    if (t == nullptr) return st;
    file = table + "/" + std::to_string(t->columns.size()) + ".col";
    t->columns.push_back({column, type, file});
  }
  return ColumnWriter::Create(tmp_ / file, type);
}

SnapshotInfo SnapshotWriter::Written() const {
  std::lock_guard lock(*mu_);
  SnapshotInfo i = info_;
  i.dir = tmp_;
  return i;
}

void SnapshotWriter::SetRows(const std::string& table, uint64_t rows) {
  std::lock_guard lock(*mu_);
  for (auto& ti : info_.tables) {
    if (ti.name == table) ti.rows = rows;
  }
}

Status SnapshotWriter::Publish() {
  nlohmann::ordered_json j;
  j["format"] = "immstats-store";
  j["format_version"] = kFormatVersion;
  j["id"] = info_.id;
  j["created"] = info_.created;
  j["immstats_version"] = info_.immstats_version;
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : info_.sources) j["sources"].push_back({{"name", s.name}, {"size", s.size}, {"xxh64", s.xxh64}});
  j["tables"] = nlohmann::ordered_json::array();
  for (const auto& t : info_.tables) {
    nlohmann::ordered_json tj{{"name", t.name}, {"rows", t.rows}, {"columns", nlohmann::ordered_json::array()}};
    for (const auto& c : t.columns) {
      tj["columns"].push_back({{"name", c.name}, {"type", ColumnTypeName(c.type)},
                               {"type_id", static_cast<int>(c.type)}, {"file", c.file}});
    }
    j["tables"].push_back(std::move(tj));
  }
  j["attributes"] = info_.attributes;
  if (!info_.reconciliation_json.empty()) {
    j["reconciliation"] = nlohmann::ordered_json::parse(info_.reconciliation_json, nullptr, false);
  }
  auto f = base::AppendFile::Create(tmp_ / "MANIFEST.json");
  if (!f.ok()) return f.status();
  IMMSTATS_RETURN_IF_ERROR(f->Write(j.dump(2) + "\n"));
  IMMSTATS_RETURN_IF_ERROR(f->Sync());
  IMMSTATS_RETURN_IF_ERROR(f->Close());
  for (const auto& t : info_.tables) IMMSTATS_RETURN_IF_ERROR(SyncPath(tmp_ / t.name));
  IMMSTATS_RETURN_IF_ERROR(SyncPath(tmp_));
  const fs::path target = store_ / "snapshots" / info_.id;
  std::error_code ec;
  fs::rename(tmp_, target, ec);  // atomic within one file system: all or nothing is visible
  if (ec) return Status::IoError("cannot publish snapshot " + target.string() + ": " + ec.message());
  IMMSTATS_RETURN_IF_ERROR(SyncPath(store_ / "snapshots"));
  published_ = true;
  return Status::Ok();
}

Result<std::vector<SnapshotInfo>> Store::List() const {
  std::vector<SnapshotInfo> out;
  std::error_code ec;
  const fs::path snaps = dir_ / "snapshots";
  if (!fs::exists(snaps, ec)) return out;
  for (const auto& entry : fs::directory_iterator(snaps, ec)) {
    if (!entry.is_directory()) continue;
    auto info = ReadManifest(entry.path());
    if (!info.ok()) return info.status();
    out.push_back(std::move(info).value());
  }
  if (ec) return Status::IoError("cannot list " + snaps.string() + ": " + ec.message());
  std::sort(out.begin(), out.end(), [](const SnapshotInfo& a, const SnapshotInfo& b) {
    return a.created != b.created ? a.created < b.created : a.id < b.id;
  });
  return out;
}

Result<SnapshotInfo> Store::Get(const std::string& id, const std::string& source) const {
  auto all = List();
  if (!all.ok()) return all.status();
  if (all->empty()) {
    return Status::NotFound("the store " + dir_.string() + " holds no snapshot: ingest a release first "
                            "(`immstats ingest eoir 'EOIR Case Data.zip'`)");
  }
  if (id == "latest") {
    for (auto it = all->rbegin(); it != all->rend(); ++it) {
      if (it->source() == source) return *it;
    }
    const std::string how = source == "eoir" ? "immstats ingest eoir 'EOIR Case Data.zip'"
                                             : "immstats ingest " + source + " FILE...";
    return Status::NotFound("the store " + dir_.string() + " holds no " + source + " snapshot: ingest one first (`" +
                            how + "`)");
  }
  for (auto& s : *all) {
    if (s.id == id) return s;
  }
  std::string ids;
  for (const auto& s : *all) ids += (ids.empty() ? "" : ", ") + s.id;
  return Status::NotFound("no snapshot '" + id + "' in " + dir_.string() + "; it holds: " + ids);
}

Status Store::Verify(const std::string& id, std::vector<std::string>* problems) const {
  auto info = Get(id);
  if (!info.ok()) return info.status();
  for (const auto& t : info->tables) {
    for (const auto& c : t.columns) {
      auto reader = ColumnReader::Open(info->dir / c.file);
      Status st = reader.ok() ? reader->Verify() : reader.status();
      if (st.ok() && reader->rows() != t.rows) {
        st = Status::Corruption(c.file + " holds " + std::to_string(reader->rows()) + " rows, the manifest says " +
                                std::to_string(t.rows));
      }
      if (!st.ok()) problems->push_back(t.name + "." + c.name + ": " + st.message());
    }
  }
  return Status::Ok();
}

Status Store::Remove(const std::string& id) const {
  auto info = Get(id);
  if (!info.ok()) return info.status();
  // Rename aside first so that a reader never sees a half-removed snapshot.
  const fs::path aside = dir_ / "tmp" / (info->id + ".removing." + std::to_string(::getpid()));
  IMMSTATS_RETURN_IF_ERROR(base::CreateDirectories(dir_ / "tmp"));
  std::error_code ec;
  fs::rename(info->dir, aside, ec);
  if (ec) return Status::IoError("cannot remove " + info->dir.string() + ": " + ec.message());
  return base::RemoveAll(aside);
}

}  // namespace immstats::store
