// `immstats encounters`: CBP encounter files (each month from the newest file able to answer) or the OHSS
// workbook (the sheet that holds exactly the dimensions asked, figures rounded to 10).
#include <map>
#include <set>

#include "base/civil_date.h"
#include "facts/fact_common.h"
#include "geo/countries.h"

namespace immstats::facts {
namespace {

const std::vector<DimDef>& CbpDims() {
  static const std::vector<DimDef> kDims = {
      {"citizenship", "country", DimKind::kCountry},
      {"citizenship_as_published", "citizenship", DimKind::kText},
      {"region", "land_border_region", DimKind::kText},
      {"aor", "area_of_responsibility", DimKind::kText},
      {"state", "state", DimKind::kText},
      {"component", "component", DimKind::kText},
      {"encounter_type", "encounter_type", DimKind::kText},
      {"demographic", "demographic", DimKind::kText},
      {"title", "title_of_authority", DimKind::kText},
      {"month", "month_start", DimKind::kMonth},
      {"fy", "fiscal_year", DimKind::kFiscalYear},
  };
  return kDims;
}

const std::vector<DimDef>& OhssDims() {
  static const std::vector<DimDef> kDims = {
      {"citizenship", "country", DimKind::kCountry},
      {"region", "region", DimKind::kText},
      {"sector", "sector", DimKind::kText},
      {"family_status", "family_status", DimKind::kText},
      {"month", "month_start", DimKind::kMonth},
      {"fy", "fiscal_year", DimKind::kFiscalYear},
  };
  return kDims;
}

// Takes the citizenships a source does not itemize out of the country filter, and makes sure the answer shows
// citizenship, so that their not-published rows can stand beside the others.
void SetAsideUnpublished(const std::vector<std::string>& unpublished, Aggregation* a) {
  for (auto& f : a->filters) {
    if (f.column != "country") continue;
    std::erase_if(f.values, [&](const std::string& v) {
      return std::find(unpublished.begin(), unpublished.end(), v) != unpublished.end();
    });
  }
  if (!unpublished.empty() && std::none_of(a->by.begin(), a->by.end(), [](const Dim& d) { return d.name == "citizenship"; })) {
    std::vector<Dim> by = {Dim{"citizenship", "country", DimKind::kCountry}};
    by.insert(by.end(), a->by.begin(), a->by.end());
    a->by = std::move(by);
  }
}

// Builds filters and groups shared by both sources; `countries` are resolved citizenship codes.
Status BuildAggregation(const std::vector<DimDef>& defs, const FactRequest& r, const std::vector<std::string>& countries,
                        const Months& m, Aggregation* a) {
  for (const auto& b : r.by) {
    auto d = FindDim(defs, b, "encounters --source " + r.source);
    if (!d.ok()) return d.status();
    a->by.push_back(*d);
  }
  for (const auto& [name, values] : r.filters) {
    if (name == "citizenship" || name == "nationality") continue;
    auto d = FindDim(defs, name, "encounters --source " + r.source);
    if (!d.ok()) return d.status();
    a->filters.push_back(Filter{d->name, d->column, d->kind, values});
  }
  if (!countries.empty()) a->filters.push_back(Filter{"citizenship", "country", DimKind::kCountry, countries});
  a->from = m.from;
  a->to = m.to;
  a->measures = {Measure{"encounters", "encounters"}};
  return Status::Ok();
}

// Rows for citizenships a source does not itemize: the figure is null and `published` false, never 0.
void AddUnpublished(query::ResultTable* t, const std::vector<std::string>& unpublished, const std::string& why) {
  if (unpublished.empty()) return;
  t->columns.push_back("published");
  t->table_columns.push_back("published");
  for (auto& row : t->rows) row.push_back(query::Value::Bool(true));
  const size_t cit = static_cast<size_t>(std::find(t->columns.begin(), t->columns.end(), "citizenship") - t->columns.begin());
  for (const auto& code : unpublished) {
    std::vector<query::Value> row(t->columns.size(), query::Value::Null());
    if (cit < t->columns.size()) {
      row[cit] = query::Value::Text(CountryDisplayName(code));
      row[cit + 1] = query::Value::Text(code);
    }
    row.back() = query::Value::Bool(false);
    t->rows.push_back(std::move(row));
    t->notes.push_back(CountryDisplayName(code) + ": not published by this source. " + why);
  }
}

Result<query::ResultTable> RunCbp(const store::Store& store, const FactRequest& r, const std::vector<std::string>& countries,
                                  const Months& m) {
  auto snap = store.Get(r.snapshot, "cbp");
  if (!snap.ok()) return snap.status();
  auto view = FactView::Open(*snap, "cbp.encounters");
  if (!view.ok()) return view.status();
  Aggregation a;
  IMMSTATS_RETURN_IF_ERROR(BuildAggregation(CbpDims(), r, countries, m, &a));

  // What each file can answer: the columns it fills, the citizenships it names, whether it is Southwest-only.
  auto files = view->Strings("file");
  auto month_col = view->Dates("month_start");
  auto country_col = view->Strings("country");
  if (!files.ok()) return files.status();
  if (!month_col.ok()) return month_col.status();
  if (!country_col.ok()) return country_col.status();
  const size_t nfiles = (*files)->dict.size();
  std::set<std::string> needed;
  for (const auto& d : a.by) needed.insert(d.column);
  for (const auto& f : a.filters) needed.insert(f.column);
  std::vector<std::set<std::string>> filled(nfiles);
  std::vector<std::set<std::string>> named(nfiles);
  std::vector<std::set<int32_t>> months(nfiles);
  std::map<std::string, const store::StringColumn*> cols;
  for (const auto& c : needed) {
    if (c == "month_start" || c == "fiscal_year") continue;
    auto col = view->Strings(c);
    if (!col.ok()) return col.status();
    cols[c] = *col;
  }
  const size_t n = view->rows();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t f = (*files)->codes[i];
    for (const auto& [name, col] : cols) {
      if (!col->IsNull(i)) filled[f].insert(name);
    }
    const auto country = (*country_col)->At(i);
    if (!country.empty() && country != "OTHER") named[f].insert(std::string(country));
    months[f].insert((**month_col)[i]);
  }
  // The newest first: cbp.files ranks them.
  auto ranks_view = FactView::Open(*snap, "cbp.files");
  if (!ranks_view.ok()) return ranks_view.status();
  auto rank_files = ranks_view->Strings("file");
  auto rank_values = ranks_view->Ints("newest_rank");
  if (!rank_files.ok()) return rank_files.status();
  if (!rank_values.ok()) return rank_values.status();
  auto variants = ranks_view->Strings("variant");
  if (!variants.ok()) return variants.status();
  std::vector<int64_t> rank(nfiles, INT64_MAX);
  std::vector<bool> southwest_file(nfiles, false);  // a Southwest-border file: it answers only for that region
  for (size_t i = 0; i < ranks_view->rows(); ++i) {
    for (size_t f = 0; f < nfiles; ++f) {
      if ((*files)->dict[f] != (*rank_files)->At(i)) continue;
      rank[f] = (**rank_values)[i];
      southwest_file[f] = (*variants)->At(i) == "southwest";
    }
  }
  bool region_only_southwest = false;
  for (const auto& f : a.filters) {
    if (f.column == "land_border_region") {
      region_only_southwest = std::all_of(f.values.begin(), f.values.end(),
                                          [](const std::string& v) { return WordPrefixMatch("Southwest Land Border", v); });
    }
  }
  std::vector<std::string> unpublished;
  for (const auto& code : countries) {
    bool any = false;
    for (size_t f = 0; f < nfiles; ++f) any = any || named[f].count(code) > 0;
    if (!any) unpublished.push_back(code);
  }
  auto capable = [&](size_t f) {
    for (const auto& c : needed) {
      if (c == "month_start" || c == "fiscal_year" || c == "country") continue;
      if (!filled[f].count(c)) return false;
    }
    const bool southwest_only = southwest_file[f];
    if (southwest_only && !region_only_southwest) return false;
    for (const auto& code : countries) {
      if (std::find(unpublished.begin(), unpublished.end(), code) == unpublished.end() && !named[f].count(code)) return false;
    }
    return true;
  };
  std::map<int32_t, int64_t> chosen;  // month -> file code
  std::set<int32_t> unanswerable;
  for (size_t f = 0; f < nfiles; ++f) {
    const bool ok = capable(f);
    for (const int32_t month : months[f]) {
      if (!ok) {
        unanswerable.insert(month);
        continue;
      }
      auto it = chosen.find(month);
      if (it == chosen.end() || rank[f] < rank[static_cast<size_t>(it->second)]) chosen[month] = static_cast<int64_t>(f);
    }
  }
  for (const auto& [month, _] : chosen) unanswerable.erase(month);
  const int32_t window_first =
      m.from ? base::FirstOfMonth(*m.from) : INT32_MIN;
  std::erase_if(unanswerable, [&](int32_t month) { return month < window_first || (m.to && month > *m.to); });
  const auto* file_codes = *files;
  const auto* month_values = *month_col;
  a.keep = [&chosen, file_codes, month_values](size_t row) {
    auto it = chosen.find((*month_values)[row]);
    return it != chosen.end() && it->second == static_cast<int64_t>(file_codes->codes[row]);
  };
  SetAsideUnpublished(unpublished, &a);
  auto result = Aggregate(&*view, a);
  if (!result.ok()) return result.status();
  query::ResultTable t = ToResultTable(a, *result);
  if (unpublished.size() == countries.size() && !countries.empty()) t.rows.clear();
  AddUnpublished(&t, unpublished,
                 "CBP's public encounter files itemize about 21 citizenships and count the rest under OTHER; the DHS "
                 "OHSS workbook itemizes every citizenship for Border Patrol (--source ohss, figures rounded to 10).");
  t.query = QueryJson("encounters", r, m);
  // Which file each month came from, as ranges.
  nlohmann::ordered_json from_files = nlohmann::ordered_json::array();
  int64_t current = -1;
  int32_t range_from = 0, range_to = 0;
  auto month_text = [](int32_t d) { return base::FormatIsoDate(d).substr(0, 7); };
  auto flush = [&] {
    if (current >= 0) {
      from_files.push_back({{"file", (*files)->dict[static_cast<size_t>(current)]},
                            {"from", month_text(range_from)},
                            {"to", month_text(range_to)}});
    }
  };
  for (const auto& [month, f] : chosen) {
    if (month < window_first || (m.to && month > *m.to)) continue;
    if (f != current) {
      flush();
      current = f;
      range_from = month;
    }
    range_to = month;
  }
  flush();
  if (!unanswerable.empty() && unpublished.size() < std::max<size_t>(countries.size(), 1)) {
    t.notes.push_back(std::to_string(unanswerable.size()) +
                      " month(s) are covered only by files that lack a dimension asked for (e.g. the Southwest-border "
                      "file has no state, AOR or other regions); they are not counted.");
  }
  t.notes.push_back("CBP encounters are events, not people; each month comes from the newest file that covers it.");
  if (r.receipt) {
    t.receipt = BaseReceipt(*snap, "cbp.encounters",
                            "Sum of Encounter Count over the rows of CBP's published encounter files that match the "
                            "filters; each month taken from the newest file able to answer (never two files).",
                            *result);
    t.receipt["months_from_files"] = from_files;
  }
  IMMSTATS_RETURN_IF_ERROR(Finish(&t, r));
  return t;
}

// The OHSS sheet that holds exactly these dimensions; annual sheets when the window is whole fiscal years and no
// month is asked.
Result<std::string> OhssSheet(const Aggregation& a, const Months& m) {
  std::set<std::string> dims;
  bool monthly = false;
  for (const auto& d : a.by) {
    if (d.kind == DimKind::kMonth) monthly = true;
    if (d.kind == DimKind::kText || d.kind == DimKind::kCountry) dims.insert(d.name);
  }
  for (const auto& f : a.filters) {
    if (f.kind == DimKind::kText || f.kind == DimKind::kCountry) dims.insert(f.name);
  }
  if (m.from || m.to) {
    const bool from_fy = !m.from || (base::CivilFromDays(*m.from).month == 10 && base::CivilFromDays(*m.from).day == 1);
    const bool to_fy = !m.to || (base::CivilFromDays(*m.to).month == 9 && base::CivilFromDays(*m.to).day == 30);
    if (!from_fy || !to_fy) monthly = true;
  }
  static const std::map<std::set<std::string>, std::string> kSheets = {
      {{}, "Count"},
      {{"citizenship"}, "Citizenship"},
      {{"region"}, "Region"},
      {{"family_status"}, "Family Status"},
      {{"sector"}, "Sector"},
      {{"region", "citizenship"}, "Rgn and Citp"},
      {{"region", "family_status"}, "Rgn and Fam Status"},
      {{"region", "sector"}, "Rgn and Sector"},
  };
  auto it = kSheets.find(dims);
  if (it == kSheets.end()) {
    std::string asked;
    for (const auto& d : dims) asked += (asked.empty() ? "" : " × ") + d;
    return Status::InvalidArgument("OHSS does not publish " + asked +
                                   " together; its sheets cross region with one of citizenship, family status or "
                                   "sector, nothing else");
  }
  return std::string(monthly ? "Monthly " : "Annual ") + it->second;
}

Result<query::ResultTable> RunOhss(const store::Store& store, const FactRequest& r, const std::vector<std::string>& countries,
                                   const Months& m) {
  auto snap = store.Get(r.snapshot, "ohss");
  if (!snap.ok()) return snap.status();
  auto view = FactView::Open(*snap, "ohss.encounters");
  if (!view.ok()) return view.status();
  Aggregation a;
  IMMSTATS_RETURN_IF_ERROR(BuildAggregation(OhssDims(), r, countries, m, &a));
  auto sheet = OhssSheet(a, m);
  if (!sheet.ok()) return sheet.status();
  if (sheet->rfind("Annual", 0) == 0) {
    // Annual sheets have no month: the window becomes fiscal years.
    a.month_column.clear();
    if (m.from || m.to) {
      std::vector<std::string> years;
      const int first = m.from ? base::CivilFromDays(*m.from).year + 1 : 1990;
      const int last = m.to ? base::CivilFromDays(*m.to).year : 2100;
      for (int y = first; y <= last; ++y) years.push_back(std::to_string(y));
      a.filters.push_back(Filter{"fy", "fiscal_year", DimKind::kFiscalYear, years});
    }
    a.from.reset();
    a.to.reset();
  }
  a.filters.push_back(Filter{"sheet", "sheet", DimKind::kText, {*sheet}});
  // Citizenships the workbook never lists.
  std::vector<std::string> unpublished;
  if (!countries.empty()) {
    auto cc = view->Strings("country");
    if (!cc.ok()) return cc.status();
    for (const auto& code : countries) {
      if (std::find((*cc)->dict.begin(), (*cc)->dict.end(), code) == (*cc)->dict.end()) unpublished.push_back(code);
    }
    SetAsideUnpublished(unpublished, &a);
  }
  auto result = Aggregate(&*view, a);
  if (!result.ok()) return result.status();
  query::ResultTable t = ToResultTable(a, *result);
  if (unpublished.size() == countries.size() && !countries.empty()) t.rows.clear();
  t.columns.push_back("rounded_to");
  t.table_columns.push_back("rounded_to");
  for (auto& row : t.rows) row.push_back(query::Value::Int(10));
  AddUnpublished(&t, unpublished, "The OHSS workbook lists no Border Patrol encounter of this citizenship.");
  t.query = QueryJson("encounters", r, m);
  t.query["sheet"] = *sheet;
  t.notes.push_back("OHSS figures are Border Patrol encounters (apprehensions and Title 42 expulsions), each cell "
                    "rounded to 10 by OHSS (sheet '" + *sheet + "').");
  if (r.receipt) {
    t.receipt = BaseReceipt(*snap, "ohss.encounters",
                            "Sum of the Quantity cells of the OHSS workbook's sheet '" + *sheet +
                                "' that match the filters; each cell was rounded to 10 by OHSS, blank cells are 0.",
                            *result);
    t.receipt["rounded_to"] = 10;
  }
  IMMSTATS_RETURN_IF_ERROR(Finish(&t, r));
  return t;
}

}  // namespace

std::vector<std::string> EncounterDims(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& d : source == "ohss" ? OhssDims() : CbpDims()) out.emplace_back(d.name);
  return out;
}

Result<query::ResultTable> RunEncounters(const store::Store& store, const FactRequest& request) {
  FactRequest r = request;
  if (r.source.empty()) r.source = "cbp";
  if (r.source != "cbp" && r.source != "ohss") {
    return Status::InvalidArgument("unknown --source '" + r.source + "' for encounters: cbp or ohss");
  }
  auto countries = ResolveCountries(r);
  if (!countries.ok()) return countries.status();
  auto m = ResolveWindow(r);
  if (!m.ok()) return m.status();
  return r.source == "ohss" ? RunOhss(store, r, *countries, *m) : RunCbp(store, r, *countries, *m);
}

}  // namespace immstats::facts
