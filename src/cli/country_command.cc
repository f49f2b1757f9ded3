// `immstats country NAME`: one nationality across every source in the store, fiscal year by fiscal year: asylum
// decisions in court, CBP and OHSS encounters, ICE removals (records and published), ICE Air flights to it.
#include <cstdio>
#include <map>
#include <set>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "api/request.h"
#include "cli/commands.h"
#include "facts/fact_request.h"
#include "geo/countries.h"

namespace immstats::cli {
namespace {

struct CountryArgs {
  std::string name;
  std::string store;
  int from_fy = 0, to_fy = 0;
  std::string format = "table";
};

struct Column {
  std::string name;     // JSON field
  std::string source;   // what it is, for the legend
  std::map<int, query::Value> by_fy;
  std::string missing;  // why the column is empty (no snapshot, not published)
};

int FyOf(const query::Value& v) { return v.kind == query::Value::Kind::kText ? std::atoi(v.text.c_str()) : static_cast<int>(v.i); }

// Runs a non-court family by fiscal year and keeps `measure`.
void FillFacts(Column* col, const Result<query::ResultTable>& t, const std::string& measure) {
  if (!t.ok()) {
    col->missing = t.status().message();
    return;
  }
  const auto& cols = t->columns;
  const size_t fy = static_cast<size_t>(std::find(cols.begin(), cols.end(), "fy") - cols.begin());
  const size_t m = static_cast<size_t>(std::find(cols.begin(), cols.end(), measure) - cols.begin());
  const size_t pub = static_cast<size_t>(std::find(cols.begin(), cols.end(), "published") - cols.begin());
  for (const auto& row : t->rows) {
    if (pub < cols.size() && row[pub].kind == query::Value::Kind::kBool && row[pub].i == 0) {
      col->missing = "not published by this source (counted under OTHER)";
      continue;
    }
    if (fy < cols.size() && m < cols.size() && row[fy].kind != query::Value::Kind::kNull) col->by_fy[FyOf(row[fy])] = row[m];
  }
}

int Run(const CountryArgs& a) {
  const geo::Country* country = geo::Countries::Get().ResolveCitizenship(a.name);
  if (country == nullptr) country = geo::Countries::Get().ResolveNationality(a.name);
  if (country == nullptr) {
    std::string msg = "unknown country '" + a.name + "'";
    const auto s = geo::Countries::Get().Suggest(a.name);
    if (!s.empty()) msg += "; did you mean " + s[0] + "?";
    std::fprintf(stderr, "immstats country: %s\n", msg.c_str());
    return 2;
  }
  const std::filesystem::path dir = a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store);
  const store::Store store(dir);
  std::vector<Column> cols;

  // Court: TRAC asylum decisions and grant rate, EOIR nationality codes of this country.
  Column decisions{"asylum_decisions_TRAC", "EOIR court records, TRAC definition", {}, {}};
  Column rate{"asylum_grant_rate_TRAC", "grants / decisions", {}, {}};
  if (country->eoir_codes.empty()) {
    decisions.missing = "EOIR has no nationality code for " + country->name;
  } else {
    auto snap = api::LoadSnapshot(dir, "latest");
    if (!snap.ok()) {
      decisions.missing = snap.status().message();
    } else {
      api::Request r;
      r.family = api::Family::kAsylum;
      r.typed.nationalities = country->eoir_codes;
      r.by = {"fy"};
      r.definition = "trac";
      auto t = api::Run(**snap, r);
      if (!t.ok()) {
        decisions.missing = t.status().message();
      } else {
        const auto& c = t->columns;
        const size_t fy = static_cast<size_t>(std::find(c.begin(), c.end(), "fy") - c.begin());
        const size_t d = static_cast<size_t>(std::find(c.begin(), c.end(), "decisions_TRAC") - c.begin());
        const size_t g = static_cast<size_t>(std::find(c.begin(), c.end(), "grant_rate_TRAC") - c.begin());
        for (const auto& row : t->rows) {
          if (fy >= c.size() || d >= c.size() || row[fy].kind == query::Value::Kind::kNull) continue;
          decisions.by_fy[FyOf(row[fy])] = row[d];
          if (g < c.size()) rate.by_fy[FyOf(row[fy])] = row[g];
        }
      }
    }
  }
  cols.push_back(std::move(decisions));
  cols.push_back(std::move(rate));

  auto facts_request = [&](const std::string& source) {
    facts::FactRequest r;
    r.source = source;
    r.filters["citizenship"] = {country->code};
    r.by = {"fy"};
    return r;
  };
  Column cbp{"encounters_CBP", "CBP encounter files (nationwide)", {}, {}};
  FillFacts(&cbp, facts::RunEncounters(store, facts_request("cbp")), "encounters");
  cols.push_back(std::move(cbp));
  Column ohss{"encounters_OHSS_USBP", "OHSS workbook, Border Patrol only, rounded to 10", {}, {}};
  FillFacts(&ohss, facts::RunEncounters(store, facts_request("ohss")), "encounters");
  cols.push_back(std::move(ohss));
  Column rec{"removals_ICE_records", "ICE person-level removal records", {}, {}};
  FillFacts(&rec, facts::RunRemovals(store, facts_request("records")), "removals");
  cols.push_back(std::move(rec));
  Column pub{"removals_ICE_published", "ICE published removals by citizenship", {}, {}};
  FillFacts(&pub, facts::RunRemovals(store, facts_request("published")), "removals");
  cols.push_back(std::move(pub));
  facts::FactRequest fr;
  fr.filters["country"] = {country->code};
  fr.by = {"fy"};
  Column legs{"flight_legs_to", "ICE Air legs landing in the country", {}, {}};
  Column pax{"flight_passengers_to", "passengers on those legs", {}, {}};
  auto flights = facts::RunFlights(store, fr);
  FillFacts(&legs, flights, "legs");
  FillFacts(&pax, flights, "passengers");
  cols.push_back(std::move(legs));
  cols.push_back(std::move(pax));

  std::set<int> years;
  for (const auto& c : cols) {
    for (const auto& [fy, _] : c.by_fy) {
      if ((a.from_fy == 0 || fy >= a.from_fy) && (a.to_fy == 0 || fy <= a.to_fy)) years.insert(fy);
    }
  }
  query::ResultTable t;
  t.columns = {"fy"};
  for (const auto& c : cols) t.columns.push_back(c.name);
  t.table_columns = t.columns;
  for (int fy : years) {
    std::vector<query::Value> row{query::Value::Text(std::to_string(fy))};
    for (const auto& c : cols) {
      auto it = c.by_fy.find(fy);
      row.push_back(it == c.by_fy.end() ? query::Value::Null() : it->second);
    }
    t.rows.push_back(std::move(row));
  }
  t.query = {{"country", country->name}, {"code", country->code}, {"eoir_codes", country->eoir_codes}};
  for (const auto& c : cols) {
    t.notes.push_back(c.name + ": " + c.source + (c.missing.empty() ? "" : " — " + c.missing));
  }
  t.notes.push_back("Each source counts something else (court decisions, border encounters, removals, flight "
                    "passengers): compare within a column, not across. Run each family with --receipt for its receipt.");
  if (a.format == "table") fmt::print("{} ({}), by fiscal year, every source in {}\n\n", country->name, country->code, dir.string());
  const query::OutputFormat f = OutputFormatNamed(a.format);
  std::fputs(query::Format(t, f).c_str(), stdout);
  return 0;
}

}  // namespace

void AddCountryCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<CountryArgs>();
  CLI::App* cmd = app.add_subcommand(
      "country",
      "One nationality across every source in the store, by fiscal year: asylum decisions and the TRAC grant\n"
      "rate in immigration court, CBP and OHSS border encounters, ICE removals (records and published), ICE Air\n"
      "flights and passengers to the country. A source not loaded, or not publishing the country, says so.\n\n"
      "Examples:\n"
      "  immstats country Honduras\n"
      "  immstats country NP --from-fy 2019 --format csv");
  cmd->add_option("country", a->name, "A country: name in any source's spelling, ISO code or EOIR code")->required();
  cmd->add_option("--store", a->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_option("--from-fy", a->from_fy, "First fiscal year shown");
  cmd->add_option("--to-fy", a->to_fy, "Last fiscal year shown");
  cmd->add_option("--format", a->format, "table | csv | json")->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([a, exit_code] { *exit_code = Run(*a); });
}

}  // namespace immstats::cli
