// Ingest = the validator's row pass + a RowSink that writes store columns + atomic publication.
#include "ingest/ingest.h"

#include <malloc.h>
#include <sys/stat.h>
#include <xxhash.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "base/file_util.h"
#include "base/trace.h"
#include "derive/derive.h"
#include "ingest/column_rules.h"

namespace immstats::ingest {

namespace {

namespace fs = std::filesystem;

// Writes each loaded row of one table into one column file per column.
class StoreSink : public RowSink {
 public:
  explicit StoreSink(store::SnapshotWriter* writer) : writer_(writer) {}

  Status BeginTable(const std::string& table, const std::vector<std::string>& columns,
                    const std::vector<ValueType>& types) override {
    writers_.clear();
    types_ = types;
    for (size_t i = 0; i < columns.size(); ++i) {
      const store::ColumnType ct = types[i] == ValueType::kInt        ? store::ColumnType::kInt64
                                   : types[i] == ValueType::kDate     ? store::ColumnType::kDate
                                   : types[i] == ValueType::kFreeText ? store::ColumnType::kText
                                                                      : store::ColumnType::kString;
      auto w = writer_->AddColumn(table, columns[i], ct);
      if (!w.ok()) return w.status();
      writers_.push_back(std::move(w).value());
    }
    return Status::Ok();
  }

  Status Row(const std::vector<FieldValue>& values) override {
    for (size_t i = 0; i < writers_.size(); ++i) {
      const FieldValue& v = values[i];
      store::ColumnWriter& w = writers_[i];
      switch (types_[i]) {
        case ValueType::kInt: w.AppendInt(v.kind == FieldValue::Kind::kInt ? v.i : store::kNullInt64); break;
        case ValueType::kDate: w.AppendDate(v.kind == FieldValue::Kind::kDate ? v.d : store::kNullDate); break;
        case ValueType::kText:
        case ValueType::kFreeText:
          w.AppendString(v.kind == FieldValue::Kind::kText ? std::optional<std::string_view>(v.text) : std::nullopt);
          break;
      }
      IMMSTATS_RETURN_IF_ERROR(w.Flush());
    }
    return Status::Ok();
  }

  Status EndTable(const std::string& table, uint64_t rows) override {
    for (auto& w : writers_) IMMSTATS_RETURN_IF_ERROR(w.Finish());
    writers_.clear();
    writer_->SetRows(table, rows);
    ::malloc_trim(0);  // a table's dictionaries are gone: give their pages back before the next table
    return Status::Ok();
  }

 private:
  store::SnapshotWriter* writer_;
  std::vector<store::ColumnWriter> writers_;
  std::vector<ValueType> types_;
};

Result<store::SourceFileInfo> HashFile(const fs::path& path, const std::string& name) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  uint64_t size = 0;
  const Status st = base::ReadFileInChunks(path, 1 << 20, [&](std::span<const uint8_t> chunk) {
    XXH64_update(state, chunk.data(), chunk.size());
    size += chunk.size();
    return Status::Ok();
  });
  const uint64_t digest = XXH64_digest(state);
  XXH64_freeState(state);
  if (!st.ok()) return st;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(digest));
  return store::SourceFileInfo{name, size, hex};
}

std::string_view TrimField(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\r')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  for (;;) {
    const size_t tab = line.find('\t', pos);
    out.push_back(TrimField(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
    if (tab == std::string_view::npos) return out;
    pos = tab + 1;
  }
}

// A lookup file as a string table `lookup.<file stem>`: NULs dropped, cp1252 decoded, fields trimmed, so that
// queries name codes from the release's own lookups (spec §4, rule zero).
Status StoreLookup(store::SnapshotWriter* writer, std::string_view name, std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for (char c : bytes) {
    if (c != '\0') text.push_back(c);
  }
  std::string utf8;
  if (Cp1252ToUtf8(text, &utf8)) text = std::move(utf8);
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (!TrimField(std::string_view(text).substr(pos, end - pos)).empty()) lines.emplace_back(text.data() + pos, end - pos);
    pos = end + 1;
  }
  if (lines.empty()) return Status::Ok();
  std::string stem(name);
  if (const size_t dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
  const std::string table = "lookup." + stem;
  const auto header = SplitTabs(lines[0]);
  std::vector<store::ColumnWriter> cols;
  for (const auto& h : header) {
    auto w = writer->AddColumn(table, std::string(h), store::ColumnType::kString);
    if (!w.ok()) return w.status();
    cols.push_back(std::move(w).value());
  }
  for (size_t l = 1; l < lines.size(); ++l) {
    const auto fields = SplitTabs(lines[l]);
    for (size_t c = 0; c < cols.size(); ++c) {
      const std::string_view v = c < fields.size() ? fields[c] : std::string_view();
      cols[c].AppendString(v.empty() ? std::nullopt : std::optional<std::string_view>(v));
    }
  }
  for (auto& c : cols) IMMSTATS_RETURN_IF_ERROR(c.Finish());
  writer->SetRows(table, lines.size() - 1);
  return Status::Ok();
}

// Which base tables the row pass has written in full, for the derive step running beside it.
class TableGate {
 public:
  void Done(std::string_view table) {
    std::lock_guard lock(mu_);
    done_.emplace(table);
    cv_.notify_all();
  }
  // No more tables will come; `failed`: the pass stopped on an error.
  void Over(bool failed) {
    std::lock_guard lock(mu_);
    over_ = true;
    failed_ = failed;
    cv_.notify_all();
  }
  // Until `table` is written (lookups: until all of them are), or the pass is over without it.
  Status Await(std::string_view table) {
    const std::string key = table.starts_with("lookup.") ? std::string(kLookups) : std::string(table);
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return over_ || done_.count(key) != 0; });
    if (done_.count(key) == 0 && failed_) return Status::Cancelled("stopped: reading the tables failed");
    return Status::Ok();
  }
  static constexpr std::string_view kLookups = "lookup.*";

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::set<std::string, std::less<>> done_;
  bool over_ = false, failed_ = false;
};

// Derive steps that end while the tables are still being read are told once the reading is over, so that
// the caller's progress display hears from one thread at a time.
class StepRelay {
 public:
  explicit StepRelay(const std::function<void(std::string_view, int, int)>& on_step) : on_step_(on_step) {}
  void Step(std::string_view name, int done, int total) {
    if (!on_step_) return;
    std::lock_guard lock(mu_);
    if (!live_) {
      held_ = {std::string(name), done, total};
      return;
    }
    on_step_(name, done, total);
  }
  void GoLive() {
    std::lock_guard lock(mu_);
    live_ = true;
    if (on_step_ && held_.done > 0) on_step_(held_.name, held_.done, held_.total);
  }

 private:
  struct Held {
    std::string name;
    int done = 0, total = 0;
  };
  const std::function<void(std::string_view, int, int)>& on_step_;
  std::mutex mu_;
  bool live_ = false;
  Held held_;
};

// The release's files hashed for the manifest (in name order), each as read.
Result<std::vector<store::SourceFileInfo>> HashSources(const fs::path& source) {
  std::vector<store::SourceFileInfo> out;
  std::error_code ec;
  if (fs::is_directory(source, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(source, ec)) {
      if (!e.is_regular_file()) continue;
      auto h = HashFile(e.path(), e.path().lexically_relative(source).generic_string());
      if (!h.ok()) return h.status();
      out.push_back(std::move(h).value());
    }
  } else {
    auto h = HashFile(source, source.filename().string());
    if (!h.ok()) return h.status();
    out.push_back(std::move(h).value());
  }
  return out;
}

}  // namespace

std::string ReconciliationJson(const Reconciliation& rec, int indent) {
  nlohmann::ordered_json j;
  j["source"] = rec.source;
  j["tables"] = nlohmann::ordered_json::object();
  for (const auto& t : rec.tables) {
    nlohmann::ordered_json tj;
    tj["file"] = t.file;
    tj["read"] = t.read;
    tj["loaded"] = t.loaded;
    tj["physical_lines"] = t.physical_lines;
    tj["count_txt"] = t.count_txt ? nlohmann::ordered_json(*t.count_txt) : nlohmann::ordered_json();
    tj["repaired"] = t.repaired;
    tj["quarantined"] = t.quarantined;
    tj["flagged"] = t.flagged;
    j["tables"][t.name] = tj;
  }
  j["schema_notes"] = rec.schema_notes;
  j["missing_tables"] = rec.missing_tables;
  return j.dump(indent);
}

Result<IngestResult> IngestEoirRelease(const IngestOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!fs::exists(options.source, ec)) {
    return Status::NotFound("no release at " + options.source.string() +
                            ": give the zip as downloaded or the folder it was extracted to");
  }
  std::string id = options.release_id;
  if (id.empty()) {
    struct stat st {};
    ::stat(options.source.c_str(), &st);
    id = base::FormatIsoDate(static_cast<int32_t>(st.st_mtime / 86400));
  }
  auto writer = store::SnapshotWriter::Begin(options.store, id);
  if (!writer.ok()) return writer.status();

  // Three things at once: the sources hashed for the manifest, the row pass over the tables (one or two
  // threads), and the derived records, each of their steps waiting for the base tables it reads.
  const bool alongside = options.threads != 1;  // --threads 1: one thing at a time
  Result<std::vector<store::SourceFileInfo>> hashes = Status::Internal("not hashed");
  std::thread hasher;
  if (alongside) {
    hasher = std::thread([&] {
      hashes = HashSources(options.source);
      base::Trace("sources hashed");
    });
  } else {
    hashes = HashSources(options.source);
  }
  TableGate gate;
  StepRelay relay(options.on_derive_step);
  Result<derive::DerivedSummary> derived = Status::Internal("not derived");
  derive::DeriveOptions derive_options;
  if (options.proceedings_per_pass > 0) derive_options.proceedings_per_pass = options.proceedings_per_pass;
  std::thread deriver;
  if (alongside) {
    deriver = std::thread([&] {
      derived = derive::BuildDerivedTables(
          &*writer, [&](std::string_view step, int done, int total) { relay.Step(step, done, total); },
          [&](std::string_view table) { return gate.Await(table); }, derive_options);
    });
  }

  ValidateOptions v;
  v.path = options.source;
  v.rejects_dir = writer->temp_dir();
  v.release_date = options.release_date;
  v.threads = options.threads;
  v.make_sink = [&](const std::string& table) -> Result<std::unique_ptr<RowSink>> {
    gate.Done(TableGate::kLookups);  // the lookups are stored before the first table is opened
    IMMSTATS_RETURN_IF_ERROR(writer->ReserveTable(table));  // the manifest lists tables in release order
    return std::unique_ptr<RowSink>(std::make_unique<StoreSink>(&*writer));
  };
  v.on_progress = options.on_progress;
  v.on_lookup = [&](std::string_view name, std::string_view bytes) { return StoreLookup(&*writer, name, bytes); };
  v.on_table_done = [&](std::string_view table) {
    base::Trace("row pass: " + std::string(table) + " written");
    gate.Done(table);
  };
  auto rec = ValidateEoirRelease(v);
  base::Trace("row pass over");
  gate.Over(!rec.ok());
  relay.GoLive();
  if (deriver.joinable()) deriver.join();
  if (hasher.joinable()) hasher.join();
  if (!rec.ok()) return rec.status();
  if (!alongside) {
    derived = derive::BuildDerivedTables(
        &*writer, [&](std::string_view step, int done, int total) { relay.Step(step, done, total); }, {},
        derive_options);
  }
  if (!derived.ok()) return derived.status();
  if (!hashes.ok()) return hashes.status();
  for (auto& h : *hashes) writer->AddSource(std::move(h));
  if (derived->data_through > 0) writer->SetAttribute("data_through", base::FormatIsoDate(derived->data_through));
  writer->SetReconciliation(ReconciliationJson(*rec, -1));
  IMMSTATS_RETURN_IF_ERROR(writer->Publish());
  base::Trace("snapshot published");
  auto info = store::Store(options.store).Get(id);
  if (!info.ok()) return info.status();
  IngestResult result{std::move(rec).value(), std::move(info).value(), 0};
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace immstats::ingest
