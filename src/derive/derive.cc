// Builds derived.asylum_decisions and derived.proceedings from the stored base tables, in passes over ranges of
// B_TblProceeding rows, so that the memory it needs does not grow with the release.
#include "derive/derive.h"

#include <malloc.h>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/trace.h"
#include "derive/asylum_runs.h"
#include "derive/chunk_spans.h"
#include "derive/classes.h"
#include "derive/id_index.h"
#include "derive/interner.h"
#include "derive/table_out.h"
#include "store/table_reader.h"

namespace immstats::derive {

namespace {

using store::ColumnType;
using store::ColumnWriter;
using store::kNullCode;
using store::kNullDate;
using store::kNullInt64;
using store::StringColumn;
using store::TableReader;

constexpr uint64_t kChunkRows = uint64_t{1} << 18;  // rows decoded at a time when a pass scans a table (4 blocks)
constexpr int32_t kNoDate = INT32_MAX;              // "no representation row" in the earliest-E28 fields
constexpr size_t kMergeBatch = 65536;

// Calls fn(begin, end) over [0, rows) in chunks, so that 49M-row tables are never held whole.
template <typename Fn>
Status ForEachChunk(uint64_t rows, Fn fn) {
  for (uint64_t b = 0; b < rows; b += kChunkRows) IMMSTATS_RETURN_IF_ERROR(fn(b, std::min(rows, b + kChunkRows)));
  return Status::Ok();
}

// Per asylum-family code (ASYL, ASYW, WCAT): the application chosen by precedence, then latest receipt, then id.
struct Chosen {
  uint8_t cls = kNoApplication;
  bool conflict = false;
  int32_t recd = kNullDate;
  int64_t idn = kNullInt64;
};

struct AsylumState {
  Chosen code[3];
  bool unknown_code = false;        // an asylum-family APPL_DEC the release's lookup does not know
  int32_t asyl_received = kNoDate;  // earliest ASYL receipt (a missing receipt date counts from the proceeding's)
  int32_t proc_e28 = kNoDate;       // earliest court-level E-28 on a B_TblProceeding rep row for this proceeding
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

// A key column to read chunk by chunk, and the ids the scan looks for.
struct KeyScan {
  const char* column;
  IdRange wanted;
  store::Values<int64_t>* ids;  // the chunk's ids
};

// A representation row that may matter to the pass: its case, and its proceeding when it is one of the pass's.
struct RepRow {
  int64_t case_id;
  int32_t e28;         // INT32_MIN for a NULL E-28, which counts as present (spec §6.2)
  int32_t proceeding;  // row in the pass, -1 unless PARENT_TABLE is B_TblProceeding and the parent is here
  bool on_case;        // PARENT_TABLE is A_TblCase
};

// The records of one range of B_TblProceeding rows, with what they need from the other tables.
struct Pass {
  uint64_t begin = 0;
  size_t n = 0;
  // Proceedings [begin, begin + n).
  CompactIds proc_id, proc_case_id;
  IdIndex proc_index;
  IdRange proc_range, case_range;  // the pass's IDNPROCEEDINGs and the IDNCASEs they name
  store::Values<int32_t> comp, input, osc;
  std::vector<uint8_t> outcome, admin, relief_granted;
  std::vector<int32_t> slot;  // proceeding -> index in states, -1 without asylum-family applications
  std::vector<AsylumState> states;
  std::vector<int32_t> next_received;
  // Cases: the ids these proceedings (and their representation rows) name, sorted; per id what A_TblCase says.
  std::vector<int64_t> case_keys;
  CompactIds case_ids;
  IdIndex case_index;
  std::vector<uint8_t> case_found, case_of_pass, case_ever_rep;
  std::vector<int32_t> case_e28, case_start;
  std::vector<uint32_t> case_nat, case_asy_type;  // interned
  std::vector<int32_t> proc_case;                 // position in case_keys, -1 when A_TblCase lacks the case
  std::vector<RepRow> reps;

  int32_t CaseOf(size_t p) const { return proc_case[p]; }
  const AsylumState& State(size_t p) const { return states[static_cast<size_t>(slot[p])]; }
};

// derived.proceedings' columns, in table order.
enum ProcColumn : size_t {
  kPIdn, kPReceived, kPInput, kPOsc, kPCompletion, kPNextReceived, kPOutcome, kPAdmin, kPAsylumReceived,
  kPCaseType, kPCourt, kPHearingLoc, kPJudge, kPNatCase, kPNatProc, kPNationality, kPNationalityByProc, kPCustody,
  kPAsylumType, kPRepresentedEver,
};

class Builder {
 public:
  Builder(store::SnapshotWriter* writer, AwaitTable await_table, uint64_t per_pass)
      : writer_(writer), await_table_(std::move(await_table)), per_pass_(std::max<uint64_t>(per_pass, 1)),
        runs_(writer->temp_dir() / "derive-runs") {}
  Result<DerivedSummary> Build(const StepCallback& on_step);

 private:
  // A base table once it is written; NotFound when the release lacks it. Opened anew by each step and closed at
  // its end, so that the pages of its column files a scan touched do not stay mapped through every pass.
  Result<TableReader> Table(const std::string& name);
  static bool Absent(const Status& st) { return st.code() == StatusCode::kNotFound; }
  // Rows [begin, end) of a string column as codes of the shared dictionary (all null when the column is absent).
  Status ReadInterned(const TableReader& t, const char* column, store::Values<uint32_t>* out, uint64_t begin,
                      uint64_t end);
  Status ReadDecisionLabels();
  Status OpenProceedingsTable();
  // Calls fn(begin, end) for each chunk of `t` whose key columns may hold a wanted id, the keys read into their
  // vectors. The first scan of a column reads every chunk and notes each chunk's smallest and largest id; later
  // passes skip the chunks whose ids all lie outside what they look for (most of them when the release is in id
  // order, as EOIR's tables roughly are).
  Status ScanChunks(const TableReader& t, std::initializer_list<KeyScan> keys,
                    const std::function<Status(uint64_t, uint64_t)>& fn);

  // The steps of one pass.
  Status ReadProceedings(Pass* p);
  Status ReadApplications(Pass* p);
  Status ReadReps(Pass* p);
  Status ReadCases(Pass* p);
  Status ReadSchedule(Pass* p);
  Status ReadCaseStarts(Pass* p);
  Status WriteProceedings(const Pass& p, DerivedSummary* summary);
  Status SpillAsylumRows(const Pass& p);
  Status WriteAsylumTable(DerivedSummary* summary);

  store::SnapshotWriter* writer_;
  AwaitTable await_table_;
  uint64_t per_pass_;
  store::SnapshotInfo info_;
  std::set<std::string, std::less<>> written_;  // tables awaited already
  std::map<std::string, std::vector<ChunkSpans>> chunk_spans_;  // "table.column" -> per chunk, the ids in it
  Interner strings_;
  std::map<uint64_t, std::string> labels_;  // (case type, code, is OTHER_COMP) -> tblLookupCourtDecision label
  std::unique_ptr<TableOut> proceedings_;
  AsylumRuns runs_;
};

Result<TableReader> Builder::Table(const std::string& name) {
  if (await_table_ && written_.insert(name).second) {
    IMMSTATS_RETURN_IF_ERROR(await_table_(name));
    info_ = writer_->Written();
  }
  auto t = TableReader::Open(info_, name);
  if (t.ok()) t->DropPagesAfterReads();
  return t;
}

Status Builder::ReadInterned(const TableReader& t, const char* column, store::Values<uint32_t>* out, uint64_t begin,
                             uint64_t end) {
  out->clear();
  if (!t.Has(column)) {
    out->assign(std::min<uint64_t>(end, t.rows()) - std::min<uint64_t>(begin, t.rows()), kNullCode);
    return Status::Ok();
  }
  StringColumn c;
  IMMSTATS_RETURN_IF_ERROR(t.ReadStrings(column, &c, begin, end));
  const auto map = strings_.Map(c.dict);
  for (uint32_t& code : c.codes) code = code == kNullCode ? kNullCode : map[code];
  *out = std::move(c.codes);
  return Status::Ok();
}

Status Builder::ScanChunks(const TableReader& t, std::initializer_list<KeyScan> keys,
                           const std::function<Status(uint64_t, uint64_t)>& fn) {
  std::vector<std::vector<ChunkSpans>*> ranges;
  for (const KeyScan& k : keys) ranges.push_back(&chunk_spans_[t.name() + "." + k.column]);
  uint64_t chunks = 0, read = 0;
  const Status st = ForEachChunk(t.rows(), [&](uint64_t b, uint64_t e) -> Status {
    ++chunks;
    const size_t chunk = static_cast<size_t>(b / kChunkRows);
    bool known = true, may_hold = false;
    size_t i = 0;
    for (const KeyScan& k : keys) {
      const auto& r = *ranges[i++];
      if (chunk < r.size()) {
        may_hold |= r[chunk].Meets(k.wanted);
      } else {
        known = false;
      }
    }
    if (known && !may_hold) return Status::Ok();
    ++read;
    i = 0;
    for (const KeyScan& k : keys) {
      IMMSTATS_RETURN_IF_ERROR(t.ReadInts(k.column, k.ids, b, e));
      auto& r = *ranges[i++];
      if (chunk == r.size()) {
        ChunkSpans seen;
        for (const int64_t id : *k.ids) seen.Add(id);
        r.push_back(seen);
      }
    }
    return fn(b, e);
  });
  if (base::TraceEnabled()) {
    base::Trace("scan of " + t.name() + "." + keys.begin()->column + ": " + std::to_string(read) + " of " +
                std::to_string(chunks) + " chunks read");
  }
  return st;
}

uint64_t LabelKey(uint32_t case_type, uint32_t code, bool is_other_comp) {
  return uint64_t{case_type} << 33 | uint64_t{code} << 1 | uint64_t{is_other_comp};
}

// DEC_CODE and OTHER_COMP are decoded per (case type, code) through the release's own lookup (spec §4.4).
Status Builder::ReadDecisionLabels() {
  auto lk = Table("lookup.tblLookupCourtDecision");
  if (!lk.ok()) return Absent(lk.status()) ? Status::Ok() : lk.status();
  const TableReader& t = *lk;
  StringColumn ct, code, desc, type, active;
  IMMSTATS_RETURN_IF_ERROR(t.ReadStrings("strCaseType", &ct));
  IMMSTATS_RETURN_IF_ERROR(t.ReadStrings("strDecCode", &code));
  IMMSTATS_RETURN_IF_ERROR(t.ReadStrings("strDecDescription", &desc));
  IMMSTATS_RETURN_IF_ERROR(t.ReadStrings("strDecType", &type));
  if (t.Has("blnActive")) IMMSTATS_RETURN_IF_ERROR(t.ReadStrings("blnActive", &active));
  for (size_t r = 0; r < t.rows(); ++r) {
    if (ct.IsNull(r) || code.IsNull(r) || type.IsNull(r)) continue;
    const uint64_t k = LabelKey(strings_.Intern(ct.At(r)), strings_.Intern(code.At(r)), type.At(r) == "O");
    const bool is_active = active.codes.empty() || active.At(r) != "0";
    auto it = labels_.find(k);
    if (it == labels_.end() || is_active) labels_[k] = std::string(desc.At(r));  // duplicates: the active row wins
  }
  return Status::Ok();
}

Status Builder::ReadProceedings(Pass* p) {
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  const uint64_t b = p->begin, e = p->begin + p->n;
  {
    store::Values<int64_t> ids;
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDING", &ids, b, e));
    p->proc_id.Assign(ids);
    for (const int64_t id : ids) p->proc_range.Add(id);
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNCASE", &ids, b, e));
    p->proc_case_id.Assign(ids);
    // The cases this pass needs: every case its proceedings name.
    for (const int64_t id : ids) {
      if (id != kNullInt64) p->case_keys.push_back(id);
      p->case_range.Add(id);
    }
  }
  p->proc_index.Build(p->proc_id);
  IMMSTATS_RETURN_IF_ERROR(t->ReadDates("COMP_DATE", &p->comp, b, e));
  IMMSTATS_RETURN_IF_ERROR(t->ReadDates("INPUT_DATE", &p->input, b, e));
  IMMSTATS_RETURN_IF_ERROR(t->ReadDates("OSC_DATE", &p->osc, b, e));
  p->outcome.assign(p->n, kNoDecision);
  p->admin.assign(p->n, kNoAdmin);
  store::Values<uint32_t> dec_code, other_comp, case_type;
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "DEC_CODE", &dec_code, b, e));
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "OTHER_COMP", &other_comp, b, e));
  IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "CASE_TYPE", &case_type, b, e));
  for (size_t i = 0; i < p->n; ++i) {
    if (dec_code[i] != kNullCode) {
      auto it = labels_.find(LabelKey(case_type[i], dec_code[i], false));
      p->outcome[i] = it == labels_.end() ? kOtherClosure : ClassifyDecisionLabel(it->second);
    }
    if (other_comp[i] != kNullCode) {
      auto it = labels_.find(LabelKey(case_type[i], other_comp[i], true));
      p->admin[i] = it == labels_.end() ? kAdminClosure : ClassifyAdminLabel(it->second);
    }
    // Spec §6.1: completed = a valid COMP_DATE and a DEC_CODE or an OTHER_COMP.
    if (dec_code[i] == kNullCode && other_comp[i] == kNullCode) p->comp[i] = kNullDate;
  }
  p->slot.assign(p->n, -1);
  p->relief_granted.assign(p->n, 0);
  // At most one state per proceeding. Reserved, not filled: the pages never touched cost no memory, and the
  // vector never doubles (a doubling holds the old and the new array at once).
  p->states.reserve(p->n);
  p->reps.reserve(2 * p->n);  // EOIR has ~1.6 representation rows per proceeding; more makes the vector grow
  return Status::Ok();
}

// Rows [b, e) of `ids` looked up in `index`: hits[i] is the row found, -1 if none; false when nothing is found.
bool FindAll(const IdIndex& index, const store::Values<int64_t>& ids, std::vector<int32_t>* hits) {
  hits->resize(ids.size());
  bool any = false;
  for (size_t i = 0; i < ids.size(); ++i) {
    (*hits)[i] = ids[i] == kNullInt64 ? -1 : index.Find(ids[i]);
    any |= (*hits)[i] >= 0;
  }
  return any;
}

Status Builder::ReadApplications(Pass* p) {
  auto t = Table("tbl_Court_Appln");
  if (!t.ok()) return t.status();
  StringColumn code_col, dec_col;
  store::Values<int64_t> ids, procs;
  store::Values<int32_t> recd;
  std::vector<int32_t> hits;
  return ScanChunks(*t, {{"IDNPROCEEDING", p->proc_range, &procs}}, [&](uint64_t b, uint64_t e) -> Status {
    // An application whose proceeding is not in the release (Q12) is not attributable; one in another pass waits.
    if (!FindAll(p->proc_index, procs, &hits)) return Status::Ok();
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDINGAPPLN", &ids, b, e));
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
      const int32_t pr = hits[r];
      if (pr < 0 || code_col.IsNull(r)) continue;
      const int fam = family[code_col.codes[r]];
      if (fam == -2) continue;
      const auto pi = static_cast<size_t>(pr);
      bool unknown = false;
      const ApplClass cls = ClassOfApplDecision(dec_col.At(r), &unknown);
      if (fam == -1) {
        if (cls == kGrant) p->relief_granted[pi] = 1;
        continue;
      }
      int32_t& s = p->slot[pi];
      if (s < 0) {
        s = static_cast<int32_t>(p->states.size());
        p->states.emplace_back();
      }
      AsylumState& st = p->states[static_cast<size_t>(s)];
      Chosen& ch = st.code[fam];
      if (ch.cls != kNoApplication && ch.cls != cls) ch.conflict = true;
      if (Better(ch, cls, recd[r], ids[r])) {
        ch.cls = cls;
        ch.recd = recd[r];
        ch.idn = ids[r];
      }
      st.unknown_code |= unknown;
      if (fam == 0) {
        const int32_t from = recd[r] != kNullDate ? recd[r] : ReceivedDate(p->input[pi], p->osc[pi]);
        if (from != kNullDate) st.asyl_received = std::min(st.asyl_received, from);
      }
    }
    return Status::Ok();
  });
}

// Court-level attorney rows for the respondent (spec §6.2) that name one of the pass's cases or proceedings. They
// are applied once A_TblCase has said which cases exist.
Status Builder::ReadReps(Pass* p) {
  auto t = Table("tbl_RepsAssigned");
  // Absent: a release without representation rows: nobody counts as represented.
  if (!t.ok()) return Absent(t.status()) ? Status::Ok() : t.status();
  CompactIds pass_cases;  // the cases of the pass's own proceedings (case_keys before the reps add theirs)
  {
    store::Values<int64_t> keys(p->case_keys.begin(), p->case_keys.end());
    pass_cases.Assign(keys);
  }
  IdIndex pass_case_index;
  pass_case_index.Build(pass_cases);
  store::Values<int64_t> cases, parents;
  store::Values<int32_t> e28;
  StringColumn level, type, parent_table;
  std::vector<int32_t> case_hits, parent_hits;
  const std::initializer_list<KeyScan> keys = {{"IDNCASE", p->case_range, &cases},
                                               {"PARENT_IDN", p->proc_range, &parents}};
  return ScanChunks(*t, keys, [&](uint64_t b, uint64_t e) -> Status {
    const bool any_case = FindAll(pass_case_index, cases, &case_hits);
    const bool any_parent = FindAll(p->proc_index, parents, &parent_hits);
    if (!any_case && !any_parent) return Status::Ok();
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("E_28_DATE", &e28, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("STRATTYLEVEL", &level, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("STRATTYTYPE", &type, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("PARENT_TABLE", &parent_table, b, e));
    for (size_t r = 0; r < cases.size(); ++r) {
      if (level.At(r) != "COURT" || type.At(r) != "ALIEN" || cases[r] == kNullInt64) continue;
      const std::string_view pt = parent_table.At(r);
      int32_t proceeding = -1;
      if (pt == "B_TblProceeding" && parent_hits[r] >= 0 && p->slot[static_cast<size_t>(parent_hits[r])] >= 0) {
        proceeding = parent_hits[r];
      }
      if (case_hits[r] < 0 && proceeding < 0) continue;
      p->reps.push_back({cases[r], e28[r] == kNullDate ? INT32_MIN : e28[r], proceeding, pt == "A_TblCase"});
      if (case_hits[r] < 0) p->case_keys.push_back(cases[r]);  // only its existence matters: see ReadCases
    }
    return Status::Ok();
  });
}

Status Builder::ReadCases(Pass* p) {
  auto t = Table("A_TblCase");
  if (!t.ok()) return t.status();
  std::sort(p->case_keys.begin(), p->case_keys.end());
  p->case_keys.erase(std::unique(p->case_keys.begin(), p->case_keys.end()), p->case_keys.end());
  const size_t ncases = p->case_keys.size();
  {
    store::Values<int64_t> keys(p->case_keys.begin(), p->case_keys.end());
    p->case_ids.Assign(keys);
  }
  p->case_index.Build(p->case_ids);
  p->case_found.assign(ncases, 0);
  p->case_nat.assign(ncases, kNullCode);
  p->case_asy_type.assign(ncases, kNullCode);
  store::Values<int64_t> ids;
  store::Values<uint32_t> nat, asy_type;
  std::vector<int32_t> hits;
  IdRange wanted;
  if (ncases > 0) wanted = {p->case_keys.front(), p->case_keys.back()};
  const Status read = ScanChunks(*t, {{"IDNCASE", wanted, &ids}}, [&](uint64_t b, uint64_t e) -> Status {
    if (!FindAll(p->case_index, ids, &hits)) return Status::Ok();
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "NAT", &nat, b, e));
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "C_ASY_TYPE", &asy_type, b, e));
    for (size_t r = 0; r < ids.size(); ++r) {
      const int32_t k = hits[r];
      if (k < 0 || p->case_found[static_cast<size_t>(k)]) continue;  // a repeated IDNCASE: the first row counts
      const auto c = static_cast<size_t>(k);
      p->case_found[c] = 1;
      p->case_nat[c] = nat[r];
      p->case_asy_type[c] = asy_type[r];
    }
    return Status::Ok();
  });
  IMMSTATS_RETURN_IF_ERROR(read);
  p->proc_case.assign(p->n, -1);
  p->case_of_pass.assign(ncases, 0);
  for (size_t i = 0; i < p->n; ++i) {
    const int64_t id = p->proc_case_id[i];
    if (id == kNullInt64) continue;
    const int32_t k = p->case_index.Find(id);
    p->case_of_pass[static_cast<size_t>(k)] = 1;
    if (p->case_found[static_cast<size_t>(k)]) p->proc_case[i] = k;
  }
  // The representation rows, now that the cases that exist are known.
  p->case_e28.assign(ncases, kNoDate);
  p->case_ever_rep.assign(ncases, 0);
  for (const RepRow& rep : p->reps) {
    const int32_t k = p->case_index.Find(rep.case_id);
    if (k < 0 || !p->case_found[static_cast<size_t>(k)]) continue;
    const auto c = static_cast<size_t>(k);
    p->case_ever_rep[c] = 1;
    if (rep.on_case) {
      p->case_e28[c] = std::min(p->case_e28[c], rep.e28);
    } else if (rep.proceeding >= 0) {
      AsylumState& st = p->states[static_cast<size_t>(p->slot[static_cast<size_t>(rep.proceeding)])];
      st.proc_e28 = std::min(st.proc_e28, rep.e28);
    }
  }
  p->reps = {};
  return Status::Ok();
}

Status Builder::ReadSchedule(Pass* p) {
  auto t = Table("tbl_schedule");
  // Absent: no hearings: the last-hearing judge stays unknown.
  if (!t.ok()) return Absent(t.status()) ? Status::Ok() : t.status();
  store::Values<int64_t> procs;
  store::Values<int32_t> adj;
  StringColumn ij;
  std::vector<int32_t> hits;
  std::vector<uint32_t> judge_dict_map;
  return ScanChunks(*t, {{"IDNPROCEEDING", p->proc_range, &procs}}, [&](uint64_t b, uint64_t e) -> Status {
    if (!FindAll(p->proc_index, procs, &hits)) return Status::Ok();
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("ADJ_DATE", &adj, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings("IJ_CODE", &ij, b, e));
    if (judge_dict_map.size() != ij.dict.size()) judge_dict_map = strings_.Map(ij.dict);
    for (size_t r = 0; r < procs.size(); ++r) {
      const int32_t pr = hits[r];
      if (pr < 0 || adj[r] == kNullDate || ij.IsNull(r)) continue;
      const auto pi = static_cast<size_t>(pr);
      if (p->slot[pi] < 0 || p->comp[pi] == kNullDate || adj[r] > p->comp[pi]) continue;
      AsylumState& st = p->states[static_cast<size_t>(p->slot[pi])];
      if (st.last_hearing == kNullDate || adj[r] >= st.last_hearing) {
        st.last_hearing = adj[r];
        st.last_judge = judge_dict_map[ij.codes[r]];
      }
    }
    return Status::Ok();
  });
}

// For the pass's cases, every proceeding of the release: the start of each case (its earliest received date) and,
// per proceeding of the pass, the received date of its case's next proceeding (an admin-closed proceeding stays
// "inactive" until then).
Status Builder::ReadCaseStarts(Pass* p) {
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  struct Entry {
    int64_t case_id, proc_id;
    int32_t received;
    int32_t row;  // in the pass, else -1
  };
  std::vector<Entry> entries;
  entries.reserve(p->n + p->n / 2);  // the pass's own proceedings and their cases' others (see ReadProceedings)
  store::Values<int64_t> cases, pids;
  store::Values<int32_t> input, osc;
  std::vector<int32_t> hits;
  const Status read = ScanChunks(*t, {{"IDNCASE", p->case_range, &cases}}, [&](uint64_t b, uint64_t e) -> Status {
    bool any = false;
    hits.resize(cases.size());
    for (size_t r = 0; r < cases.size(); ++r) {
      const int32_t k = cases[r] == kNullInt64 ? -1 : p->case_index.Find(cases[r]);
      hits[r] = k >= 0 && p->case_of_pass[static_cast<size_t>(k)] ? k : -1;
      any |= hits[r] >= 0;
    }
    if (!any) return Status::Ok();
    IMMSTATS_RETURN_IF_ERROR(t->ReadInts("IDNPROCEEDING", &pids, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("INPUT_DATE", &input, b, e));
    IMMSTATS_RETURN_IF_ERROR(t->ReadDates("OSC_DATE", &osc, b, e));
    for (size_t r = 0; r < cases.size(); ++r) {
      if (hits[r] < 0) continue;
      const uint64_t row = b + r;
      const bool here = row >= p->begin && row < p->begin + p->n;
      entries.push_back({cases[r], pids[r], ReceivedDate(input[r], osc[r]), here ? static_cast<int32_t>(row - p->begin) : -1});
    }
    return Status::Ok();
  });
  IMMSTATS_RETURN_IF_ERROR(read);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.case_id != b.case_id) return a.case_id < b.case_id;
    return a.received != b.received ? a.received < b.received : a.proc_id < b.proc_id;
  });
  p->case_start.assign(p->case_keys.size(), kNullDate);
  p->next_received.assign(p->n, kNullDate);
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& en = entries[i];
    const auto k = static_cast<size_t>(p->case_index.Find(en.case_id));
    if (p->case_found[k] && en.received != kNullDate && (p->case_start[k] == kNullDate || en.received < p->case_start[k])) {
      p->case_start[k] = en.received;
    }
    if (en.row >= 0 && i + 1 < entries.size() && entries[i + 1].case_id == en.case_id) {
      p->next_received[static_cast<size_t>(en.row)] = entries[i + 1].received;
    }
  }
  return Status::Ok();
}

Status Builder::OpenProceedingsTable() {
  // The asylum table is listed first in the manifest, as it is in the release's documentation.
  IMMSTATS_RETURN_IF_ERROR(writer_->ReserveTable(kAsylumTable));
  proceedings_ = std::make_unique<TableOut>(writer_, kProceedingTable);
  const std::pair<const char*, ColumnType> columns[] = {
      {"idnproceeding", ColumnType::kInt64}, {"received_date", ColumnType::kDate}, {"input_date", ColumnType::kDate},
      {"osc_date", ColumnType::kDate}, {"completion_date", ColumnType::kDate},
      {"next_received_date", ColumnType::kDate}, {"decision_outcome", ColumnType::kInt8},
      {"admin_completion", ColumnType::kInt8}, {"asylum_received_date", ColumnType::kDate},
      {"case_type", ColumnType::kString}, {"court", ColumnType::kString}, {"hearing_loc", ColumnType::kString},
      {"judge", ColumnType::kString}, {"nat_case", ColumnType::kString}, {"nat_proceeding", ColumnType::kString},
      {"nationality", ColumnType::kString}, {"nationality_by_proceeding", ColumnType::kString},
      {"custody", ColumnType::kString}, {"asylum_type", ColumnType::kString},
      {"represented_ever", ColumnType::kInt8}};
  for (const auto& [name, type] : columns) IMMSTATS_RETURN_IF_ERROR(proceedings_->Add(name, type));
  return Status::Ok();
}

// The pass's rows of derived.proceedings, in B_TblProceeding order: number and date columns on a helper thread,
// string columns here.
Status Builder::WriteProceedings(const Pass& p, DerivedSummary* summary) {
  TableOut& out = *proceedings_;
  const size_t n = p.n;
  Status numbers;
  std::thread helper([&] {
    numbers = [&]() -> Status {
      IMMSTATS_RETURN_IF_ERROR(AppendInts(out[kPIdn], n, [&](size_t i) { return p.proc_id[i]; }));
      IMMSTATS_RETURN_IF_ERROR(AppendDates(out[kPReceived], n, [&](size_t i) { return ReceivedDate(p.input[i], p.osc[i]); }));
      IMMSTATS_RETURN_IF_ERROR(AppendDates(out[kPInput], n, [&](size_t i) { return p.input[i]; }));
      IMMSTATS_RETURN_IF_ERROR(AppendDates(out[kPOsc], n, [&](size_t i) { return p.osc[i]; }));
      IMMSTATS_RETURN_IF_ERROR(AppendDates(out[kPCompletion], n, [&](size_t i) { return p.comp[i]; }));
      IMMSTATS_RETURN_IF_ERROR(AppendDates(out[kPNextReceived], n, [&](size_t i) { return p.next_received[i]; }));
      IMMSTATS_RETURN_IF_ERROR(AppendInt8s(out[kPOutcome], n, [&](size_t i) { return int64_t{p.outcome[i]}; }));
      IMMSTATS_RETURN_IF_ERROR(AppendInt8s(out[kPAdmin], n, [&](size_t i) { return int64_t{p.admin[i]}; }));
      // Asylum backlog at t: a proceeding pending at t with an ASYL application received by t (spec §8).
      IMMSTATS_RETURN_IF_ERROR(AppendDates(out[kPAsylumReceived], n, [&](size_t i) {
        if (p.slot[i] < 0) return kNullDate;
        const int32_t d = p.State(i).asyl_received;
        return d == kNoDate ? kNullDate : d;
      }));
      return AppendInt8s(out[kPRepresentedEver], n, [&](size_t i) {
        return int64_t{p.CaseOf(i) >= 0 && p.case_ever_rep[static_cast<size_t>(p.CaseOf(i))] != 0};
      });
    }();
  });
  auto strings = [&]() -> Status {
    auto t = Table("B_TblProceeding");
    if (!t.ok()) return t.status();
    store::Values<uint32_t> codes, proc_nat;
    auto copy = [&](const char* source, ProcColumn column) -> Status {
      IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, source, &codes, p.begin, p.begin + n));
      for (size_t i = 0; i < n; ++i) {
        out[column].AppendString(strings_.Value(codes[i]));
        IMMSTATS_RETURN_IF_ERROR(out[column].Flush());
      }
      return Status::Ok();
    };
    IMMSTATS_RETURN_IF_ERROR(copy("CASE_TYPE", kPCaseType));
    IMMSTATS_RETURN_IF_ERROR(copy("BASE_CITY_CODE", kPCourt));
    IMMSTATS_RETURN_IF_ERROR(copy("HEARING_LOC_CODE", kPHearingLoc));
    IMMSTATS_RETURN_IF_ERROR(copy("IJ_CODE", kPJudge));
    IMMSTATS_RETURN_IF_ERROR(copy("CUSTODY", kPCustody));
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, "NAT", &proc_nat, p.begin, p.begin + n));
    // nat_case and nat_proceeding as recorded, and the two a query reads (one column each): `nationality` =
    // the case's NAT, else the proceeding's (spec 6.2 default); `nationality_by_proceeding` = the other way round.
    for (size_t i = 0; i < n; ++i) {
      const uint32_t of_case = p.CaseOf(i) < 0 ? kNullCode : p.case_nat[static_cast<size_t>(p.CaseOf(i))];
      const uint32_t of_proc = proc_nat[i];
      out[kPNatCase].AppendString(strings_.Value(of_case));
      out[kPNatProc].AppendString(strings_.Value(of_proc));
      out[kPNationality].AppendString(strings_.Value(of_case != kNullCode ? of_case : of_proc));
      out[kPNationalityByProc].AppendString(strings_.Value(of_proc != kNullCode ? of_proc : of_case));
      const uint32_t asy = p.CaseOf(i) < 0 ? kNullCode : p.case_asy_type[static_cast<size_t>(p.CaseOf(i))];
      out[kPAsylumType].AppendString(strings_.Value(asy));
      for (const ProcColumn c : {kPNatCase, kPNatProc, kPNationality, kPNationalityByProc, kPAsylumType}) {
        IMMSTATS_RETURN_IF_ERROR(out[c].Flush());
      }
    }
    return Status::Ok();
  }();
  helper.join();
  IMMSTATS_RETURN_IF_ERROR(numbers);
  IMMSTATS_RETURN_IF_ERROR(strings);
  summary->proceedings += n;
  for (size_t i = 0; i < n; ++i) {
    if (p.comp[i] != kNullDate) summary->data_through = std::max(summary->data_through, p.comp[i]);
  }
  return Status::Ok();
}

// The pass's asylum decision records, sorted and written aside as one run.
Status Builder::SpillAsylumRows(const Pass& p) {
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  std::vector<AsylumRow> rows(p.states.size());
  std::vector<uint32_t> proc_of_row(p.states.size());
  for (size_t i = 0; i < p.n; ++i) {
    if (p.slot[i] >= 0) proc_of_row[static_cast<size_t>(p.slot[i])] = static_cast<uint32_t>(i);
  }
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t i = proc_of_row[k];
    const AsylumState& st = p.states[k];
    const int32_t c = p.CaseOf(i);
    const auto ci = static_cast<size_t>(c);
    AsylumRow& r = rows[k];
    r = AsylumRow{};
    r.idnproceeding = p.proc_id[i];
    r.idncase = p.proc_case_id[i];
    r.decision_date = p.comp[i];
    r.class_asyl = static_cast<int8_t>(st.code[0].cls);
    r.class_asyw = static_cast<int8_t>(st.code[1].cls);
    r.class_wcat = static_cast<int8_t>(st.code[2].cls);
    r.conflict = static_cast<int8_t>(st.code[0].conflict | st.code[1].conflict << 1 | st.code[2].conflict << 2);
    r.appl_recd_date = kNullDate;
    for (const auto& ch : st.code) {
      if (ch.cls != kNoApplication) {
        r.appl_recd_date = ch.recd;
        break;
      }
    }
    r.other_relief = static_cast<int8_t>(p.relief_granted[i]);
    r.outcome = static_cast<int8_t>(p.outcome[i]);
    r.admin = static_cast<int8_t>(p.admin[i]);
    r.judge_last_hearing = st.last_judge;
    r.nat_case = c < 0 ? kNullCode : p.case_nat[ci];
    r.asylum_type = c < 0 ? kNullCode : p.case_asy_type[ci];
    // Represented by the decision date (spec §6.2): the earliest court-level E-28 of the respondent's attorney on
    // the case or on this proceeding, on or before COMP_DATE. A pending record uses "represented so far".
    const int32_t first = std::min(st.proc_e28, c < 0 ? kNoDate : p.case_e28[ci]);
    r.represented = static_cast<int8_t>(first != kNoDate && (p.comp[i] == kNullDate || first <= p.comp[i]));
    r.represented_ever = static_cast<int8_t>(c >= 0 && p.case_ever_rep[ci] != 0);
    r.input_date = p.input[i];
    r.osc_date = p.osc[i];
    r.case_start_date = c < 0 ? kNullDate : p.case_start[ci];
    r.orphan = static_cast<int8_t>(c < 0);
    r.unknown_code = static_cast<int8_t>(st.unknown_code);
  }
  // The proceeding's own code columns.
  store::Values<uint32_t> codes;
  const std::pair<const char*, uint32_t AsylumRow::*> copies[] = {
      {"DEC_CODE", &AsylumRow::dec_code}, {"OTHER_COMP", &AsylumRow::other_comp},
      {"BASE_CITY_CODE", &AsylumRow::court}, {"HEARING_LOC_CODE", &AsylumRow::hearing_loc},
      {"IJ_CODE", &AsylumRow::judge}, {"NAT", &AsylumRow::nat_proceeding}, {"CUSTODY", &AsylumRow::custody},
      {"CASE_TYPE", &AsylumRow::case_type}};
  for (const auto& [source, field] : copies) {
    IMMSTATS_RETURN_IF_ERROR(ReadInterned(*t, source, &codes, p.begin, p.begin + p.n));
    for (size_t k = 0; k < rows.size(); ++k) rows[k].*field = codes[proc_of_row[k]];
  }
  return runs_.Add(&rows);
}

// The runs merged in decision-date order into derived.asylum_decisions, a batch of rows at a time.
Status Builder::WriteAsylumTable(DerivedSummary* summary) {
  TableOut out(writer_, kAsylumTable);
  enum : size_t {
    kIdn, kCase, kDate, kAsyl, kAsyw, kWcat, kConflict, kRecd, kRelief, kOutcome, kAdmin, kDecCode, kOtherComp,
    kCourt, kHearingLoc, kJudge, kJudgeLast, kNatCase, kNatProc, kNationality, kNationalityByProc, kCustody,
    kCaseType, kAsylumType, kRepresented, kRepresentedEver, kInput, kOsc, kCaseStart, kOrphan, kUnknown,
  };
  const std::pair<const char*, ColumnType> columns[] = {
      {"idnproceeding", ColumnType::kInt64}, {"idncase", ColumnType::kInt64}, {"decision_date", ColumnType::kDate},
      {"class_asyl", ColumnType::kInt8}, {"class_asyw", ColumnType::kInt8}, {"class_wcat", ColumnType::kInt8},
      {"conflict", ColumnType::kInt8}, {"appl_recd_date", ColumnType::kDate},
      {"other_relief_application", ColumnType::kInt8}, {"decision_outcome", ColumnType::kInt8},
      {"admin_completion", ColumnType::kInt8}, {"dec_code", ColumnType::kString},
      {"other_comp", ColumnType::kString}, {"court", ColumnType::kString}, {"hearing_loc", ColumnType::kString},
      {"judge", ColumnType::kString}, {"judge_last_hearing", ColumnType::kString},
      {"nat_case", ColumnType::kString}, {"nat_proceeding", ColumnType::kString},
      {"nationality", ColumnType::kString}, {"nationality_by_proceeding", ColumnType::kString},
      {"custody", ColumnType::kString}, {"case_type", ColumnType::kString}, {"asylum_type", ColumnType::kString},
      {"represented", ColumnType::kInt8}, {"represented_ever", ColumnType::kInt8}, {"input_date", ColumnType::kDate},
      {"osc_date", ColumnType::kDate}, {"case_start_date", ColumnType::kDate}, {"orphan", ColumnType::kInt8},
      {"unknown_code", ColumnType::kInt8}};
  for (const auto& [name, type] : columns) IMMSTATS_RETURN_IF_ERROR(out.Add(name, type));
  const Status merged = runs_.Merge(kMergeBatch, [&](const std::vector<AsylumRow>& rows) -> Status {
    const size_t n = rows.size();
    auto int8s = [&](size_t column, int8_t AsylumRow::*field) {
      return AppendInt8s(out[column], n, [&](size_t i) { return int64_t{rows[i].*field}; });
    };
    auto dates = [&](size_t column, int32_t AsylumRow::*field) {
      return AppendDates(out[column], n, [&](size_t i) { return rows[i].*field; });
    };
    auto strings = [&](size_t column, auto value) -> Status {
      for (size_t i = 0; i < n; ++i) {
        out[column].AppendString(strings_.Value(value(rows[i])));
        IMMSTATS_RETURN_IF_ERROR(out[column].Flush());
      }
      return Status::Ok();
    };
    auto field = [](uint32_t AsylumRow::*f) { return [f](const AsylumRow& r) { return r.*f; }; };
    IMMSTATS_RETURN_IF_ERROR(AppendInts(out[kIdn], n, [&](size_t i) { return rows[i].idnproceeding; }));
    IMMSTATS_RETURN_IF_ERROR(AppendInts(out[kCase], n, [&](size_t i) { return rows[i].idncase; }));
    IMMSTATS_RETURN_IF_ERROR(dates(kDate, &AsylumRow::decision_date));
    IMMSTATS_RETURN_IF_ERROR(int8s(kAsyl, &AsylumRow::class_asyl));
    IMMSTATS_RETURN_IF_ERROR(int8s(kAsyw, &AsylumRow::class_asyw));
    IMMSTATS_RETURN_IF_ERROR(int8s(kWcat, &AsylumRow::class_wcat));
    IMMSTATS_RETURN_IF_ERROR(int8s(kConflict, &AsylumRow::conflict));
    IMMSTATS_RETURN_IF_ERROR(dates(kRecd, &AsylumRow::appl_recd_date));
    IMMSTATS_RETURN_IF_ERROR(int8s(kRelief, &AsylumRow::other_relief));
    IMMSTATS_RETURN_IF_ERROR(int8s(kOutcome, &AsylumRow::outcome));
    IMMSTATS_RETURN_IF_ERROR(int8s(kAdmin, &AsylumRow::admin));
    IMMSTATS_RETURN_IF_ERROR(strings(kDecCode, field(&AsylumRow::dec_code)));
    IMMSTATS_RETURN_IF_ERROR(strings(kOtherComp, field(&AsylumRow::other_comp)));
    IMMSTATS_RETURN_IF_ERROR(strings(kCourt, field(&AsylumRow::court)));
    IMMSTATS_RETURN_IF_ERROR(strings(kHearingLoc, field(&AsylumRow::hearing_loc)));
    IMMSTATS_RETURN_IF_ERROR(strings(kJudge, field(&AsylumRow::judge)));
    IMMSTATS_RETURN_IF_ERROR(strings(kJudgeLast, field(&AsylumRow::judge_last_hearing)));
    IMMSTATS_RETURN_IF_ERROR(strings(kNatCase, field(&AsylumRow::nat_case)));
    IMMSTATS_RETURN_IF_ERROR(strings(kNatProc, field(&AsylumRow::nat_proceeding)));
    IMMSTATS_RETURN_IF_ERROR(strings(kNationality, [](const AsylumRow& r) {
      return r.nat_case != kNullCode ? r.nat_case : r.nat_proceeding;
    }));
    IMMSTATS_RETURN_IF_ERROR(strings(kNationalityByProc, [](const AsylumRow& r) {
      return r.nat_proceeding != kNullCode ? r.nat_proceeding : r.nat_case;
    }));
    IMMSTATS_RETURN_IF_ERROR(strings(kCustody, field(&AsylumRow::custody)));
    IMMSTATS_RETURN_IF_ERROR(strings(kCaseType, field(&AsylumRow::case_type)));
    IMMSTATS_RETURN_IF_ERROR(strings(kAsylumType, field(&AsylumRow::asylum_type)));
    IMMSTATS_RETURN_IF_ERROR(int8s(kRepresented, &AsylumRow::represented));
    IMMSTATS_RETURN_IF_ERROR(int8s(kRepresentedEver, &AsylumRow::represented_ever));
    IMMSTATS_RETURN_IF_ERROR(dates(kInput, &AsylumRow::input_date));
    IMMSTATS_RETURN_IF_ERROR(dates(kOsc, &AsylumRow::osc_date));
    IMMSTATS_RETURN_IF_ERROR(dates(kCaseStart, &AsylumRow::case_start_date));
    IMMSTATS_RETURN_IF_ERROR(int8s(kOrphan, &AsylumRow::orphan));
    return int8s(kUnknown, &AsylumRow::unknown_code);
  });
  IMMSTATS_RETURN_IF_ERROR(merged);
  summary->asylum_records = runs_.rows();
  return out.Finish(runs_.rows());
}

Result<DerivedSummary> Builder::Build(const StepCallback& on_step) {
  info_ = writer_->Written();
  IMMSTATS_RETURN_IF_ERROR(ReadDecisionLabels());
  auto t = Table("B_TblProceeding");
  if (!t.ok()) return t.status();
  const uint64_t nproc = t->rows();
  const uint64_t passes = std::max<uint64_t>(1, (nproc + per_pass_ - 1) / per_pass_);
  const int steps = static_cast<int>(passes) + 1;
  DerivedSummary summary;
  for (uint64_t k = 0; k < passes; ++k) {
    {
      Pass p;
      p.begin = k * per_pass_;
      p.n = static_cast<size_t>(std::min(nproc, p.begin + per_pass_) - p.begin);
      const std::string pass = "derive pass " + std::to_string(k + 1) + ": ";
      auto step = [&pass](const char* name, const Status& st) {
        base::Trace(pass + name);
        return st;
      };
      IMMSTATS_RETURN_IF_ERROR(step("proceedings", ReadProceedings(&p)));
      IMMSTATS_RETURN_IF_ERROR(step("applications", ReadApplications(&p)));
      IMMSTATS_RETURN_IF_ERROR(step("representation", ReadReps(&p)));
      IMMSTATS_RETURN_IF_ERROR(step("cases", ReadCases(&p)));
      IMMSTATS_RETURN_IF_ERROR(step("hearings", ReadSchedule(&p)));
      IMMSTATS_RETURN_IF_ERROR(step("case starts", ReadCaseStarts(&p)));
      if (!proceedings_) IMMSTATS_RETURN_IF_ERROR(OpenProceedingsTable());  // once every table it reads is written
      IMMSTATS_RETURN_IF_ERROR(step("derived.proceedings rows", WriteProceedings(p, &summary)));
      IMMSTATS_RETURN_IF_ERROR(step("asylum run", SpillAsylumRows(p)));
    }
    ::malloc_trim(0);  // the pass's arrays go back to the system before the next pass allocates its own
    base::Trace("derive pass " + std::to_string(k + 1) + " done");
    if (on_step) on_step("records of proceedings " + std::to_string(k * per_pass_ + 1) + "-" +
                             std::to_string(std::min(nproc, (k + 1) * per_pass_)), static_cast<int>(k) + 1, steps);
  }
  if (!proceedings_) IMMSTATS_RETURN_IF_ERROR(OpenProceedingsTable());  // a release without proceedings
  IMMSTATS_RETURN_IF_ERROR(proceedings_->Finish(nproc));
  IMMSTATS_RETURN_IF_ERROR(WriteAsylumTable(&summary));
  base::Trace("derive: asylum decisions merged");
  if (on_step) on_step("asylum decisions written", steps, steps);
  return summary;
}

}  // namespace

Result<DerivedSummary> BuildDerivedTables(store::SnapshotWriter* writer, const StepCallback& on_step,
                                          const AwaitTable& await_table, const DeriveOptions& options) {
  Builder b(writer, await_table, options.proceedings_per_pass);
  return b.Build(on_step);
}

}  // namespace immstats::derive
