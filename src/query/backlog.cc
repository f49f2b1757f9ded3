// Backlog from derived.proceedings and wait times from derived.asylum_decisions.
#include "query/backlog.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "base/civil_date.h"
#include "derive/classes.h"
#include "derive/derive.h"
#include "query/asylum.h"
#include "query/scan.h"

namespace immstats::query {

namespace {

using store::kNullDate;

// The EOIR series cover these case types only (spec §4.2).
const std::vector<std::string> kEoirCaseTypes = {"AOC", "DEP", "EXC", "RMV", "WHO"};

struct Days {
  std::vector<int32_t> values;
  void Add(int32_t d) { values.push_back(d); }
  Value Median() {
    if (values.empty()) return Value::Null();
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<ptrdiff_t>(mid), values.end());
    double m = values[mid];
    if (values.size() % 2 == 0) {
      m = (m + *std::max_element(values.begin(), values.begin() + static_cast<ptrdiff_t>(mid))) / 2;
    }
    return Value::Number(m);
  }
  Value Mean() const {
    if (values.empty()) return Value::Null();
    double sum = 0;
    for (int32_t v : values) sum += v;
    return Value::Number(sum / static_cast<double>(values.size()));
  }
};

struct BacklogCounts {
  int64_t pending = 0, pending_asylum = 0, inactive = 0;
  Days age;
};

struct WaitCounts {
  int64_t decisions = 0, measured = 0, no_start = 0, start_after_end = 0;
  Days days;
};

}  // namespace

Result<ResultTable> RunBacklog(const store::SnapshotInfo& snap, const Names& names, const BacklogOptions& o) {
  if (o.by.size() > kMaxDims) return Status::InvalidArgument("--by takes at most 4 dimensions");
  auto table = store::TableReader::Open(snap, derive::kProceedingTable);
  if (!table.ok()) return table.status();
  const store::TableReader& t = *table;
  int32_t as_of = 0;
  if (o.as_of) {
    as_of = *o.as_of;
  } else if (auto it = snap.attributes.find("data_through"); it != snap.attributes.end()) {
    as_of = base::ParseIsoDate(it->second).value_or(0);
  }
  if (auto it = snap.attributes.find("data_through"); it != snap.attributes.end() && o.as_of) {
    const auto through = base::ParseIsoDate(it->second);
    if (through && *o.as_of > *through) {
      return Status::InvalidArgument("--as-of " + base::FormatIsoDate(*o.as_of) + " is after the release's last record (" +
                                     it->second + "): a backlog can only be counted up to the release's date");
    }
  }
  Filters f = o.filters;
  const bool default_types = f.case_types.empty();
  if (default_types) f.case_types = kEoirCaseTypes;

  // The 16M proceedings are read a million rows at a time, so that memory does not grow with the release. Each
  // chunk's scan sees the same whole-column dictionaries, so cell numbers agree across chunks.
  // IMMSTATS_BACKLOG_CHUNK_ROWS makes chunks small, so that tests cross chunk boundaries on small releases.
  static const uint64_t kChunkRows = [] {
    const char* v = std::getenv("IMMSTATS_BACKLOG_CHUNK_ROWS");
    const uint64_t n = v != nullptr ? std::strtoull(v, nullptr, 10) : 0;
    return n > 0 ? n : uint64_t{1} << 20;
  }();
  store::Values<int32_t> received, completion, next_received, asylum_received;
  store::Values<int8_t> admin;
  ScanColumns columns;
  columns.represented = "represented_ever";
  SliceScan scan;
  std::optional<Cells<BacklogCounts>> groups_at, all_nat_at;
  SliceScan::Periods periods{};
  int64_t step_received = 0, step_types = 0;
  uint64_t b = 0;
  do {
    const uint64_t e = std::min<uint64_t>(t.rows(), b + kChunkRows);
    IMMSTATS_RETURN_IF_ERROR(t.ReadDates(o.start_osc ? "osc_date" : "received_date", &received, b, e));
    IMMSTATS_RETURN_IF_ERROR(t.ReadDates("completion_date", &completion, b, e));
    IMMSTATS_RETURN_IF_ERROR(t.ReadDates("next_received_date", &next_received, b, e));
    IMMSTATS_RETURN_IF_ERROR(t.ReadDates("asylum_received_date", &asylum_received, b, e));
    IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("admin_completion", &admin, b, e));
    scan = SliceScan();
    IMMSTATS_RETURN_IF_ERROR(scan.Load(t, b, e, f, o.by, columns, nullptr));
    if (!groups_at) {
      groups_at.emplace(scan.cells());
      all_nat_at.emplace(scan.comparison() ? scan.cells() : 1);
    }
    Cells<BacklogCounts>& groups = *groups_at;
    Cells<BacklogCounts>& all_nat = *all_nat_at;
    for (size_t r = 0; r < e - b; ++r) {
      if (received[r] == kNullDate || received[r] > as_of) continue;
      ++step_received;
      if (!scan.Passes(r)) continue;
      ++step_types;
      const bool pending = completion[r] == kNullDate || completion[r] > as_of;
      const bool inactive = !pending && admin[r] == derive::kAdminClosure &&
                            (next_received[r] == kNullDate || next_received[r] > as_of);
      if (!pending && !inactive) continue;
      bool nat_ok = true;
      uint64_t ck = 0;
      const uint64_t key = scan.Cell(r, &nat_ok, &ck, &periods);
      auto add = [&](BacklogCounts& c) {
        if (inactive) {
          ++c.inactive;
          return;
        }
        ++c.pending;
        if (asylum_received[r] != kNullDate && asylum_received[r] <= as_of) ++c.pending_asylum;
        c.age.Add(as_of - received[r]);
      };
      if (scan.comparison()) add(all_nat[ck]);
      if (!nat_ok) continue;
      add(groups[key]);
      if (groups.size() > kMaxCells) {
        return Status::InvalidArgument("the grouping gives more than " + std::to_string(kMaxCells) +
                                       " cells: add filters or fewer --by dimensions");
      }
    }
    b = e;
  } while (b < t.rows());
  Cells<BacklogCounts>& groups = *groups_at;
  Cells<BacklogCounts>& all_nat = *all_nat_at;

  ResultTable out;
  scan.AddColumns(names, &out);
  for (const char* c : {"pending", "pending_asylum", "inactive_admin_closed", "median_age_days", "mean_age_days"}) {
    out.columns.emplace_back(c);
    out.table_columns.emplace_back(c);
  }
  if (scan.comparison()) out.table_columns.emplace_back("comparison");
  EmitRows(scan, names, groups, all_nat, [](BacklogCounts& c, std::vector<Value>* row) {
    row->insert(row->end(), {Value::Int(c.pending), Value::Int(c.pending_asylum), Value::Int(c.inactive),
                             c.age.Median(), c.age.Mean()});
  }, &out);
  out.query["measure"] = "backlog";
  out.query["as_of"] = base::FormatIsoDate(as_of);
  out.query["filters"] = o.filters.Json();
  out.query["case_types"] = f.case_types;
  out.query["start"] = o.start_osc ? "osc" : "input";
  out.query["by"] = nlohmann::ordered_json::array();
  for (Dim d : o.by) out.query["by"].push_back(DimName(d));
  out.notes.push_back("Pending on " + base::FormatIsoDate(as_of) + ": received (" +
                      (o.start_osc ? "OSC_DATE" : "INPUT_DATE, else OSC_DATE") +
                      ") by then and not completed by then. Administratively closed proceedings are counted apart "
                      "(inactive), until the case's next proceeding is received.");
  if (o.receipt) {
    nlohmann::ordered_json r = SnapshotReceipt(snap);
    r["table"] = derive::kProceedingTable;
    r["definition"] =
        "Spec 8: a proceeding is pending on the as-of date when it was received on or before it and its COMP_DATE is "
        "empty or later; case types " + std::string(default_types ? "RMV, DEP, EXC, AOC, WHO (EOIR's series)" : "as filtered") +
        "; pending_asylum = pending with an ASYL application received by the as-of date; inactive = completed by an "
        "administrative closure and not followed by a new proceeding by then; age = days since received.";
    r["query"] = out.query;
    r["steps"] = {{"proceedings_in_snapshot", t.rows()}, {"received_by_as_of", step_received},
                  {"after_case_type_and_filters", step_types}};
    out.receipt = std::move(r);
  }
  return out;
}

Result<ResultTable> RunWaitTimes(const store::SnapshotInfo& snap, const Names& names, const WaitTimeOptions& o) {
  if (o.by.size() > kMaxDims) return Status::InvalidArgument("--by takes at most 4 dimensions");
  auto table = store::TableReader::Open(snap, derive::kAsylumTable);
  if (!table.ok()) return table.status();
  const store::TableReader& t = *table;
  SortedDates sorted(t, "decision_date");
  auto window = sorted.WindowRows(o.window);
  if (!window.ok()) return window.status();
  const auto lo = static_cast<size_t>(window->lo), hi = static_cast<size_t>(window->hi);
  const size_t n = window->size();
  store::Values<int32_t> dates;  // the window's decision dates, from row lo
  IMMSTATS_RETURN_IF_ERROR(t.ReadDates("decision_date", &dates, lo, hi));
  store::Values<int8_t> cls;
  store::Values<int32_t> start;
  IMMSTATS_RETURN_IF_ERROR(t.ReadInt8s("class_asyl", &cls, lo, hi));
  const char* start_column = o.start == WaitStart::kOsc ? "osc_date" : o.start == WaitStart::kCase ? "case_start_date"
                             : o.start == WaitStart::kApplication ? "appl_recd_date" : "input_date";
  IMMSTATS_RETURN_IF_ERROR(t.ReadDates(start_column, &start, lo, hi));
  store::Values<int32_t> osc;
  if (o.start == WaitStart::kInput) IMMSTATS_RETURN_IF_ERROR(t.ReadDates("osc_date", &osc, lo, hi));
  SliceScan scan;
  IMMSTATS_RETURN_IF_ERROR(scan.Load(t, lo, hi, o.filters, o.by, ScanColumns{}, dates.data()));

  Cells<WaitCounts> groups(scan.cells()), all_nat(scan.comparison() ? scan.cells() : 1);
  SliceScan::Periods periods{};
  for (size_t r = 0; r < n; ++r) {
    const int c = cls[r];
    const bool in = o.all_completed ? c != derive::kNoApplication : (c == derive::kGrant || c == derive::kDeny || c == derive::kCatOnly);
    if (!in || !scan.Passes(r)) continue;
    bool nat_ok = true;
    uint64_t ck = 0;
    const uint64_t key = scan.Cell(r, &nat_ok, &ck, &periods);
    int32_t s = start[r];
    if (s == kNullDate && !osc.empty()) s = osc[r];  // INPUT_DATE missing: the OSC date, as for the backlog
    const int32_t end = dates[r];
    auto add = [&](WaitCounts& w) {
      ++w.decisions;
      if (s == kNullDate) ++w.no_start;
      else if (s > end) ++w.start_after_end;  // Q9: kept in the data, left out of durations
      else {
        ++w.measured;
        w.days.Add(end - s);
      }
    };
    if (scan.comparison()) add(all_nat[ck]);
    if (!nat_ok) continue;
    add(groups[key]);
    if (groups.size() > kMaxCells) {
      return Status::InvalidArgument("the grouping gives more than " + std::to_string(kMaxCells) + " cells: add filters or fewer --by dimensions");
    }
  }
  ResultTable out;
  scan.AddColumns(names, &out);
  for (const char* c : {"decisions", "measured", "median_days", "mean_days", "excluded_no_start", "excluded_start_after_end"}) {
    out.columns.emplace_back(c);
  }
  out.table_columns.insert(out.table_columns.end(), {"decisions", "measured", "median_days", "mean_days"});
  if (scan.comparison()) out.table_columns.emplace_back("comparison");
  EmitRows(scan, names, groups, all_nat, [](WaitCounts& w, std::vector<Value>* row) {
    row->insert(row->end(), {Value::Int(w.decisions), Value::Int(w.measured), w.days.Median(), w.days.Mean(),
                             Value::Int(w.no_start), Value::Int(w.start_after_end)});
  }, &out);
  const char* start_name = o.start == WaitStart::kOsc ? "osc" : o.start == WaitStart::kCase ? "case"
                           : o.start == WaitStart::kApplication ? "application" : "input";
  out.query["measure"] = "wait-times";
  out.query["window"] = o.window.Describe();
  if (o.window.from) out.query["from"] = base::FormatIsoDate(*o.window.from);
  if (o.window.to) out.query["to"] = base::FormatIsoDate(*o.window.to);
  out.query["filters"] = o.filters.Json();
  out.query["by"] = nlohmann::ordered_json::array();
  for (Dim d : o.by) out.query["by"].push_back(DimName(d));
  out.query["start"] = start_name;
  out.query["universe"] = o.all_completed ? "completed" : "trac";
  if (o.receipt) {
    nlohmann::ordered_json r = SnapshotReceipt(snap);
    r["table"] = derive::kAsylumTable;
    r["definition"] = std::string("Spec 8: days from the start (") + start_name +
                      ": input = proceeding INPUT_DATE, osc = OSC_DATE, case = the case's first proceeding, application = "
                      "APPL_RECD_DATE of the asylum application) to the proceeding's COMP_DATE, for asylum decision records "
                      "decided in the window (" + (o.all_completed ? "every completed record" : "grants and denials, as TRAC") +
                      "); records whose start is missing or after the decision are counted and left out.";
    r["query"] = out.query;
    r["steps"] = {{"records_in_snapshot", t.rows()}, {"completed_in_window", n}};
    out.receipt = std::move(r);
  }
  return out;
}

}  // namespace immstats::query
