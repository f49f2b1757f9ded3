// `immstats removals`: ICE's person-level removal records counted, or ICE's published removals-by-citizenship
// tables (each fiscal year from the last file given that covers it).
#include <map>
#include <set>

#include "base/civil_date.h"
#include "facts/fact_common.h"
#include "geo/countries.h"

namespace immstats::facts {
namespace {

const std::vector<DimDef>& RecordDims() {
  static const std::vector<DimDef> kDims = {
      {"citizenship", "country", DimKind::kCountry},
      {"citizenship_as_published", "citizenship", DimKind::kText},
      {"aor", "area_of_responsibility", DimKind::kText},
      {"disposition", "processing_disposition_code", DimKind::kText},
      {"criminality", "rc_threat_level", DimKind::kText},
      {"gender", "gender", DimKind::kText},
      {"charge", "final_charge_section", DimKind::kText},
      {"month", "month_start", DimKind::kMonth},
      {"fy", "fiscal_year", DimKind::kFiscalYear},
  };
  return kDims;
}

const std::vector<DimDef>& PublishedDims() {
  static const std::vector<DimDef> kDims = {
      {"citizenship", "country", DimKind::kCountry},
      {"fy", "fiscal_year", DimKind::kFiscalYear},
  };
  return kDims;
}

}  // namespace

std::vector<std::string> RemovalDims(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& d : source == "published" ? PublishedDims() : RecordDims()) out.emplace_back(d.name);
  return out;
}

Result<query::ResultTable> RunRemovals(const store::Store& store, const FactRequest& request) {
  FactRequest r = request;
  if (r.source.empty()) r.source = "records";
  if (r.source != "records" && r.source != "published") {
    return Status::InvalidArgument("unknown --source '" + r.source + "' for removals: records or published");
  }
  const bool published = r.source == "published";
  auto countries = ResolveCountries(r);
  if (!countries.ok()) return countries.status();
  auto m = ResolveWindow(r);
  if (!m.ok()) return m.status();
  auto snap = store.Get(r.snapshot, "ice");
  if (!snap.ok()) return snap.status();
  const std::string table = published ? "ice.published_removals" : "ice.removals";
  auto view = FactView::Open(*snap, table);
  if (!view.ok()) return view.status();
  if (view->rows() == 0) {
    return Status::NotFound("the ice snapshot '" + snap->id + "' has no " +
                            (published ? "published removals table" : "person-level removal records") +
                            ": ingest the files (immstats ingest ice ...)");
  }
  const auto& defs = published ? PublishedDims() : RecordDims();
  Aggregation a;
  for (const auto& b : r.by) {
    auto d = FindDim(defs, b, "removals --source " + r.source);
    if (!d.ok()) return d.status();
    a.by.push_back(*d);
  }
  for (const auto& [name, values] : r.filters) {
    if (name == "citizenship" || name == "nationality") continue;
    auto d = FindDim(defs, name, "removals --source " + r.source);
    if (!d.ok()) return d.status();
    a.filters.push_back(Filter{d->name, d->column, d->kind, values});
  }
  if (!countries->empty()) a.filters.push_back(Filter{"citizenship", "country", DimKind::kCountry, *countries});
  nlohmann::ordered_json years_from_files = nlohmann::ordered_json::array();
  std::map<int64_t, uint32_t> file_of_year;
  if (published) {
    // Published tables have fiscal years, not months: the window becomes the fiscal years it covers.
    a.month_column.clear();
    if (m->from || m->to) {
      if (!r.month.empty() || (!r.from.empty() && r.fy == 0)) {
        // Whole fiscal years only: a month window cannot be answered from annual tables.
        bool whole = true;
        if (m->from) whole = whole && base::CivilFromDays(*m->from).month == 10 && base::CivilFromDays(*m->from).day == 1;
        if (m->to) whole = whole && base::CivilFromDays(*m->to).month == 9 && base::CivilFromDays(*m->to).day == 30;
        if (!whole) {
          return Status::InvalidArgument("ICE publishes removals by fiscal year only: use --fy, or a window from "
                                         "October to September, or --source records for months");
        }
      }
      std::vector<std::string> years;
      const int first = m->from ? base::CivilFromDays(*m->from).year + 1 : 1990;
      const int last = m->to ? base::CivilFromDays(*m->to).year : 2100;
      for (int y = first; y <= last; ++y) years.push_back(std::to_string(y));
      a.filters.push_back(Filter{"fy", "fiscal_year", DimKind::kFiscalYear, years});
    }
    a.filters.push_back(Filter{"is_total", "is_total", DimKind::kFiscalYear, {"0"}});
    // Each fiscal year from the last file that lists it.
    auto files = view->Strings("file");
    auto fys = view->Ints("fiscal_year");
    if (!files.ok()) return files.status();
    if (!fys.ok()) return fys.status();
    for (size_t i = 0; i < view->rows(); ++i) file_of_year[(**fys)[i]] = std::max(file_of_year[(**fys)[i]], (*files)->codes[i]);
    const auto* file_codes = *files;
    const auto* fy_values = *fys;
    a.keep = [&file_of_year, file_codes, fy_values](size_t row) {
      return file_of_year[(*fy_values)[row]] == file_codes->codes[row];
    };
    for (const auto& [y, f] : file_of_year) years_from_files.push_back({{"fy", y}, {"file", (*files)->dict[f]}});
  } else if (r.fy != 0) {
    // A fiscal year is the file's (ICE's attribution, as its published totals count it), not the departure month.
    a.filters.push_back(Filter{"fy", "fiscal_year", DimKind::kFiscalYear, {std::to_string(r.fy)}});
  } else {
    a.from = m->from;
    a.to = m->to;
  }
  a.measures = {Measure{"removals", ""}};
  if (published) a.measures[0].column = "removals";
  auto result = Aggregate(&*view, a);
  if (!result.ok()) return result.status();
  query::ResultTable t = ToResultTable(a, *result);
  t.query = QueryJson("removals", r, *m);
  if (!countries->empty() && result->rows.empty()) {
    t.notes.push_back("No removal of this citizenship in the " + std::string(published ? "published tables" : "records") +
                      " for this window.");
  }
  t.notes.push_back(published ? "ICE's published removals by country of citizenship (ICE ERO annual reports and "
                                "FOIA tables); events, not people."
                              : "ICE removal records (person-level FOIA files), one row per removal, counted in the "
                                "fiscal year of the file that lists it (ICE's attribution); events, not people.");
  if (r.receipt) {
    t.receipt = BaseReceipt(*snap, table,
                            published ? "Sum of ICE's published removals per country and fiscal year (Total rows "
                                        "left out; each fiscal year from the last file given that lists it)."
                                      : "Count of rows in ICE's person-level removal files that match the filters; "
                                        "months by Departed Date.",
                            *result);
    if (published) t.receipt["years_from_files"] = years_from_files;
  }
  IMMSTATS_RETURN_IF_ERROR(Finish(&t, r));
  return t;
}

}  // namespace immstats::facts
