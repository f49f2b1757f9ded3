// Asylum decision counts and rates from derived.asylum_decisions: one pass over the window's rows.
#include "query/asylum.h"

#include "query/scan.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <thread>

#include "base/civil_date.h"
#include "derive/classes.h"
#include "derive/derive.h"
#include "immstats/version.h"

namespace immstats::query {

namespace {

using derive::ApplClass;

// Denials by what the proceeding gave instead (spec 7.1), and TRAC outcome categories (spec 7.2).
enum DenialKind { kDenyOtherRelief, kDenyRemoval, kDenyVd, kDenyOtherClosure };
enum OutcomeKind { kOutcomeGranted, kOutcomeRemain, kOutcomeRemoval, kOutcomeVd, kOutcomeOther };

struct Counts {
  int64_t records = 0;  // asylum decision records in the slice (completed, any class)
  int64_t cls[9] = {};  // by ApplClass
  int64_t deny[4] = {};  // by DenialKind
  int64_t outcomes_completed = 0;
  int64_t outcome[5] = {};  // by OutcomeKind
  int64_t conflicts = 0, orphans = 0, unknown_codes = 0;
  Counts& operator+=(const Counts& o) {
    records += o.records;
    for (int i = 0; i < 9; ++i) cls[i] += o.cls[i];
    for (int i = 0; i < 4; ++i) deny[i] += o.deny[i];
    outcomes_completed += o.outcomes_completed;
    for (int i = 0; i < 5; ++i) outcome[i] += o.outcome[i];
    conflicts += o.conflicts;
    orphans += o.orphans;
    unknown_codes += o.unknown_codes;
    return *this;
  }
};

// Windows with at least this many records are scanned by two threads. IMMSTATS_PARALLEL_ROWS lowers it so
// that tests (the DuckDB oracle) run the two-thread path on small releases.
size_t ParallelRows() {
  static const size_t rows = [] {
    const char* v = std::getenv("IMMSTATS_PARALLEL_ROWS");
    return v != nullptr && *v != '\0' ? static_cast<size_t>(std::strtoull(v, nullptr, 10)) : size_t{200000};
  }();
  return rows;
}

const char* DefinitionName(Definition d) {
  switch (d) {
    case Definition::kTrac: return "trac";
    case Definition::kTracOutcomes: return "trac-outcomes";
    case Definition::kEoir: return "eoir";
    case Definition::kEoirLegacy: return "eoir-legacy";
  }
  return "";
}

const char* DefinitionWords(Definition d) {
  switch (d) {
    case Definition::kTrac:
      return "TRAC 'asylum decisions' (judge reports, Asylum Decisions tool; spec 7.1): the universe is asylum "
             "decision records whose class is GRANT or DENY; grant_rate_TRAC = grants / (grants + denials). "
             "Abandoned, withdrawn, not adjudicated, other, administrative and pending are outside. Denials are split by "
             "what the same proceeding gave instead: other relief, a removal order, voluntary departure, or another closure.";
    case Definition::kTracOutcomes:
      return "TRAC 'asylum outcomes' (reports 672 and 742; spec 7.2): the universe is completed proceedings in which an "
             "asylum application was filed, whatever its fate (venue changes and transfers excluded, they do not end a "
             "case); remain_rate = (asylum granted + other relief, termination or administrative closure) / completed.";
    case Definition::kEoir:
      return "EOIR Adjudication Statistics 'Asylum Decision Rates' (spec 7.3): grant_rate_EOIR = grants / (grants + "
             "denials + other), where other = abandoned, CAT-only (L), not adjudicated, other and withdrawn.";
    case Definition::kEoirLegacy:
      return "EOIR legacy Statistical Year Book (FY2008-FY2016; spec 7.4, unverified): grant_rate_legacy = grants / "
             "(grants + denials), CAT-only outside the denominator.";
  }
  return "";
}

int64_t Decisions(const Counts& c, bool cat_deny) {
  return c.cls[derive::kGrant] + c.cls[derive::kDeny] + (cat_deny ? c.cls[derive::kCatOnly] : 0);
}

void AddRate(std::vector<Value>* row, int64_t k, int64_t n) {
  if (n <= 0) {
    row->insert(row->end(), {Value::Null(), Value::Null(), Value::Null()});
    return;
  }
  const auto [lo, hi] = WilsonInterval(k, n);
  row->insert(row->end(), {Value::Rate(static_cast<double>(k) / static_cast<double>(n)), Value::Rate(lo), Value::Rate(hi)});
}

void AddRateColumns(const std::string& name, std::vector<std::string>* cols) {
  cols->insert(cols->end(), {name, name + "_ci_low", name + "_ci_high"});
}

}  // namespace

Result<std::set<Definition>> ParseDefinitions(const std::string& text) {
  std::set<Definition> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t comma = text.find(',', pos);
    const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (item == "all") {
      out = {Definition::kTrac, Definition::kTracOutcomes, Definition::kEoir, Definition::kEoirLegacy};
    } else if (item == "trac") {
      out.insert(Definition::kTrac);
    } else if (item == "trac-outcomes") {
      out.insert(Definition::kTracOutcomes);
    } else if (item == "eoir") {
      out.insert(Definition::kEoir);
    } else if (item == "eoir-legacy") {
      out.insert(Definition::kEoirLegacy);
    } else {
      return Status::InvalidArgument("unknown definition '" + item +
                                     "': use trac, trac-outcomes, eoir, eoir-legacy or all (docs/definitions.md)");
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

nlohmann::ordered_json SnapshotReceipt(const store::SnapshotInfo& snap) {
  nlohmann::ordered_json j;
  j["immstats_version"] = kVersion;
  j["snapshot"] = snap.id;
  j["snapshot_created"] = snap.created;
  j["snapshot_written_by"] = snap.immstats_version;
  if (auto it = snap.attributes.find("data_through"); it != snap.attributes.end()) j["data_through"] = it->second;
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : snap.sources) j["sources"].push_back({{"file", s.name}, {"bytes", s.size}, {"xxh64", s.xxh64}});
  return j;
}

Result<ResultTable> RunAsylum(const store::SnapshotInfo& snap, const Names& names, const AsylumOptions& o) {
  if (o.by.size() > kMaxDims) return Status::InvalidArgument("--by takes at most 4 dimensions");
  auto table = store::TableReader::Open(snap, derive::kAsylumTable);
  if (!table.ok()) return table.status();
  const store::TableReader& t = *table;

  // Rows are sorted by decision date with pending records last: the window is a row range.
  SortedDates sorted(t, "decision_date");
  auto window = sorted.WindowRows(o.window);
  if (!window.ok()) return window.status();
  const auto decided_end = static_cast<size_t>(window->decided_end);
  if (o.window.from && decided_end > 0) {
    auto last = sorted.At(decided_end - 1);
    if (!last.ok()) return last.status();
    if (*o.window.from > *last) {
      return Status::InvalidArgument("the window starts on " + base::FormatIsoDate(*o.window.from) +
                                     ", after the release's last decision (" + base::FormatIsoDate(*last) +
                                     "): choose an earlier window or ingest a newer release");
    }
  }
  const auto lo = static_cast<size_t>(window->lo), hi = static_cast<size_t>(window->hi);
  const size_t n = window->size();
  // Each row's date, only when grouping by fy or month or keeping each case's last decision.
  store::Values<int32_t> dates;
  const bool need_dates = std::find(o.by.begin(), o.by.end(), Dim::kFy) != o.by.end() ||
                          std::find(o.by.begin(), o.by.end(), Dim::kMonth) != o.by.end();
  if (o.case_final) {
    IMMSTATS_RETURN_IF_ERROR(t.ReadDates("decision_date", &dates, 0, decided_end));
  } else if (need_dates) {
    IMMSTATS_RETURN_IF_ERROR(t.ReadDates("decision_date", &dates, lo, hi));
  }
  const int32_t* window_dates = dates.empty() ? nullptr : dates.data() + (o.case_final ? lo : 0);

  // --unit case-final: a record counts only when it is its case's last completed record (over all dates).
  std::vector<char> is_final;
  if (o.case_final) {
    store::Values<int64_t> cases, procs;
    store::StringColumn dec;
    IMMSTATS_RETURN_IF_ERROR(t.ReadInts("idncase", &cases, 0, decided_end));
    IMMSTATS_RETURN_IF_ERROR(t.ReadInts("idnproceeding", &procs, 0, decided_end));
    IMMSTATS_RETURN_IF_ERROR(t.ReadStrings("dec_code", &dec, 0, decided_end));
    std::map<int64_t, size_t> last;  // case -> row; order: COMP_DATE, then DEC_CODE present, then IDNPROCEEDING
    for (size_t r = 0; r < decided_end; ++r) {
      auto [it, fresh] = last.emplace(cases[r], r);
      if (fresh) continue;
      const size_t q = it->second;
      const auto key = [&](size_t x) { return std::tuple(dates[x], !dec.IsNull(x), procs[x]); };
      if (key(r) > key(q)) it->second = r;
    }
    is_final.assign(decided_end, 0);
    for (const auto& [c, r] : last) is_final[r] = 1;
  }

  // Small codes and flags, one byte per record.
  store::Values<int8_t> cls_asyl, side_asyw, side_wcat, conflict, outcome, relief, admin, orphan, unknown;
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("class_asyl", &cls_asyl, lo, hi));
  // ASYW and WCAT join the code set with --codes ASYL,ASYW,WCAT; the denial split looks at them whatever the
  // code set (spec 7.1 "other_relief").
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("class_asyw", &side_asyw, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("class_wcat", &side_wcat, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("conflict", &conflict, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("decision_outcome", &outcome, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("other_relief_application", &relief, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("admin_completion", &admin, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("orphan", &orphan, lo, hi));
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("unknown_code", &unknown, lo, hi));

  const Filters& f = o.filters;
  auto wants = [&](Dim d) { return std::find(o.by.begin(), o.by.end(), d) != o.by.end(); };
  SliceScan scan;
  ScanColumns columns;
  columns.judge_from_last_hearing = o.judge_from_last_hearing;
  columns.nationality_from_proceeding = o.nationality_from_proceeding;
  IMMSTATS_RETURN_IF_ERROR(scan.Load(t, lo, hi, f, o.by, columns, window_dates));
  const bool comparison = scan.comparison();

  // The scan: rows split between two threads when there are many, each with its own accumulators.
  struct alignas(64) Part {
    explicit Part(const SliceScan& sc) : groups(sc.cells()), all_nat(sc.comparison() ? sc.cells() : 1) {}
    Cells<Counts> groups, all_nat;
    int64_t codes = 0, final = 0, filtered = 0;
    bool too_many = false;
  };
  auto scan_rows = [&](size_t begin, size_t end, Part* part) {
    SliceScan::Periods periods{};
    // Counters live on this thread's stack while it runs: the two Parts sit side by side in memory.
    int64_t codes = 0, final = 0, filtered = 0;
    for (size_t r = begin; r < end; ++r) {
      const auto cls = static_cast<ApplClass>(o.asylum_family ? std::min({cls_asyl[r], side_asyw[r], side_wcat[r]}) : cls_asyl[r]);
      if (cls == derive::kNoApplication) continue;  // only applications outside the chosen code set
      ++codes;
      if (o.case_final && !is_final[lo + r]) continue;
      ++final;
      if (!scan.Passes(r)) continue;
      bool nat_ok = true;
      uint64_t ck = 0;
      const uint64_t key = scan.Cell(r, &nat_ok, &ck, &periods);
      // Per-record classification, shared by the slice and its all-nationality comparison.
      const bool cat_any = cls == derive::kCatOnly || side_asyw[r] == derive::kCatOnly || side_wcat[r] == derive::kCatOnly;
      const bool other_relief = side_asyw[r] == derive::kGrant || side_wcat[r] == derive::kGrant || cat_any ||
                                relief[r] != 0 || outcome[r] == derive::kReliefGranted;
      const bool denial = cls == derive::kDeny || (o.cat_only_is_denial && cls == derive::kCatOnly);
      int deny_kind = -1, outcome_kind = -1;
      if (denial) {
        deny_kind = other_relief ? kDenyOtherRelief : outcome[r] == derive::kRemovalOrder ? kDenyRemoval
                    : outcome[r] == derive::kVoluntaryDeparture ? kDenyVd : kDenyOtherClosure;
      }
      if (admin[r] != derive::kVenueOrTransfer || outcome[r] != derive::kNoDecision) {
        outcome_kind = cls == derive::kGrant ? kOutcomeGranted
                       : (other_relief || outcome[r] == derive::kOtherClosure || admin[r] == derive::kAdminClosure) ? kOutcomeRemain
                       : outcome[r] == derive::kRemovalOrder ? kOutcomeRemoval
                       : outcome[r] == derive::kVoluntaryDeparture ? kOutcomeVd : kOutcomeOther;
      }
      auto add = [&](Counts& c) {
        ++c.records;
        ++c.cls[cls];
        if (deny_kind >= 0) ++c.deny[deny_kind];
        if (outcome_kind >= 0) {
          ++c.outcomes_completed;
          ++c.outcome[outcome_kind];
        }
        c.conflicts += conflict[r] != 0;
        c.orphans += orphan[r];
        c.unknown_codes += unknown[r];
      };
      if (comparison) add(part->all_nat[ck]);
      if (!nat_ok) continue;
      ++filtered;
      add(part->groups[key]);
      if (part->groups.size() > kMaxCells) {
        part->too_many = true;
        break;
      }
    }
    part->codes = codes;
    part->final = final;
    part->filtered = filtered;
  };
  Part whole(scan), second(scan);
  if (n >= ParallelRows()) {
    std::thread helper(scan_rows, n / 2, n, &second);
    scan_rows(0, n / 2, &whole);
    helper.join();
    whole.groups.Merge(second.groups);
    whole.all_nat.Merge(second.all_nat);
    whole.codes += second.codes;
    whole.final += second.final;
    whole.filtered += second.filtered;
    whole.too_many = whole.too_many || second.too_many;
  } else {
    scan_rows(0, n, &whole);
  }
  if (whole.too_many || whole.groups.size() > kMaxCells) {
    return Status::InvalidArgument("the grouping gives more than " + std::to_string(kMaxCells) +
                                   " cells: add filters, a shorter window, or fewer --by dimensions");
  }
  Cells<Counts>& groups = whole.groups;
  Cells<Counts>& all_nat = whole.all_nat;
  const int64_t step_in_window = static_cast<int64_t>(n), step_codes = whole.codes, step_final = whole.final,
                step_filtered = whole.filtered;

  // Records with a decided asylum class but no valid completion (spec 6.2 step 3): never counted, reported.
  int64_t decided_without_comp = 0;
  if (o.receipt) {
    store::Values<int8_t> tail;
    IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("class_asyl", &tail, decided_end, t.rows()));
    for (int8_t c : tail) decided_without_comp += c <= derive::kNotAdj;
  }

  // The table.
  ResultTable out;
  scan.AddColumns(names, &out);
  const bool trac = o.definitions.count(Definition::kTrac) != 0, outcomes = o.definitions.count(Definition::kTracOutcomes) != 0,
             eoir = o.definitions.count(Definition::kEoir) != 0, legacy = o.definitions.count(Definition::kEoirLegacy) != 0;
  if (trac) {
    for (const char* c : {"decisions_TRAC", "grants", "denials", "denials_other_relief", "denials_removal", "denials_vd",
                          "denials_other_closure"}) {
      out.columns.emplace_back(c);
    }
    AddRateColumns("grant_rate_TRAC", &out.columns);
    out.columns.emplace_back("denial_rate_TRAC");
    out.table_columns.insert(out.table_columns.end(), {"decisions_TRAC", "grants", "denials", "grant_rate_TRAC"});
  }
  if (eoir) {
    for (const char* c : {"grants_EOIR", "denials_EOIR", "other_EOIR"}) out.columns.emplace_back(c);
    AddRateColumns("grant_rate_EOIR", &out.columns);
    out.table_columns.insert(out.table_columns.end(), {"other_EOIR", "grant_rate_EOIR"});
  }
  if (legacy) {
    AddRateColumns("grant_rate_legacy", &out.columns);
    out.table_columns.push_back("grant_rate_legacy");
  }
  if (outcomes) {
    for (const char* c : {"completed_with_asylum", "outcome_asylum_granted", "outcome_other_remain", "outcome_removal",
                          "outcome_vd", "outcome_other"}) {
      out.columns.emplace_back(c);
    }
    AddRateColumns("remain_rate", &out.columns);
    out.table_columns.insert(out.table_columns.end(), {"completed_with_asylum", "remain_rate"});
  }
  for (const char* c : {"abandoned", "withdrawn", "not_adjudicated", "other", "cat_only", "procedural", "pending",
                        "conflicts", "orphans", "unknown_codes"}) {
    out.columns.emplace_back(c);
  }
  int min_decisions = o.min_decisions;
  if (min_decisions < 0) min_decisions = wants(Dim::kJudge) ? ((wants(Dim::kFy) || wants(Dim::kMonth)) ? 25 : 100) : 0;
  if (min_decisions > 0) {
    out.columns.emplace_back("below_threshold");
    out.table_columns.emplace_back("below_threshold");
  }
  if (comparison) out.table_columns.push_back("comparison");

  auto measure_cells = [&](const Counts& c, std::vector<Value>* row) {
    const int64_t g = c.cls[derive::kGrant], d = c.cls[derive::kDeny], l = c.cls[derive::kCatOnly];
    if (trac) {
      const int64_t denials = d + (o.cat_only_is_denial ? l : 0);
      row->insert(row->end(), {Value::Int(g + denials), Value::Int(g), Value::Int(denials),
                               Value::Int(c.deny[kDenyOtherRelief]), Value::Int(c.deny[kDenyRemoval]),
                               Value::Int(c.deny[kDenyVd]), Value::Int(c.deny[kDenyOtherClosure])});
      AddRate(row, g, g + denials);
      row->push_back(g + denials > 0 ? Value::Rate(static_cast<double>(denials) / static_cast<double>(g + denials)) : Value::Null());
    }
    if (eoir) {
      const int64_t other = l + c.cls[derive::kAbandoned] + c.cls[derive::kWithdrawn] + c.cls[derive::kOther] +
                            c.cls[derive::kNotAdj];
      row->insert(row->end(), {Value::Int(g), Value::Int(d), Value::Int(other)});
      AddRate(row, g, g + d + other);
    }
    if (legacy) AddRate(row, g, g + d);
    if (outcomes) {
      row->insert(row->end(), {Value::Int(c.outcomes_completed), Value::Int(c.outcome[kOutcomeGranted]),
                               Value::Int(c.outcome[kOutcomeRemain]), Value::Int(c.outcome[kOutcomeRemoval]),
                               Value::Int(c.outcome[kOutcomeVd]), Value::Int(c.outcome[kOutcomeOther])});
      AddRate(row, c.outcome[kOutcomeGranted] + c.outcome[kOutcomeRemain], c.outcomes_completed);
    }
    row->insert(row->end(), {Value::Int(c.cls[derive::kAbandoned]), Value::Int(c.cls[derive::kWithdrawn]),
                             Value::Int(c.cls[derive::kNotAdj]), Value::Int(c.cls[derive::kOther]), Value::Int(l),
                             Value::Int(c.cls[derive::kProcedural]), Value::Int(c.cls[derive::kPending]),
                             Value::Int(c.conflicts), Value::Int(c.orphans), Value::Int(c.unknown_codes)});
    if (min_decisions > 0) row->push_back(Value::Bool(Decisions(c, o.cat_only_is_denial) < min_decisions));
  };
  EmitRows(scan, names, groups, all_nat, measure_cells, &out);

  // What was asked, as understood.
  out.query["measure"] = "asylum";
  out.query["window"] = o.window.Describe();
  if (o.window.from) out.query["from"] = base::FormatIsoDate(*o.window.from);
  if (o.window.to) out.query["to"] = base::FormatIsoDate(*o.window.to);
  out.query["filters"] = f.Json();
  out.query["by"] = nlohmann::ordered_json::array();
  for (Dim d : o.by) out.query["by"].push_back(DimName(d));
  out.query["definitions"] = nlohmann::ordered_json::array();
  for (Definition d : o.definitions) out.query["definitions"].push_back(DefinitionName(d));
  out.query["codes"] = o.asylum_family ? "ASYL,ASYW,WCAT" : "ASYL";
  out.query["unit"] = o.case_final ? "case-final" : "proceeding";
  out.query["nationality_from"] = o.nationality_from_proceeding ? "proceeding" : "case";
  out.query["judge_from"] = o.judge_from_last_hearing ? "last-hearing" : "proceeding";
  out.query["cat_only"] = o.cat_only_is_denial ? "deny" : "other";
  if (min_decisions > 0) out.query["min_decisions"] = min_decisions;
  if (comparison) {
    out.notes.push_back("Rows marked comparison cover all nationalities over the same window, filters, universe and unit.");
  }
  if (min_decisions > 0) {
    out.notes.push_back("below_threshold: fewer than " + std::to_string(min_decisions) +
                        " TRAC decisions (TRAC publishes a judge only above 100 decisions, a yearly rate above 25).");
  }
  if (o.receipt) {
    nlohmann::ordered_json r = SnapshotReceipt(snap);
    r["table"] = derive::kAsylumTable;
    r["definitions"] = nlohmann::ordered_json::object();
    for (Definition d : o.definitions) r["definitions"][DefinitionName(d)] = DefinitionWords(d);
    r["record"] = "One asylum decision record per proceeding with an application in the code set (" +
                  std::string(o.asylum_family ? "ASYL, ASYW, WCAT" : "ASYL") +
                  "), classed by precedence GRANT > DENY > CAT_ONLY > ABANDONED > WITHDRAWN > OTHER > NOT_ADJ > "
                  "PROCEDURAL > PENDING, dated by the proceeding's COMP_DATE (spec 6.2).";
    r["query"] = out.query;
    r["steps"] = nlohmann::ordered_json::object();
    r["steps"]["records_in_snapshot"] = t.rows();
    r["steps"]["completed_records"] = decided_end;
    r["steps"]["decided_without_comp_date_not_counted"] = decided_without_comp;
    r["steps"]["completed_in_window"] = step_in_window;
    r["steps"]["with_an_application_in_code_set"] = step_codes;
    if (o.case_final) r["steps"]["last_completed_record_of_case"] = step_final;
    r["steps"]["after_filters"] = step_filtered;
    Counts total;
    groups.ForEach([&](uint64_t, Counts& c) {
      for (int i = 0; i < 9; ++i) total.cls[i] += c.cls[i];
    });
    r["steps"]["by_class"] = nlohmann::ordered_json::object();
    for (int i = 0; i < 9; ++i) r["steps"]["by_class"][derive::ApplClassName(static_cast<ApplClass>(i))] = total.cls[i];
    out.receipt = std::move(r);
  }
  return out;
}

}  // namespace immstats::query
