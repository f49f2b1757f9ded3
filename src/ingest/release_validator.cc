// The row-by-row pass over a release: find tables by header, read them in parent-first order, apply the rules.
#include "ingest/release_validator.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "base/civil_date.h"
#include "base/file_util.h"
#include "base/trace.h"
#include "eoir/schema.h"
#include "ingest/case_set.h"
#include "ingest/column_rules.h"
#include "ingest/key_set.h"
#include "ingest/row_reader.h"
#include "zip/zip_reader.h"

namespace immstats::ingest {

namespace {

namespace fs = std::filesystem;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\r')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

// A file of the release, readable in chunks, whether it sits in a folder or in the zip.
struct SourceFile {
  std::string name;  // path inside the release, '/'-separated
  uint64_t size = 0;
  std::function<Status(const zip::ByteSink&)> read;
};

// Column names that releases have used for the same column (§2.1), upper case.
std::string CanonicalColumn(const std::string& upper) {
  if (upper == "SEX") return "GENDER";
  if (upper == "TRANSFER_DATE") return "TRANS_IN_DATE";
  if (upper == "DEP1") return "DEPORTED_1";
  if (upper == "DEP2") return "DEPORTED_2";
  return upper;
}

int64_t ToInt(std::string_view v) {
  int64_t x = 0;
  const bool neg = !v.empty() && v[0] == '-';
  for (size_t i = neg ? 1 : 0; i < v.size(); ++i) x = x * 10 + (v[i] - '0');
  return neg ? -x : x;
}

std::string EscapeRaw(std::string_view raw) {
  std::string out;
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char c : raw) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

class Validator {
 public:
  explicit Validator(const ValidateOptions& o) : opt_(o) {}
  Result<Reconciliation> Run();

 private:
  Status ListSources();
  Result<std::string> FirstLine(const SourceFile& f);
  Status LoadLookups();
  // What reading one table gives: its reconciliation and its schema notes (merged in table order).
  struct TableResult {
    TableReconciliation t;
    std::vector<std::string> notes;
  };
  // Reads one table into `sink` (may be null); `on_bytes` hears of each chunk read and may stop the read.
  Status ProcessTable(const eoir::TableSpec& spec, const SourceFile& f, const std::vector<std::string>& header,
                      RowSink* sink, TableResult* out, const std::function<Status(uint64_t)>& on_bytes);
  struct Job {
    const eoir::TableSpec* spec;
    const SourceFile* file;
    const std::vector<std::string>* header;
    std::unique_ptr<RowSink> sink;
    TableResult result;
    Status status;
  };
  // A_TblCase first, then the other tables beside it, largest first, on opt_.threads threads. The first failure
  // (in table order) stops the other reads and is returned.
  Status ReadTables(std::vector<Job>* jobs);
  void Event(TableReconciliation& t, int64_t line, std::string_view kind, std::string_view column, Outcome o,
             std::set<std::string_view>* row_kinds);

  const ValidateOptions& opt_;
  std::optional<zip::ZipArchive> zip_;
  std::vector<SourceFile> files_;
  Reconciliation rec_;
  int32_t latest_ = 0;
  std::map<std::string, std::set<std::string, std::less<>>> lookups_;  // lookup file (upper) -> first-column codes
  // Case ids, inserted by the thread reading A_TblCase while its children are read on other threads. A child's
  // row whose case is not in yet is checked again once A_TblCase is over (cases_done_).
  CaseSet cases_;
  std::atomic<bool> cases_done_{false};
  std::mutex cases_mu_;
  std::condition_variable cases_cv_;
  void SetCasesDone() {
    std::lock_guard lock(cases_mu_);
    cases_done_ = true;
    cases_cv_.notify_all();
  }
  void AwaitCases() {
    std::unique_lock lock(cases_mu_);
    cases_cv_.wait(lock, [&] { return cases_done_.load(); });
  }
  std::mutex event_mu_;   // on_event is called one at a time
};

Status Validator::ListSources() {
  std::error_code ec;
  if (fs::is_directory(opt_.path, ec)) {
    for (auto it = fs::recursive_directory_iterator(opt_.path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      const fs::path p = it->path();
      SourceFile f;
      f.name = p.lexically_relative(opt_.path).generic_string();
      f.size = it->file_size();
      f.read = [p](const zip::ByteSink& sink) { return base::ReadFileInChunks(p, 1 << 20, sink); };
      files_.push_back(std::move(f));
    }
    if (ec) return Status::IoError("cannot list " + opt_.path.string() + ": " + ec.message());
  } else {
    auto z = zip::ZipArchive::Open(opt_.path);
    if (!z.ok()) return z.status();
    zip_.emplace(std::move(z).value());
    for (const auto& e : zip_->entries()) {
      if (e.is_directory()) continue;
      SourceFile f;
      f.name = e.name;
      f.size = e.uncompressed_size;
      const zip::ZipArchive* archive = &*zip_;
      f.read = [archive, e](const zip::ByteSink& sink) { return archive->Read(e, sink); };
      files_.push_back(std::move(f));
    }
  }
  std::sort(files_.begin(), files_.end(), [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return Status::Ok();
}

Result<std::string> Validator::FirstLine(const SourceFile& f) {
  std::string line;
  const Status st = f.read([&](std::span<const uint8_t> chunk) -> Status {
    const char* p = reinterpret_cast<const char*>(chunk.data());
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', chunk.size()));
    line.append(p, nl != nullptr ? static_cast<size_t>(nl - p) : chunk.size());
    if (nl != nullptr || line.size() > 65536) return Status::Cancelled("header read");
    return Status::Ok();
  });
  if (!st.ok() && st.code() != StatusCode::kCancelled) return st;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  line.erase(std::remove(line.begin(), line.end(), '\0'), line.end());
  return line;
}

Status Validator::LoadLookups() {
  for (const auto& f : files_) {
    const std::string upper = Upper(f.name);
    if (upper.find("LOOKUP/") == std::string::npos) continue;
    std::string text;
    IMMSTATS_RETURN_IF_ERROR(f.read([&](std::span<const uint8_t> chunk) {
      text.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
      return Status::Ok();
    }));
    if (opt_.on_lookup) IMMSTATS_RETURN_IF_ERROR(opt_.on_lookup(f.name.substr(f.name.rfind('/') + 1), text));
    std::set<std::string, std::less<>> codes;
    size_t pos = text.find('\n');
    while (pos != std::string::npos && pos + 1 < text.size()) {
      const size_t end = text.find('\n', pos + 1);
      const std::string_view line(text.data() + pos + 1, (end == std::string::npos ? text.size() : end) - pos - 1);
      codes.insert(std::string(Trim(line.substr(0, line.find('\t')))));
      pos = end;
    }
    lookups_[upper.substr(upper.rfind('/') + 1)] = std::move(codes);
  }
  return Status::Ok();
}

void Validator::Event(TableReconciliation& t, int64_t line, std::string_view kind, std::string_view column, Outcome o,
                      std::set<std::string_view>* row_kinds) {
  if (opt_.on_event) {
    std::lock_guard lock(event_mu_);
    opt_.on_event(RowEvent{t.name, line, kind, column, o});
  }
  const bool first = row_kinds->insert(kind).second;
  if (!first) return;
  auto& bucket = o == Outcome::kRepaired ? t.repaired : o == Outcome::kQuarantined ? t.quarantined : t.flagged;
  bucket[std::string(kind)] += 1;
}

Status Validator::ProcessTable(const eoir::TableSpec& spec, const SourceFile& f,
                               const std::vector<std::string>& header, RowSink* sink, TableResult* out,
                               const std::function<Status(uint64_t)>& on_bytes) {
  TableReconciliation t;
  t.name = std::string(spec.name);
  t.file = f.name;
  const size_t width = header.size();
  std::vector<ColumnRule> rules;
  std::vector<std::string> upper;
  int text_column = -1, case_column = -1;
  for (size_t i = 0; i < width; ++i) {
    upper.push_back(CanonicalColumn(Upper(header[i])));
    rules.push_back(RuleFor(upper.back()));
    if (upper.back() == "ALIEN_CITY" && text_column < 0) text_column = static_cast<int>(i);
    if (upper.back() == "IDNCASE" && case_column < 0 && spec.name != "A_TblCase") case_column = static_cast<int>(i);
  }
  // Which lookup or code list checks each column (decided once per table, not per value).
  enum class Check : uint8_t { kNone, kNat, kCaseType, kApplCode, kApplDec, kGender, kAsylumType, kParentTable, kMedium };
  std::vector<Check> checks(width, Check::kNone);
  for (size_t i = 0; i < width; ++i) {
    const std::string& u = upper[i];
    checks[i] = u == "NAT" ? Check::kNat : u == "CASE_TYPE" ? Check::kCaseType : u == "APPL_CODE" ? Check::kApplCode
              : u == "APPL_DEC" ? Check::kApplDec : u == "GENDER" ? Check::kGender : u == "C_ASY_TYPE" ? Check::kAsylumType
              : u == "PARENT_TABLE" ? Check::kParentTable : u == "ADJ_MEDIUM" ? Check::kMedium : Check::kNone;
  }
  std::vector<ValueType> types(width, ValueType::kText);
  for (size_t i = 0; i < width; ++i) {
    switch (rules[i].cls) {
      case ColumnClass::kId:
      case ColumnClass::kInt:
      case ColumnClass::kHhmm:
      case ColumnClass::kMonthYear:
        types[i] = ValueType::kInt;
        break;
      case ColumnClass::kDate:
      case ColumnClass::kDateText:
        types[i] = ValueType::kDate;
        break;
      case ColumnClass::kText:
        types[i] = ValueType::kFreeText;
        break;
      default:
        types[i] = ValueType::kText;
    }
  }
  std::vector<std::string> canonical_names;
  for (size_t i = 0; i < width; ++i) {
    // The store names columns as the schema does (GENDER, not Sex); unknown columns keep their header name.
    std::string name = header[i];
    for (const auto& c : spec.columns) {
      if (Upper(c) == upper[i]) name = std::string(c);
    }
    canonical_names.push_back(std::move(name));
  }
  if (sink != nullptr) IMMSTATS_RETURN_IF_ERROR(sink->BeginTable(t.name, canonical_names, types));
  std::vector<FieldValue> values(width);
  std::vector<std::string_view> trimmed(width);
  std::vector<std::string> owned(width);
  std::vector<char> scheduled_date(width), none_code(width);  // ADJ_DATE may lie ahead; N/A means none
  for (size_t i = 0; i < width; ++i) {
    scheduled_date[i] = upper[i] == "ADJ_DATE";
    none_code[i] = upper[i] == "CASEPRIORITY_CODE";
  }
  const bool is_case_table = spec.name == "A_TblCase";
  std::vector<std::pair<int64_t, int64_t>> unsettled;  // (line, case id) of rows read before their case
  const bool pk_is_int = !rules.empty() && rules[0].cls == ColumnClass::kId;
  KeySet keys;
  const auto& nat = lookups_["TBLLOOKUPNATIONALITY.CSV"];
  const auto& case_types = lookups_["TBLLOOKUPCASETYPE.CSV"];
  const auto& appl_codes = lookups_["TBLLOOKUP_APPLN.CSV"];
  const auto& appl_decs = lookups_["TBLLOOKUPCOURTAPPDECISIONS.CSV"];
  std::map<std::string, std::string> appl_upper;  // upper-case code -> code, when unambiguous
  for (const auto& c : appl_codes) {
    const auto [it, fresh] = appl_upper.emplace(Upper(c), c);
    if (!fresh) it->second.clear();
  }
  const int new_bond = [&] {
    for (size_t i = 0; i < width; ++i) {
      if (upper[i] == "NEW_BOND") return static_cast<int>(i);
    }
    return -1;
  }();
  const int bond_dec = [&] {
    for (size_t i = 0; i < width; ++i) {
      if (upper[i] == "DEC") return static_cast<int>(i);
    }
    return -1;
  }();
  std::string decoded;

  // One rejects file per table: file, line, byte offset, column, kind, reason and the raw bytes (escaped).
  std::ofstream rejects;
  if (!opt_.rejects_dir.empty()) {
    const fs::path path = opt_.rejects_dir / (t.name + ".rejects.tsv");
    rejects.open(path, std::ios::binary | std::ios::trunc);
    if (!rejects) return Status::IoError("cannot write " + path.string() + ": check the folder's permissions and free space");
    rejects << "file\tline\tbyte_offset\tcolumn\tkind\treason\traw\n";
  }
  auto reject = [&](const RawRow& row, std::string_view column, std::string_view kind,
                    std::string_view reason) -> Status {
    if (rejects.is_open()) {
      rejects << f.name << '\t' << row.line << '\t' << row.offset << '\t' << column << '\t' << kind
               << '\t' << reason << '\t' << EscapeRaw(row.raw) << '\n';
    }
    return Status::Ok();
  };

  RowReader reader(
      RowReaderOptions{text_column},
      [&](const RawRow& row) -> Status {
        ++t.read;
        std::set<std::string_view> kinds;
        auto event = [&](std::string_view kind, std::string_view column, Outcome o) {
          Event(t, row.line, kind, column, o, &kinds);
        };
        for (size_t i = 0; i < width; ++i) trimmed[i] = Trim(row.fields[i]);  // each field trimmed once
        // Q4 hidden shift: a value that cannot belong to its column means the fields have slid.
        for (size_t i = 0; i < width; ++i) {
          const std::string_view v = trimmed[i];
          if (v.empty()) continue;
          const ColumnRule& r = rules[i];
          const bool numeric = r.cls == ColumnClass::kId || r.cls == ColumnClass::kInt;
          if ((numeric && !IsInteger(v)) || (r.max_width > 0 && v.size() > static_cast<size_t>(r.max_width)) ||
              (r.cls != ColumnClass::kDate && r.cls != ColumnClass::kDateText && r.cls != ColumnClass::kText &&
               LooksLikeDateTime(v))) {
            event("hidden_shift", header[i], Outcome::kQuarantined);
            return reject(row, header[i], "hidden_shift",
                          "a value that cannot belong to this column: the row's fields have shifted");
          }
        }
        // Q11: the first row with a key wins.
        if (pk_is_int) {
          const int64_t key = ToInt(trimmed[0]);
          if (!keys.Insert(key)) {
            event("duplicate_pk", header[0], Outcome::kQuarantined);
            return reject(row, header[0], "duplicate_pk", "a second row with the same primary key; the first is kept");
          }
          if (is_case_table) cases_.Insert(key);
        }
        if (row.fixes & kFixNulStripped) event("nul_byte", "", Outcome::kRepaired);
        if (row.fixes & kFixTabRejoined) event("embedded_tab", header[static_cast<size_t>(text_column)], Outcome::kRepaired);
        if (row.fixes & kFixExtraEmptyDropped) event("extra_empty_fields", "", Outcome::kRepaired);
        if (row.fixes & kFixShortPadded) event("short_row", "", Outcome::kRepaired);
        if (row.fixes & kFixSplitJoined) event("split_line", "", Outcome::kRepaired);
        // Q12: keep, flagged, when the parent case is not in the release (asked again at the end while
        // A_TblCase is still being read: `done` is read first, so a miss after it is final).
        if (case_column >= 0) {
          const std::string_view v = trimmed[static_cast<size_t>(case_column)];
          if (IsInteger(v)) {
            const bool done = cases_done_.load(std::memory_order_acquire);
            const int64_t id = ToInt(v);
            if (!cases_.Contains(id)) {
              if (done) event("orphan", header[static_cast<size_t>(case_column)], Outcome::kFlagged);
              else unsettled.emplace_back(row.line, id);
            }
          }
        }
        for (size_t i = 0; i < width; ++i) {
          std::string_view v = trimmed[i];
          values[i] = FieldValue{};
          if (v.empty()) continue;
          const bool high = row.high_bytes &&
                            std::any_of(v.begin(), v.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
          if (high && Cp1252ToUtf8(v, &decoded)) {  // Q2
            event("cp1252_byte", header[i], Outcome::kRepaired);
            owned[i] = decoded;  // `decoded` is reused by the next field; the row's own bytes are not
            v = owned[i];
          }
          // One pass per value: the repair it needs (reported) and what the store keeps.
          ValueFix fix = ValueFix::kNone;
          FieldValue& fv = values[i];
          switch (rules[i].cls) {
            case ColumnClass::kId:
            case ColumnClass::kInt:
              if (IsInteger(v)) fv = {FieldValue::Kind::kInt, ToInt(v), 0, {}};
              break;
            case ColumnClass::kMonthYear:
              if (v.find_first_not_of('0') == std::string_view::npos) fix = ValueFix::kNullToken;
              else if (IsInteger(v)) fv = {FieldValue::Kind::kInt, ToInt(v), 0, {}};
              break;
            case ColumnClass::kHhmm:
              if (auto m = ParseHhmm(v, &fix)) fv = {FieldValue::Kind::kInt, *m, 0, {}};
              break;
            case ColumnClass::kDateText:
              if (v == "N/A" || v == "b6") {
                fix = ValueFix::kNullToken;
                break;
              }
              [[fallthrough]];
            case ColumnClass::kDate:
              if (auto d = ParseEoirDate(v, scheduled_date[i] ? latest_ + 3650 : latest_, &fix)) {
                fv = {FieldValue::Kind::kDate, 0, *d, {}};
              }
              break;
            case ColumnClass::kZip:
              owned[i] = NormalizeZip(v, &fix);
              if (!owned[i].empty()) fv = {FieldValue::Kind::kText, 0, 0, owned[i]};
              break;
            case ColumnClass::kText:
              if (v == "b6" || v == "N/A" || v.find_first_not_of('?') == std::string_view::npos) {
                fix = ValueFix::kNullToken;
                break;
              }
              [[fallthrough]];
            case ColumnClass::kCode:
              if (none_code[i] && v == "N/A") break;  // the code list's own "none", not a repair
              fv = {FieldValue::Kind::kText, 0, 0, v};
              break;
          }
          if (fix != ValueFix::kNone) event(ValueFixName(fix), header[i], Outcome::kRepaired);
          // Codes checked against the release's own lookups (Q14, Q15).
          switch (checks[i]) {
            case Check::kNone:
              break;
            case Check::kNat:
              if (!nat.empty() && nat.count(v) == 0) event("unknown_code", header[i], Outcome::kFlagged);
              break;
            case Check::kCaseType:
              if (!case_types.empty() && case_types.count(v) == 0) event("unknown_code", header[i], Outcome::kFlagged);
              break;
            case Check::kApplCode:
              if (!appl_codes.empty() && appl_codes.count(v) == 0) {
                auto it = appl_upper.find(Upper(v));
                if (it != appl_upper.end() && !it->second.empty()) {
                  event("case_variant", header[i], Outcome::kRepaired);
                  owned[i] = it->second;
                  values[i].text = owned[i];
                } else {
                  event("unknown_code", header[i], Outcome::kFlagged);
                }
              }
              break;
            case Check::kApplDec:
              if (!appl_decs.empty() && appl_decs.count(v) == 0) event("unknown_code", header[i], Outcome::kFlagged);
              break;
            case Check::kGender:
              if (v != "M" && v != "F") event("unknown_code", header[i], Outcome::kFlagged);
              break;
            case Check::kAsylumType:
              if (v != "I" && v != "E") event("unknown_code", header[i], Outcome::kFlagged);
              break;
            case Check::kParentTable:
              if (v != "A_TblCase" && v != "B_TblProceeding" && v != "tblAppeal") {
                const std::string u = Upper(v);
                if (u == "A_TBLCASE" || u == "B_TBLPROCEEDING" || u == "TBLAPPEAL") {
                  event("case_variant", header[i], Outcome::kRepaired);
                  owned[i] = u == "A_TBLCASE" ? "A_TblCase" : u == "B_TBLPROCEEDING" ? "B_TblProceeding" : "tblAppeal";
                  values[i].text = owned[i];
                } else {
                  event("unknown_code", header[i], Outcome::kFlagged);
                }
              }
              break;
            case Check::kMedium:
              if (std::islower(static_cast<unsigned char>(v[0]))) {
                event("case_variant", header[i], Outcome::kRepaired);
                owned[i] = Upper(v);
                values[i].text = owned[i];
              }
              break;
          }
        }
        // Q25: a zero bond amount means no amount unless the bond was granted.
        if (new_bond >= 0 && bond_dec >= 0 && trimmed[static_cast<size_t>(new_bond)] == "0" &&
            trimmed[static_cast<size_t>(bond_dec)] != "G") {
          event("zero_bond", header[static_cast<size_t>(new_bond)], Outcome::kRepaired);
          values[static_cast<size_t>(new_bond)] = FieldValue{};
        }
        ++t.loaded;
        if (sink != nullptr) IMMSTATS_RETURN_IF_ERROR(sink->Row(values));
        return Status::Ok();
      },
      [&](const RawRow& row, std::string_view reason) -> Status {
        ++t.read;
        std::set<std::string_view> kinds;
        Event(t, row.line, "too_many_fields", "", Outcome::kQuarantined, &kinds);
        return reject(row, "", "too_many_fields", reason);
      });
  const Status read = f.read([&](std::span<const uint8_t> chunk) {
    IMMSTATS_RETURN_IF_ERROR(on_bytes(chunk.size()));
    return reader.Feed(chunk);
  });
  IMMSTATS_RETURN_IF_ERROR(read);
  IMMSTATS_RETURN_IF_ERROR(reader.Finish());
  base::Trace(t.name + ": read, " + std::to_string(unsettled.size()) + " rows read before their case");
  if (!unsettled.empty()) {
    AwaitCases();
    for (const auto& [line, id] : unsettled) {
      if (cases_.Contains(id)) continue;
      std::set<std::string_view> kinds;
      Event(t, line, "orphan", header[static_cast<size_t>(case_column)], Outcome::kFlagged, &kinds);
    }
  }
  t.physical_lines = reader.physical_lines() - 1;
  if (sink != nullptr) IMMSTATS_RETURN_IF_ERROR(sink->EndTable(t.name, static_cast<uint64_t>(t.loaded)));
  if (rejects.is_open() && !rejects.flush()) {
    return Status::IoError("cannot write " + (opt_.rejects_dir / (t.name + ".rejects.tsv")).string() +
                           ": the disk may be full");
  }
  for (size_t i = 0; i < width; ++i) {
    if (Upper(header[i]) != upper[i]) out->notes.push_back(t.name + ": column " + header[i] + " read as " + upper[i]);
  }
  out->t = std::move(t);
  return Status::Ok();
}

Status Validator::ReadTables(std::vector<Job>* jobs) {
  const int threads = opt_.threads > 0 ? opt_.threads
                                       : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
  std::atomic<bool> failed{false};
  std::mutex progress_mu;
  // Reads `batch` on up to `workers` threads, reporting their bytes together under `label`.
  const auto read_batch = [&](std::vector<Job*> batch, int workers, const std::string& label) {
    uint64_t done = 0, total = 0;
    for (const Job* j : batch) total += j->file->size;
    // A_TblCase first (its children wait for it at their end), then the largest first.
    std::sort(batch.begin(), batch.end(), [](const Job* a, const Job* b) {
      const bool ca = a->spec->name == "A_TblCase", cb = b->spec->name == "A_TblCase";
      return ca != cb ? ca : a->file->size > b->file->size;
    });
    std::atomic<size_t> next{0};
    const auto work = [&] {
      for (size_t k = next++; k < batch.size() && !failed; k = next++) {
        Job& j = *batch[k];
        j.status = ProcessTable(*j.spec, *j.file, *j.header, j.sink.get(), &j.result, [&](uint64_t bytes) -> Status {
          if (failed) return Status::Cancelled("stopped: another table failed");
          std::lock_guard lock(progress_mu);
          done += bytes;
          if (opt_.on_progress) opt_.on_progress(label, done, total);
          return Status::Ok();
        });
        j.sink.reset();  // its column writers are closed: free them now
        if (j.spec->name == "A_TblCase") SetCasesDone();  // (also on failure: its children stop waiting)
        if (!j.status.ok()) failed = true;
        else if (opt_.on_table_done) opt_.on_table_done(j.spec->name);
      }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < std::min<int>(workers, static_cast<int>(batch.size())); ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  };
  std::vector<Job*> all;
  for (auto& j : *jobs) all.push_back(&j);
  if (!all.empty()) {
    const std::string label = all.size() > 1 ? std::to_string(all.size()) + " tables" : std::string(all[0]->spec->name);
    read_batch(all, threads, label);
  }
  for (const auto& j : *jobs) {  // the first real failure, in table order
    if (!j.status.ok() && j.status.code() != StatusCode::kCancelled) return j.status;
  }
  for (const auto& j : *jobs) IMMSTATS_RETURN_IF_ERROR(j.status);
  return Status::Ok();
}

Result<Reconciliation> Validator::Run() {
  rec_.source = opt_.path.string();
  IMMSTATS_RETURN_IF_ERROR(ListSources());
  if (opt_.release_date) {
    latest_ = *opt_.release_date + 730;
  } else {
    struct stat st {};
    const int32_t today = ::stat(opt_.path.c_str(), &st) == 0 ? static_cast<int32_t>(st.st_mtime / 86400) : 0;
    latest_ = today + 730;  // Q8: event dates up to two years after the release
  }
  if (!opt_.rejects_dir.empty()) {
    std::error_code ec;
    fs::create_directories(opt_.rejects_dir, ec);
    if (ec) return Status::IoError("cannot create " + opt_.rejects_dir.string() + ": " + ec.message());
  }
  IMMSTATS_RETURN_IF_ERROR(LoadLookups());

  // Identify each main table by its header (Q17), whatever the folder or file is called.
  std::map<std::string_view, std::pair<const SourceFile*, std::vector<std::string>>> found;
  std::map<std::string, int64_t> count_txt;
  for (const auto& f : files_) {
    const std::string up = Upper(f.name);
    if (up.find("LOOKUP/") != std::string::npos) continue;
    if (up.size() >= 9 && up.substr(up.size() - 9) == "COUNT.TXT") {
      std::string text;
      IMMSTATS_RETURN_IF_ERROR(f.read([&](std::span<const uint8_t> c) {
        text.append(reinterpret_cast<const char*>(c.data()), c.size());
        return Status::Ok();
      }));
      size_t pos = 0;
      while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + pos, end - pos);
        const size_t tab = line.find('\t');
        if (tab != std::string_view::npos && IsInteger(Trim(line.substr(tab + 1)))) {
          count_txt[Upper(Trim(line.substr(0, tab)))] = ToInt(Trim(line.substr(tab + 1)));
        }
        pos = end + 1;
      }
      continue;
    }
    auto first = FirstLine(f);
    if (!first.ok()) return first.status();
    std::vector<std::string> header;
    size_t pos = 0;
    for (;;) {
      const size_t tab = first->find('\t', pos);
      header.emplace_back(Trim(std::string_view(*first).substr(pos, tab == std::string::npos ? std::string::npos : tab - pos)));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    std::set<std::string> cols;
    for (const auto& h : header) cols.insert(CanonicalColumn(Upper(h)));
    const eoir::TableSpec* best = nullptr;
    double best_score = 0;
    for (const auto& spec : eoir::MainTables()) {
      int hit = 0;
      for (const auto& c : spec.columns) hit += cols.count(Upper(c)) != 0;
      const double score = static_cast<double>(hit) / static_cast<double>(std::max(spec.columns.size(), cols.size()));
      if (score > best_score) {
        best_score = score;
        best = &spec;
      }
    }
    if (best == nullptr || best_score < 0.8) {
      rec_.schema_notes.push_back("not a known table (header not recognised): " + f.name);
      continue;
    }
    if (found.count(best->name) != 0) {
      rec_.schema_notes.push_back(std::string(best->name) + " appears twice; using " + found[best->name].first->name);
      continue;
    }
    found[best->name] = {&f, std::move(header)};
  }
  std::vector<Job> jobs;
  for (const auto& spec : eoir::MainTables()) {  // parents first: cases before their children
    auto it = found.find(spec.name);
    if (it == found.end()) {
      if (spec.core) rec_.missing_tables.push_back(std::string(spec.name));
      continue;
    }
    Job job{&spec, it->second.first, &it->second.second, nullptr, {}, Status::Ok()};
    if (opt_.make_sink) {
      auto sink = opt_.make_sink(std::string(spec.name));
      if (!sink.ok()) return sink.status();
      job.sink = std::move(sink).value();
    }
    jobs.push_back(std::move(job));
  }
  if (found.count("A_TblCase") == 0) SetCasesDone();  // no cases: every child row is an orphan
  IMMSTATS_RETURN_IF_ERROR(ReadTables(&jobs));
  for (auto& job : jobs) {
    rec_.tables.push_back(std::move(job.result.t));
    auto ct = count_txt.find(Upper(job.spec->name));
    if (ct != count_txt.end()) rec_.tables.back().count_txt = ct->second;
    for (auto& note : job.result.notes) rec_.schema_notes.push_back(std::move(note));
  }
  return rec_;
}

}  // namespace

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kRepaired: return "repaired";
    case Outcome::kQuarantined: return "quarantined";
    case Outcome::kFlagged: return "flagged";
  }
  return "unknown";
}

Result<Reconciliation> ValidateEoirRelease(const ValidateOptions& options) {
  Validator v(options);
  return v.Run();
}

}  // namespace immstats::ingest
