// `immstats flights`: ICE Air legs (legs and passengers by airport, country, route, kind, month or fiscal year)
// and missions with their pickup and dropoff stops.
#include <map>
#include <set>

#include "facts/fact_common.h"
#include "geo/countries.h"

namespace immstats::facts {
namespace {

const std::vector<DimDef>& LegDims() {
  static const std::vector<DimDef> kDims = {
      {"pickup_airport", "pickup_airport", DimKind::kText},
      {"dropoff_airport", "dropoff_airport", DimKind::kText},
      {"pickup_country", "pickup_country", DimKind::kCountry},
      {"dropoff_country", "dropoff_country", DimKind::kCountry},
      {"kind", "kind", DimKind::kText},
      {"month", "month_start", DimKind::kMonth},
      {"fy", "fiscal_year", DimKind::kFiscalYear},
  };
  return kDims;
}

// "removal" -> R, "transfer" -> T: the leg file's codes.
std::string KindCode(const std::string& v) {
  const std::string n = geo::NormalizeName(v);
  if (n == "REMOVAL" || n == "REMOVALS") return "R";
  if (n == "TRANSFER" || n == "TRANSFERS") return "T";
  return v;
}

Result<std::string> CountryCode(const std::string& v) {
  const geo::Country* c = geo::Countries::Get().ResolveCitizenship(v);
  if (c == nullptr) return Status::InvalidArgument("unknown country '" + v + "'");
  return c->code;
}

Result<query::ResultTable> RunMissions(const store::SnapshotInfo& snap, const FactRequest& r) {
  auto view = FactView::Open(snap, "iceair.mission_stops");
  if (!view.ok()) return view.status();
  auto mission = view->Strings("mission");
  auto role = view->Strings("role");
  auto airport = view->Strings("airport");
  auto country = view->Strings("country");
  if (!mission.ok()) return mission.status();
  if (!role.ok()) return role.status();
  if (!airport.ok()) return airport.status();
  if (!country.ok()) return country.status();
  std::set<std::string> want_airports, want_countries;
  for (const auto& [k, values] : r.filters) {
    for (const auto& v : values) {
      if (k == "airport" || k == "pickup_airport" || k == "dropoff_airport") {
        want_airports.insert(geo::NormalizeName(v));
      } else if (k == "country" || k == "dropoff_country" || k == "pickup_country") {
        auto c = CountryCode(v);
        if (!c.ok()) return c.status();
        want_countries.insert(*c);
      } else {
        return Status::InvalidArgument("--missions filters by --airport or --country (a stop's), not by " + k);
      }
    }
  }
  struct Mission {
    std::vector<std::string> pickups, dropoffs;
    bool match = false;
  };
  std::map<std::string, Mission> missions;
  int64_t rows = 0;
  for (size_t i = 0; i < view->rows(); ++i) {
    Mission& m = missions[std::string((*mission)->At(i))];
    const std::string a((*airport)->At(i));
    ((*role)->At(i) == "pickup" ? m.pickups : m.dropoffs).push_back(a);
    if (want_airports.count(geo::NormalizeName(a)) || want_countries.count(std::string((*country)->At(i)))) m.match = true;
    ++rows;
  }
  query::ResultTable t;
  t.columns = {"mission", "pickups", "dropoffs", "dropoff_countries"};
  t.table_columns = t.columns;
  const bool filtered = !want_airports.empty() || !want_countries.empty();
  std::vector<std::pair<int64_t, std::string>> order;  // numeric mission ids sort as numbers
  for (const auto& [id, m] : missions) {
    int64_t n = 0;
    bool numeric = !id.empty();
    for (char c : id) numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
    if (numeric && id.size() < 18) n = std::stoll(id);
    order.emplace_back(numeric ? n : INT64_MAX, id);
  }
  std::sort(order.begin(), order.end());
  std::map<std::string, std::string> airport_country;
  for (size_t i = 0; i < view->rows(); ++i) airport_country[std::string((*airport)->At(i))] = std::string((*country)->At(i));
  for (const auto& [_, id] : order) {
    const Mission& m = missions[id];
    if (filtered && !m.match) continue;
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
      return s;
    };
    std::vector<std::string> countries;
    for (const auto& d : m.dropoffs) {
      const std::string& c = airport_country[d];
      if (!c.empty() && std::find(countries.begin(), countries.end(), c) == countries.end()) countries.push_back(c);
    }
    t.rows.push_back({query::Value::Text(id), query::Value::Text(join(m.pickups)), query::Value::Text(join(m.dropoffs)),
                      query::Value::Text(join(countries))});
  }
  t.query = {{"family", "flights"}, {"missions", true}, {"filters", r.filters}};
  t.notes.push_back("Missions from the ICE Air stop lists (pulocsdict/droplocsdict): each mission's pickup and "
                    "dropoff airports in the order listed.");
  if (r.receipt) {
    AggregateResult counts;
    counts.rows_read = rows;
    counts.rows_matched = static_cast<int64_t>(t.rows.size());
    t.receipt = BaseReceipt(snap, "iceair.mission_stops", "Missions and their stops as listed; a mission matches if "
                            "any stop is at the airport or in the country asked.", counts);
  }
  if (r.limit > 0 && t.rows.size() > r.limit) t.rows.resize(r.limit);
  return t;
}

}  // namespace

std::vector<std::string> FlightDims() {
  std::vector<std::string> out;
  for (const auto& d : LegDims()) out.emplace_back(d.name);
  out.emplace_back("route");
  return out;
}

Result<query::ResultTable> RunFlights(const store::Store& store, const FactRequest& request) {
  FactRequest r = request;
  auto m = ResolveWindow(r);
  if (!m.ok()) return m.status();
  auto snap = store.Get(r.snapshot, "iceair");
  if (!snap.ok()) return snap.status();
  if (r.missions) return RunMissions(*snap, r);
  auto view = FactView::Open(*snap, "iceair.legs");
  if (!view.ok()) return view.status();
  Aggregation a;
  for (const auto& b : r.by) {
    if (b == "route") {
      a.by.push_back(Dim{"pickup_airport", "pickup_airport", DimKind::kText});
      a.by.push_back(Dim{"dropoff_airport", "dropoff_airport", DimKind::kText});
      continue;
    }
    auto d = FindDim(LegDims(), b, "flights");
    if (!d.ok()) return d.status();
    a.by.push_back(*d);
  }
  for (const auto& [name, values] : r.filters) {
    const std::string dim = name == "country" || name == "citizenship" ? "dropoff_country" : name;
    auto d = FindDim(LegDims(), dim, "flights");
    if (!d.ok()) return d.status();
    std::vector<std::string> vs;
    for (const auto& v : values) {
      if (d->kind == DimKind::kCountry) {
        auto c = CountryCode(v);
        if (!c.ok()) return c.status();
        vs.push_back(*c);
      } else {
        vs.push_back(d->name == "kind" ? KindCode(v) : v);
      }
    }
    a.filters.push_back(Filter{d->name, d->column, d->kind, vs});
  }
  a.from = m->from;
  a.to = m->to;
  a.measures = {Measure{"legs", ""}, Measure{"passengers", "passengers"}};
  auto result = Aggregate(&*view, a);
  if (!result.ok()) return result.status();
  query::ResultTable t = ToResultTable(a, *result);
  t.query = QueryJson("flights", r, *m);
  t.notes.push_back("ICE Air legs: one row per day, leg and kind (R removal, T transfer); passengers = unique "
                    "people on that leg that day (AlienMasterID), summed.");
  if (r.receipt) {
    t.receipt = BaseReceipt(*snap, "iceair.legs",
                            "Legs counted and passengers summed over the ICE Air leg rows that match the filters; "
                            "countries from the airport dictionaries given at ingest.",
                            *result);
  }
  IMMSTATS_RETURN_IF_ERROR(Finish(&t, r));
  return t;
}

}  // namespace immstats::facts
