// `immstats encounters`, `immstats removals`, `immstats flights`: the non-court questions on one country axis.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "facts/fact_request.h"

namespace immstats::cli {
namespace {

struct FactArgs {
  std::string store;
  std::string format = "table";
  facts::FactRequest request;
  std::map<std::string, std::vector<std::string>> options;  // dimension -> values, bound to the CLI
};

using RunFn = Result<query::ResultTable> (*)(const store::Store&, const facts::FactRequest&);

void AddFilter(CLI::App* cmd, FactArgs* a, const std::string& dim, const std::string& help) {
  std::string option = "--" + dim;
  std::replace(option.begin(), option.end(), '_', '-');
  auto* opt = cmd->add_option(option, a->options[dim], help);
  // Country names may hold commas ("China, Peoples Republic of"): those values are split later, by name.
  if (dim != "citizenship" && dim != "nationality" && dim != "country" && dim != "pickup_country") opt->delimiter(',');
}

void AddCommon(CLI::App* cmd, FactArgs* a, const std::string& by_help) {
  cmd->add_option("--store", a->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_option("--snapshot", a->request.snapshot, "Snapshot id of that source (see `immstats store list`)")
      ->capture_default_str();
  cmd->add_option("--from", a->request.from, "First month of the window, YYYY-MM (or a day YYYY-MM-DD)");
  cmd->add_option("--to", a->request.to, "Last month of the window, inclusive, YYYY-MM");
  cmd->add_option("--fy", a->request.fy, "A federal fiscal year: 2024 = October 2023 .. September 2024");
  cmd->add_option("--month", a->request.month, "One calendar month, YYYY-MM");
  cmd->add_option("--by", a->request.by, "Group by up to 4 of: " + by_help)->delimiter(',');
  cmd->add_option("--format", a->format, "table | csv | json")->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->add_option("--sort", a->request.sort, "Order rows by a field, numbers largest first");
  cmd->add_option("--limit", a->request.limit, "Keep the first N rows after sorting");
  cmd->add_flag("--receipt", a->request.receipt,
                "Add the receipt: snapshot, source files and checksums, definition, counts (and which file each "
                "month came from)");
}

int Run(const FactArgs& a, RunFn fn, const char* command) {
  facts::FactRequest r = a.request;
  for (const auto& [dim, values] : a.options) {
    if (!values.empty()) r.filters[dim] = values;
  }
  if (r.by.size() > 4) {
    std::fprintf(stderr, "immstats %s: --by takes at most 4 dimensions\n", command);
    return 2;
  }
  const store::Store store(a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store));
  auto t = fn(store, r);
  if (!t.ok()) {
    std::fprintf(stderr, "immstats %s: %s\n", command, t.status().message().c_str());
    return t.status().ExitCode();
  }
  const query::OutputFormat f = OutputFormatNamed(a.format);
  std::fputs(query::Format(*t, f).c_str(), stdout);
  return 0;
}

}  // namespace

query::OutputFormat OutputFormatNamed(const std::string& name) {
  return name == "json" ? query::OutputFormat::kJson : name == "csv" ? query::OutputFormat::kCsv : query::OutputFormat::kTable;
}

namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

void AddFactCommands(CLI::App& app, int* exit_code) {
  {
    auto a = std::make_shared<FactArgs>();
    CLI::App* cmd = app.add_subcommand(
        "encounters",
        "Border encounters by citizenship, month, fiscal year, region, AOR, component, type, demographic, title\n"
        "of authority, from CBP's published files (default) or the DHS OHSS workbook (--source ohss, Border\n"
        "Patrol only, every citizenship, figures rounded to 10). A citizenship CBP folds into OTHER is answered\n"
        "\"not published by this source\", never 0.\n\n"
        "Examples:\n"
        "  immstats encounters --region southwest --by fy\n"
        "  immstats encounters --citizenship Honduras --from 2023-01 --to 2023-06 --by month\n"
        "  immstats encounters --source ohss --citizenship Nepal --by fy --format csv");
    cmd->add_option("--source", a->request.source, "cbp | ohss")->check(CLI::IsMember({"cbp", "ohss"}));
    AddFilter(cmd, a.get(), "citizenship", "Country: a name in any source's spelling, an ISO code (NP) or EOIR code");
    AddFilter(cmd, a.get(), "nationality", "Country as an EOIR nationality code or name (same axis as --citizenship)");
    AddFilter(cmd, a.get(), "region", "Land border region: southwest, northern, other (OHSS: coastal)");
    AddFilter(cmd, a.get(), "aor", "CBP area of responsibility (sector or field office), e.g. 'Tucson Sector'");
    AddFilter(cmd, a.get(), "state", "State (CBP state files)");
    AddFilter(cmd, a.get(), "component", "U.S. Border Patrol | Office of Field Operations");
    AddFilter(cmd, a.get(), "encounter_type", "Apprehensions | Inadmissibles | Expulsions");
    AddFilter(cmd, a.get(), "demographic", "Single Adults, FMUA, UC / Single Minors, Accompanied Minors");
    AddFilter(cmd, a.get(), "title", "Title 8 | Title 42");
    AddFilter(cmd, a.get(), "sector", "OHSS Border Patrol sector, e.g. 'Rio Grande Valley'");
    AddFilter(cmd, a.get(), "family_status", "OHSS family status: Single Adults, Unaccompanied Children, Family Unit");
    AddCommon(cmd, a.get(), "CBP: " + Join(facts::EncounterDims("cbp")) + "; OHSS: " + Join(facts::EncounterDims("ohss")));
    cmd->callback([a, exit_code] { *exit_code = Run(*a, &facts::RunEncounters, "encounters"); });
  }
  {
    auto a = std::make_shared<FactArgs>();
    CLI::App* cmd = app.add_subcommand(
        "removals",
        "ICE removals by citizenship, fiscal year, month, AOR, processing disposition, criminality: counted from\n"
        "ICE's person-level records (default) or read from ICE's published tables (--source published).\n\n"
        "Examples:\n"
        "  immstats removals --citizenship Guatemala --fy 2018\n"
        "  immstats removals --source published --by fy --format csv\n"
        "  immstats removals --fy 2017 --by citizenship --sort removals --limit 10");
    cmd->add_option("--source", a->request.source, "records | published")->check(CLI::IsMember({"records", "published"}));
    AddFilter(cmd, a.get(), "citizenship", "Country: a name in any source's spelling, an ISO code or EOIR code");
    AddFilter(cmd, a.get(), "nationality", "Country as an EOIR nationality code or name");
    AddFilter(cmd, a.get(), "aor", "ICE area of responsibility, e.g. 'San Antonio'");
    AddFilter(cmd, a.get(), "disposition", "Processing disposition code, e.g. REINST");
    AddFilter(cmd, a.get(), "criminality", "RC threat level as published (1, 2, 3, NA)");
    AddFilter(cmd, a.get(), "gender", "Male | Female");
    AddCommon(cmd, a.get(), Join(facts::RemovalDims("records")));
    cmd->callback([a, exit_code] { *exit_code = Run(*a, &facts::RunRemovals, "removals"); });
  }
  {
    auto a = std::make_shared<FactArgs>();
    CLI::App* cmd = app.add_subcommand(
        "flights",
        "ICE Air deportation and transfer flights: legs and passengers by pickup or dropoff airport, country,\n"
        "route, kind (removal, transfer), month or fiscal year; --missions lists missions with their stops.\n\n"
        "Examples:\n"
        "  immstats flights --country Guatemala --by fy\n"
        "  immstats flights --kind removal --fy 2018 --by dropoff_airport --sort passengers --limit 10\n"
        "  immstats flights --missions --country Honduras --limit 5");
    AddFilter(cmd, a.get(), "country", "Dropoff country (where people were flown)");
    AddFilter(cmd, a.get(), "pickup_country", "Pickup country");
    AddFilter(cmd, a.get(), "pickup_airport", "Pickup airport, ICAO code (KIWA)");
    AddFilter(cmd, a.get(), "dropoff_airport", "Dropoff airport, ICAO code (MHLM)");
    AddFilter(cmd, a.get(), "kind", "removal | transfer (R | T), or No-show, Ineligible");
    AddFilter(cmd, a.get(), "airport", "With --missions: any stop at this airport");
    cmd->add_flag("--missions", a->request.missions, "List missions and their pickup and dropoff stops");
    AddCommon(cmd, a.get(), Join(facts::FlightDims()));
    cmd->callback([a, exit_code] { *exit_code = Run(*a, &facts::RunFlights, "flights"); });
  }
}

}  // namespace immstats::cli
