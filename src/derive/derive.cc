// Builds derived.asylum_decisions and derived.proceedings from the stored base tables, chunk by chunk.
#include "derive/derive.h"

#include <malloc.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "derive/classes.h"
#include "derive/id_index.h"
#include "store/table_reader.h"

namespace immstats::derive {

namespace {

using store::kNullCode;
using store::kNullDate;
using store::kNullInt64;
using store::StringColumn;
using store::TableReader;

constexpr uint64_t kChunkRows = uint64_t{1} << 20;
constexpr int32_t kNoDate = INT32_MAX;  // "no representation row" in the earliest-E28 arrays

// Calls fn(begin, end) over [0, rows) in chunks, so that 49M-row tables are never held whole.
template <typename Fn>
Status ForEachChunk(uint64_t rows, Fn fn) {
  for (uint64_t b = 0; b < rows; b += kChunkRows) IMMSTATS_RETURN_IF_ERROR(fn(b, std::min(rows, b + kChunkRows)));
  return Status::Ok();
}

// A string column's values re-coded into one shared dictionary, so that values from several tables compare.
class Interner {
 public:
  uint32_t Intern(std::string_view s) {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    const auto code = static_cast<uint32_t>(values_.size());
    values_.emplace_back(s);
    index_.emplace(values_.back(), code);
    return code;
  }
  // Maps a column dictionary into this one (kNullCode stays null).
  std::vector<uint32_t> Map(const std::vector<std::string>& dict) {
    std::vector<uint32_t> out;
    out.reserve(dict.size());
    for (const auto& s : dict) out.push_back(Intern(s));
    return out;
  }
  std::optional<std::string_view> Value(uint32_t code) const {
    if (code == kNullCode) return std::nullopt;
    return values_[code];
  }

 private:
  std::map<std::string, uint32_t> index_;
  std::vector<std::string> values_;
};

// Per asylum-family code (ASYL, ASYW, WCAT): the application chosen by precedence, then latest receipt, then id.
struct Chosen {
  uint8_t cls = kNoApplication;
  bool conflict = false;
  int32_t recd = kNullDate;
  int64_t idn = kNullInt64;
};

struct AsylumState {
  Chosen code[3];
  bool unknown_code = false;   // an asylum-family APPL_DEC the release's lookup does not know
  int32_t asyl_received = kNoDate;  // earliest ASYL receipt (a missing receipt date counts from the proceeding's)
  int32_t proc_e28 = kNoDate;  // earliest court-level E-28 on a B_TblProceeding rep row for this proceeding
  int32_t last_hearing = kNullDate;
  uint32_t last_judge = kNullCode;
};

int32_t ReceivedDate(int32_t input, int32_t osc) { return input != kNullDate ? input : osc; }

bool Better(const Chosen& cur, uint8_t cls, int32_t recd, int64_t idn) {
  if (cur.cls == kNoApplication) return true;
  if (cls != cur.cls) return cls < cur.cls;
  if (recd != cur.recd) return recd > cur.recd;
  return idn > cur.idn;
}

struct Builder {
  store::SnapshotWriter* writer = nullptr;
  store::SnapshotInfo info;
  Interner strings;

  // Cases.
  CompactIds case_ids;  // kept only while case_index searches them (sparse keys)
  IdIndex case_index;
  store::Values<uint32_t> case_nat, case_asy_type;  // interned
  std::vector<int32_t> case_e28;                  // earliest court E-28 for the respondent on A_TblCase rows
  std::vector<uint8_t> case_ever_rep;
  // Proceedings.
  size_t nproc = 0;
  IdIndex proc_index;
  CompactIds proc_id, proc_case_id;
  std::vector<int32_t> proc_case;  // row in A_TblCase, -1 for an orphan
  store::Values<int32_t> comp, input, osc;
  std::vector<uint8_t> outcome, admin;
  std::vector<int32_t> slot;  // proceeding -> index in states, -1 without asylum-family applications
  std::vector<AsylumState> states;
  std::vector<int32_t> asyl_received;  // per state slot, kept after `states` is freed
  std::vector<uint8_t> relief_granted;  // a non-asylum relief application granted in the proceeding (spec §7.1)
  std::vector<uint32_t> judge_dict_map;  // schedule IJ_CODE dictionary -> interned

  Status ReadCases();
  Status ReadProceedings();
  Status ReadApplications();
  Status ReadReps();
  Status ReadSchedule();
  Status WriteNationalities(class TableOut* out, const std::vector<uint32_t>& order);
  Status CopyProceedingColumn(class TableOut* out, const std::vector<uint32_t>& order, const char* source, const char* name);
  Status WriteAsylum(DerivedSummary* summary);
  Status WriteProceedings(DerivedSummary* summary);

  AwaitTable await_table;  // empty: every base table is written already
  Result<TableReader> Table(const char* name) {
    if (await_table) {
      IMMSTATS_RETURN_IF_ERROR(await_table(name));
      info = writer->Written();
    }
    return TableReader::Open(info, name);
  }
  // A table the release may lack: NotFound is not an error for its reader.
  static bool Absent(const Status& st) { return st.code() == StatusCode::kNotFound; }
  // Rows [begin, end) of a string column as codes of the shared dictionary, recoded in place (no second copy).
  Status ReadInterned(const TableReader& t, const char* column, store::Values<uint32_t>* out, uint64_t begin = 0,
                      uint64_t end = UINT64_MAX) {
    out->clear();
    if (!t.Has(column)) {
      out->assign(std::min<uint64_t>(end, t.rows()) - std::min<uint64_t>(begin, t.rows()), kNullCode);
      return Status::Ok();
    }
    StringColumn c;
    IMMSTATS_RETURN_IF_ERROR(t.ReadStrings(column, &c, begin, end));
    const auto map = strings.Map(c.dict);
    for (uint32_t& code : c.codes) code = code == kNullCode ? kNullCode : map[code];
    *out = std::move(c.codes);
    return Status::Ok();
  }
};

Status Builder::ReadCases() {
  auto t = Table("A_TblCase");
  if (!t.ok()) return t.status();
  store::Values<int64_t> ids;
  IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNCASE", &ids));
  case_ids.Assign(ids);
  case_index.Build(case_ids);
  if (!case_index.borrows_keys()) case_ids.Clear();
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "NAT", &case_nat));
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "C_ASY_TYPE", &case_asy_type));
  case_e28.assign(ids.size(), kNoDate);
  case_ever_rep.assign(ids.size(), 0);
  return Status::Ok();
}

Status Builder::ReadProceedings() {
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  nproc = t->rows();
  {
    store::Values<int64_t> ids;
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDING", &ids));
    proc_id.Assign(ids);
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNCASE", &ids));
    proc_case_id.Assign(ids);
  }
  proc_index.Build(proc_id);
  proc_case.resize(nproc);
  for (size_t i = 0; i < nproc; ++i) proc_case[i] = proc_case_id[i] == kNullInt64 ? -1 : case_index.Find(proc_case_id[i]);
  IMMSTATS_RETURN_IF_ERROR(t->ReadDates("COMP_DATE", &comp));
  IMMSTATS_RETURN_IF_ERROR(t->ReadDates("INPUT_DATE", &input));
  IMMSTATS_RETURN_IF_ERROR(t->ReadDates("OSC_DATE", &osc));
  // DEC_CODE and OTHER_COMP decoded per (case type, code) through the release's own lookup (spec §4.4).
  auto key = [](uint32_t ct, uint32_t code, bool is_other_comp) {
    return uint64_t{ct} << 33 | uint64_t{code} << 1 | uint64_t{is_other_comp};
  };
  std::map<uint64_t, std::string> labels;
  auto lk = Table("lookup.tblLookupCourtDecision");
  if (!lk.ok() && !Absent(lk.status())) return lk.status();
  if (lk.ok()) {
    StringColumn ct, code, desc, type, active;
    IMMSTATS_RETURN_IF_ERROR(lk->ReadStrings("strCaseType", &ct));
    IMMSTATS_RETURN_IF_ERROR(lk->ReadStrings("strDecCode", &code));
    IMMSTATS_RETURN_IF_ERROR(lk->ReadStrings("strDecDescription", &desc));
    IMMSTATS_RETURN_IF_ERROR(lk->ReadStrings("strDecType", &type));
    if (lk->Has("blnActive")) IMMSTATS_RETURN_IF_ERROR(lk->ReadStrings("blnActive", &active));
    for (size_t r = 0; r < lk->rows(); ++r) {
      if (ct.IsNull(r) || code.IsNull(r) || type.IsNull(r)) continue;
      const uint64_t k = key(strings.Intern(ct.At(r)), strings.Intern(code.At(r)), type.At(r) == "O");
      const bool is_active = active.codes.empty() || active.At(r) != "0";
      auto it = labels.find(k);
      if (it == labels.end() || is_active) labels[k] = std::string(desc.At(r));  // duplicates: the active row wins
    }
  }
  // Outcome and completion per proceeding, chunk by chunk: the code columns themselves are re-read when written
  // out, so that no 16M-entry code column is held here.
  outcome.assign(nproc, kNoDecision);
  admin.assign(nproc, kNoAdmin);
  store::Values<uint32_t> dec_code, other_comp, case_type;
  const Status decoded = ForEachChunk(nproc, [&](uint64_t b, uint64_t e) -> Status {
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "DEC_CODE", &dec_code, b, e));
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "OTHER_COMP", &other_comp, b, e));
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "CASE_TYPE", &case_type, b, e));
    for (uint64_t i = b; i < e; ++i) {
      const size_t k = i - b;
      if (dec_code[k] != kNullCode) {
        auto it = labels.find(key(case_type[k], dec_code[k], false));
        outcome[i] = it == labels.end() ? kOtherClosure : ClassifyDecisionLabel(it->second);
      }
      if (other_comp[k] != kNullCode) {
        auto it = labels.find(key(case_type[k], other_comp[k], true));
        admin[i] = it == labels.end() ? kAdminClosure : ClassifyAdminLabel(it->second);
      }
      // Spec §6.1: completed = a valid COMP_DATE and a DEC_CODE or an OTHER_COMP.
      if (dec_code[k] == kNullCode && other_comp[k] == kNullCode) comp[i] = kNullDate;
    }
    return Status::Ok();
  });
  IMMSTATS_RETURN_IF_ERROR(decoded);
  slot.assign(nproc, -1);
  relief_granted.assign(nproc, 0);
  return Status::Ok();
}

Status Builder::ReadApplications() {
  auto t = Table("tbl_Court_Appln");
  if (!t.ok()) return t.status();
  StringColumn code_col, dec_col;
  store::Values<int64_t> ids, procs;
  store::Values<int32_t> recd;
  return ForEachChunk(t->rows(), [&](uint64_t b, uint64_t e) -> Status {
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDINGAPPLN", &ids, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDING", &procs, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("APPL_RECD_DATE", &recd, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("APPL_CODE", &code_col, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("APPL_DEC", &dec_col, b, e));
    // Per dictionary entry: which asylum-family code (0-2), else -1 relief, else -2.
    std::vector<int> family(code_col.dict.size(), -2);
    for (size_t d = 0; d < code_col.dict.size(); ++d) {
      const std::string& c = code_col.dict[d];
      family[d] = c == "ASYL" ? 0 : c == "ASYW" ? 1 : c == "WCAT" ? 2 : IsOtherReliefApplication(c) ? -1 : -2;
    }
    for (size_t r = 0; r < procs.size(); ++r) {
      if (code_col.IsNull(r) || procs[r] == kNullInt64) continue;
      const int fam = family[code_col.codes[r]];
      if (fam == -2) continue;
      const int32_t p = proc_index.Find(procs[r]);
      if (p < 0) continue;  // an application whose proceeding is not in the release (Q12): not attributable
      bool unknown = false;
      const ApplClass cls = ClassOfApplDecision(dec_col.At(r), &unknown);
      if (fam == -1) {
        if (cls == kGrant) relief_granted[static_cast<size_t>(p)] = 1;
        continue;
      }
      int32_t& s = slot[static_cast<size_t>(p)];
      if (s < 0) {
        s = static_cast<int32_t>(states.size());
        states.emplace_back();
      }
      AsylumState& st = states[static_cast<size_t>(s)];
      Chosen& ch = st.code[fam];
      if (ch.cls != kNoApplication && ch.cls != cls) ch.conflict = true;
      if (Better(ch, cls, recd[r], ids[r])) {
        ch.cls = cls;
        ch.recd = recd[r];
        ch.idn = ids[r];
      }
      st.unknown_code |= unknown;
      if (fam == 0) {
        const size_t pi = static_cast<size_t>(p);
        const int32_t from = recd[r] != kNullDate ? recd[r] : ReceivedDate(input[pi], osc[pi]);
        if (from != kNullDate) st.asyl_received = std::min(st.asyl_received, from);
      }
    }
    return Status::Ok();
  });
}

Status Builder::ReadReps() {
  auto t = Table("tbl_RepsAssigned");
  // Absent: a release without representation rows: nobody counts as represented.
  if (!t.ok()) return Absent(t.status()) ? Status::Ok() : t.status();
  store::Values<int64_t> cases, parents;
  store::Values<int32_t> e28;
  StringColumn level, type, parent_table;
  return ForEachChunk(t->rows(), [&](uint64_t b, uint64_t e) -> Status {
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNCASE", &cases, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("PARENT_IDN", &parents, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("E_28_DATE", &e28, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("STRATTYLEVEL", &level, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("STRATTYTYPE", &type, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("PARENT_TABLE", &parent_table, b, e));
    for (size_t r = 0; r < cases.size(); ++r) {
      if (level.At(r) != "COURT" || type.At(r) != "ALIEN" || cases[r] == kNullInt64) continue;
      const int32_t c = case_index.Find(cases[r]);
      if (c < 0) continue;
      case_ever_rep[static_cast<size_t>(c)] = 1;
      const int32_t date = e28[r] == kNullDate ? INT32_MIN : e28[r];  // a NULL E-28 counts as present (spec §6.2)
      const std::string_view pt = parent_table.At(r);
      if (pt == "A_TblCase") {
        case_e28[static_cast<size_t>(c)] = std::min(case_e28[static_cast<size_t>(c)], date);
      } else if (pt == "B_TblProceeding" && parents[r] != kNullInt64) {
        const int32_t p = proc_index.Find(parents[r]);
        if (p >= 0 && slot[static_cast<size_t>(p)] >= 0) {
          AsylumState& st = states[static_cast<size_t>(slot[static_cast<size_t>(p)])];
          st.proc_e28 = std::min(st.proc_e28, date);
        }
      }
    }
    return Status::Ok();
  });
}

Status Builder::ReadSchedule() {
  auto t = Table("tbl_schedule");
  // Absent: no hearings: the last-hearing judge stays unknown.
  if (!t.ok()) return Absent(t.status()) ? Status::Ok() : t.status();
  store::Values<int64_t> procs;
  store::Values<int32_t> adj;
  StringColumn ij;
  return ForEachChunk(t->rows(), [&](uint64_t b, uint64_t e) -> Status {
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDING", &procs, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("ADJ_DATE", &adj, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("IJ_CODE", &ij, b, e));
    if (judge_dict_map.size() != ij.dict.size()) judge_dict_map = strings.Map(ij.dict);
    for (size_t r = 0; r < procs.size(); ++r) {
      if (procs[r] == kNullInt64 || adj[r] == kNullDate || ij.IsNull(r)) continue;
      const int32_t p = proc_index.Find(procs[r]);
      if (p < 0 || slot[static_cast<size_t>(p)] < 0 || comp[static_cast<size_t>(p)] == kNullDate) continue;
      if (adj[r] > comp[static_cast<size_t>(p)]) continue;
      AsylumState& st = states[static_cast<size_t>(slot[static_cast<size_t>(p)])];
      if (st.last_hearing == kNullDate || adj[r] >= st.last_hearing) {
        st.last_hearing = adj[r];
        st.last_judge = judge_dict_map[ij.codes[r]];
      }
    }
    return Status::Ok();
  });
}

// Column writers for one derived table, by name. Columns appear in the table in call order. Number and date
// columns are filled and compressed on a helper thread while the caller goes on (their values read the
// builder's arrays, which nothing changes while writing); string columns are written by the caller, because
// looking their codes up may intern new strings. Wait() before the table's row count is set; the destructor
// also waits, so an early return never leaves the helper reading freed arrays.
class TableOut {
 public:
  TableOut(store::SnapshotWriter* w, std::string table) : w_(w), table_(std::move(table)) {}
  TableOut(const TableOut&) = delete;
  TableOut& operator=(const TableOut&) = delete;
  ~TableOut() { (void)Wait(); }

  Status Int(const char* name, const std::vector<uint32_t>& order, auto value) {
    return Helper(name, store::ColumnType::kInt64, [&order, value](store::ColumnWriter& c) {
      for (size_t i : order) {
        c.AppendInt(value(i));
        IMMSTATS_RETURN_IF_ERROR(c.Flush());
      }
      return Status::Ok();
    });
  }
  Status Int8(const char* name, const std::vector<uint32_t>& order, auto value) {
    return Helper(name, store::ColumnType::kInt8, [&order, value](store::ColumnWriter& c) {
      for (size_t i : order) {
        c.AppendInt8(static_cast<int8_t>(value(i)));
        IMMSTATS_RETURN_IF_ERROR(c.Flush());
      }
      return Status::Ok();
    });
  }
  Status Date(const char* name, const std::vector<uint32_t>& order, auto value) {
    return Helper(name, store::ColumnType::kDate, [&order, value](store::ColumnWriter& c) {
      for (size_t i : order) {
        c.AppendDate(value(i));
        IMMSTATS_RETURN_IF_ERROR(c.Flush());
      }
      return Status::Ok();
    });
  }
  Status String(const char* name, const std::vector<uint32_t>& order, const Interner& strings, auto value) {
    auto c = w_->AddColumn(table_, name, store::ColumnType::kString);
    if (!c.ok()) return c.status();
    for (size_t i : order) {
      c->AppendString(strings.Value(value(i)));
      IMMSTATS_RETURN_IF_ERROR(c->Flush());
    }
    return c->Finish();
  }
  // Until the helper has written every column handed to it; its first error, if any.
  Status Wait() {
    std::unique_lock lock(mu_);
    idle_.wait(lock, [&] { return tasks_.empty() && !busy_; });
    if (worker_.joinable()) {
      stop_ = true;
      ready_.notify_all();
      lock.unlock();
      worker_.join();
      lock.lock();
      stop_ = false;
    }
    return status_;
  }

 private:
  Status Helper(const char* name, store::ColumnType type, std::function<Status(store::ColumnWriter&)> fill) {
    auto c = w_->AddColumn(table_, name, type);  // here, in call order: the table's column order
    if (!c.ok()) return c.status();
    auto writer = std::make_shared<store::ColumnWriter>(std::move(c).value());
    std::lock_guard lock(mu_);
    if (!status_.ok()) return status_;
    tasks_.push_back([writer, fill = std::move(fill)] {
      IMMSTATS_RETURN_IF_ERROR(fill(*writer));
      return writer->Finish();
    });
    if (!worker_.joinable()) worker_ = std::thread([this] { Work(); });
    ready_.notify_one();
    return Status::Ok();
  }
  void Work() {
    std::unique_lock lock(mu_);
    for (;;) {
      ready_.wait(lock, [&] { return stop_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stop_ and nothing left
      auto task = std::move(tasks_.front());
      tasks_.pop_front();
      busy_ = true;
      lock.unlock();
      const Status st = status_.ok() ? task() : Status::Ok();  // after a failure the rest are dropped
      lock.lock();
      busy_ = false;
      if (!st.ok() && status_.ok()) status_ = st;
      idle_.notify_all();
    }
  }

  store::SnapshotWriter* w_;
  std::string table_;
  std::mutex mu_;
  std::condition_variable ready_, idle_;
  std::deque<std::function<Status()>> tasks_;
  bool busy_ = false, stop_ = false;
  Status status_;
  std::thread worker_;
};

// A B_TblProceeding code column copied into a derived table, in the table's row order.
Status Builder::CopyProceedingColumn(TableOut* out, const std::vector<uint32_t>& order, const char* source,
                                     const char* name) {
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  store::Values<uint32_t> values;
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, source, &values));
  return out->String(name, order, strings, [&](size_t p) { return values[p]; });
}

// nat_case and nat_proceeding as recorded, and the two a query reads (one column each): `nationality` =
// the case's NAT, else the proceeding's (spec 6.2 default); `nationality_by_proceeding` = the other way round.
Status Builder::WriteNationalities(TableOut* out, const std::vector<uint32_t>& order) {
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  store::Values<uint32_t> proc_nat;
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "NAT", &proc_nat));
  auto of_case = [&](size_t p) { return proc_case[p] < 0 ? kNullCode : case_nat[static_cast<size_t>(proc_case[p])]; };
  IMMSTATS_RETURN_IF_ERROR(out->String("nat_case", order, strings, of_case));
  IMMSTATS_RETURN_IF_ERROR(out->String("nat_proceeding", order, strings, [&](size_t p) { return proc_nat[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out->String("nationality", order, strings, [&](size_t p) {
    return of_case(p) != kNullCode ? of_case(p) : proc_nat[p];
  }));
  return out->String("nationality_by_proceeding", order, strings, [&](size_t p) {
    return proc_nat[p] != kNullCode ? proc_nat[p] : of_case(p);
  });
}

Status Builder::WriteAsylum(DerivedSummary* summary) {
  // Proceeding rows that carry asylum-family applications, in decision-date order (pending last).
  std::vector<uint32_t> order;
  for (size_t p = 0; p < nproc; ++p) {
    if (slot[p] >= 0) order.push_back(static_cast<uint32_t>(p));
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const int64_t ca = comp[a] == kNullDate ? INT64_MAX : comp[a], cb = comp[b] == kNullDate ? INT64_MAX : comp[b];
    return ca != cb ? ca < cb : proc_id[a] < proc_id[b];
  });
  // The start of a case: the earliest received date over its proceedings (wait times measured case-level).
  std::vector<int32_t> case_start(case_nat.size(), kNullDate);
  for (size_t p = 0; p < nproc; ++p) {
    const int32_t rcv = ReceivedDate(input[p], osc[p]);
    if (proc_case[p] < 0 || rcv == kNullDate) continue;
    int32_t& cs = case_start[static_cast<size_t>(proc_case[p])];
    if (cs == kNullDate || rcv < cs) cs = rcv;
  }
  auto st = [&](size_t p) -> const AsylumState& { return states[static_cast<size_t>(slot[p])]; };
  auto case_of = [&](size_t p) { return proc_case[p]; };
  TableOut out(writer, kAsylumTable);
  IMMSTATS_RETURN_IF_ERROR(out.Int("idnproceeding", order, [&](size_t p) { return proc_id[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int("idncase", order, [&](size_t p) { return proc_case_id[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("decision_date", order, [&](size_t p) { return comp[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("class_asyl", order, [&](size_t p) { return int64_t{st(p).code[0].cls}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("class_asyw", order, [&](size_t p) { return int64_t{st(p).code[1].cls}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("class_wcat", order, [&](size_t p) { return int64_t{st(p).code[2].cls}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("conflict", order, [&](size_t p) {
    const auto& s = st(p);
    return int64_t{s.code[0].conflict} | int64_t{s.code[1].conflict} << 1 | int64_t{s.code[2].conflict} << 2;
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("appl_recd_date", order, [&](size_t p) {
    const auto& s = st(p);
    for (const auto& c : s.code) {
      if (c.cls != kNoApplication) return c.recd;
    }
    return kNullDate;
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("other_relief_application", order, [&](size_t p) { return int64_t{relief_granted[p]}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("decision_outcome", order, [&](size_t p) { return int64_t{outcome[p]}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("admin_completion", order, [&](size_t p) { return int64_t{admin[p]}; }));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "DEC_CODE", "dec_code"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "OTHER_COMP", "other_comp"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "BASE_CITY_CODE", "court"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "HEARING_LOC_CODE", "hearing_loc"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "IJ_CODE", "judge"));
  IMMSTATS_RETURN_IF_ERROR(out.String("judge_last_hearing", order, strings, [&](size_t p) { return st(p).last_judge; }));
  IMMSTATS_RETURN_IF_ERROR(WriteNationalities(&out, order));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "CUSTODY", "custody"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "CASE_TYPE", "case_type"));
  IMMSTATS_RETURN_IF_ERROR(out.String("asylum_type", order, strings, [&](size_t p) {
    return case_of(p) < 0 ? kNullCode : case_asy_type[static_cast<size_t>(case_of(p))];
  }));
  // Represented by the decision date (spec §6.2): the earliest court-level E-28 of the respondent's attorney on the
  // case or on this proceeding, on or before COMP_DATE. A pending record uses "represented so far".
  IMMSTATS_RETURN_IF_ERROR(out.Int8("represented", order, [&](size_t p) {
    const int32_t c = case_of(p);
    const int32_t first = std::min(st(p).proc_e28, c < 0 ? kNoDate : case_e28[static_cast<size_t>(c)]);
    if (first == kNoDate) return int64_t{0};
    return int64_t{comp[p] == kNullDate || first <= comp[p]};
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("represented_ever", order, [&](size_t p) {
    return int64_t{case_of(p) >= 0 && case_ever_rep[static_cast<size_t>(case_of(p))] != 0};
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("input_date", order, [&](size_t p) { return input[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("osc_date", order, [&](size_t p) { return osc[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("case_start_date", order, [&](size_t p) {
    return case_of(p) < 0 ? kNullDate : case_start[static_cast<size_t>(case_of(p))];
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("orphan", order, [&](size_t p) { return int64_t{case_of(p) < 0}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("unknown_code", order, [&](size_t p) { return int64_t{st(p).unknown_code}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Wait());
  writer->SetRows(kAsylumTable, order.size());
  summary->asylum_records = order.size();
  return Status::Ok();
}

Status Builder::WriteProceedings(DerivedSummary* summary) {
  std::vector<uint32_t> order(nproc);
  std::iota(order.begin(), order.end(), uint32_t{0});
  // The received date of the case's next proceeding: an admin-closed proceeding stays "inactive" until then.
  std::vector<uint32_t> by_case(nproc);
  std::iota(by_case.begin(), by_case.end(), uint32_t{0});
  std::sort(by_case.begin(), by_case.end(), [&](uint32_t a, uint32_t b) {
    if (proc_case_id[a] != proc_case_id[b]) return proc_case_id[a] < proc_case_id[b];
    const int32_t ra = ReceivedDate(input[a], osc[a]), rb = ReceivedDate(input[b], osc[b]);
    return ra != rb ? ra < rb : proc_id[a] < proc_id[b];
  });
  std::vector<int32_t> next_received(nproc, kNullDate);
  for (size_t k = 0; k + 1 < by_case.size(); ++k) {
    const size_t a = by_case[k], b = by_case[k + 1];
    if (proc_case_id[a] == proc_case_id[b] && proc_case_id[a] != kNullInt64) next_received[a] = ReceivedDate(input[b], osc[b]);
  }
  by_case = {};
  TableOut out(writer, kProceedingTable);
  IMMSTATS_RETURN_IF_ERROR(out.Int("idnproceeding", order, [&](size_t p) { return proc_id[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("received_date", order, [&](size_t p) { return ReceivedDate(input[p], osc[p]); }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("input_date", order, [&](size_t p) { return input[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("osc_date", order, [&](size_t p) { return osc[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("completion_date", order, [&](size_t p) { return comp[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Date("next_received_date", order, [&](size_t p) { return next_received[p]; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("decision_outcome", order, [&](size_t p) { return int64_t{outcome[p]}; }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("admin_completion", order, [&](size_t p) { return int64_t{admin[p]}; }));
  // Asylum backlog at t: a proceeding pending at t with an ASYL application received by t (spec §8).
  IMMSTATS_RETURN_IF_ERROR(out.Date("asylum_received_date", order, [&](size_t p) {
    if (slot[p] < 0) return kNullDate;
    const int32_t d = asyl_received[static_cast<size_t>(slot[p])];
    return d == kNoDate ? kNullDate : d;
  }));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "CASE_TYPE", "case_type"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "BASE_CITY_CODE", "court"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "HEARING_LOC_CODE", "hearing_loc"));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "IJ_CODE", "judge"));
  IMMSTATS_RETURN_IF_ERROR(WriteNationalities(&out, order));
  IMMSTATS_RETURN_IF_ERROR(CopyProceedingColumn(&out, order, "CUSTODY", "custody"));
  IMMSTATS_RETURN_IF_ERROR(out.String("asylum_type", order, strings, [&](size_t p) {
    return proc_case[p] < 0 ? kNullCode : case_asy_type[static_cast<size_t>(proc_case[p])];
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Int8("represented_ever", order, [&](size_t p) {
    return int64_t{proc_case[p] >= 0 && case_ever_rep[static_cast<size_t>(proc_case[p])] != 0};
  }));
  IMMSTATS_RETURN_IF_ERROR(out.Wait());
  writer->SetRows(kProceedingTable, nproc);
  summary->proceedings = nproc;
  for (size_t p = 0; p < nproc; ++p) {
    if (comp[p] != kNullDate) summary->data_through = std::max(summary->data_through, comp[p]);
  }
  return Status::Ok();
}

}  // namespace

Result<DerivedSummary> BuildDerivedTables(store::SnapshotWriter* writer, const StepCallback& on_step,
                                          const AwaitTable& await_table) {
  Builder b;
  b.writer = writer;
  b.info = writer->Written();
  b.await_table = await_table;
  DerivedSummary summary;
  constexpr int kSteps = 7;
  int done = 0;
  auto step = [&](std::string_view name) {
    if (on_step) on_step(name, ++done, kSteps);
  };
  IMMSTATS_RETURN_IF_ERROR(b.ReadCases());
  step("cases");
  IMMSTATS_RETURN_IF_ERROR(b.ReadProceedings());
  step("proceedings");
  IMMSTATS_RETURN_IF_ERROR(b.ReadApplications());
  step("applications");
  IMMSTATS_RETURN_IF_ERROR(b.ReadReps());
  step("representation");
  IMMSTATS_RETURN_IF_ERROR(b.ReadSchedule());
  step("hearings");
  b.proc_index = IdIndex();  // lookups by id are over: give the memory back before writing
  b.case_index = IdIndex();
  b.case_ids.Clear();
  ::malloc_trim(0);
  IMMSTATS_RETURN_IF_ERROR(b.WriteAsylum(&summary));
  step("asylum decisions written");
  // The proceedings table needs one field of the asylum state: keep it, drop the rest.
  b.asyl_received.reserve(b.states.size());
  for (const auto& st : b.states) b.asyl_received.push_back(st.asyl_received);
  b.states = {};
  ::malloc_trim(0);
  IMMSTATS_RETURN_IF_ERROR(b.WriteProceedings(&summary));
  step("proceedings written");
  return summary;
}

}  // namespace immstats::derive
