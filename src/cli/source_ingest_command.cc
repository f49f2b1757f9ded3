// `immstats ingest cbp|ohss|ice|iceair`: the non-court sources into snapshots of their own, with reconciliation.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/progress.h"
#include "ingest/ingest.h"
#include "sources/sources.h"

namespace immstats::cli {
namespace {

struct SourceArgs {
  std::vector<std::string> files;
  std::string store;
  std::string snapshot_id;
  bool json = false;
  bool quiet = false;
};

using IngestFn = Result<sources::SourceIngestResult> (*)(const sources::SourceIngestOptions&);

void AddOne(CLI::App* ingest, int* exit_code, const char* name, const char* help, IngestFn fn) {
  auto args = std::make_shared<SourceArgs>();
  CLI::App* cmd = ingest->add_subcommand(name, help);
  cmd->add_option("files", args->files, "The files as published (.csv, .csv.gz, .xlsx, .yaml)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--store", args->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_option("--snapshot-id", args->snapshot_id,
                  std::string("Snapshot name (default: ") + name + "-<UTC date>-<time>)");
  cmd->add_flag("--json", args->json, "Print the reconciliation as one JSON object");
  cmd->add_flag("--quiet", args->quiet, "No progress output");
  const std::string command = std::string("immstats ingest ") + name;
  cmd->callback([args, exit_code, fn, command] {
    sources::SourceIngestOptions o;
    for (const auto& f : args->files) o.files.emplace_back(f);
    o.store = args->store.empty() ? store::DefaultStoreDir() : std::filesystem::path(args->store);
    o.snapshot_id = args->snapshot_id;
    Progress progress("files", args->quiet || args->json, "files");
    o.on_file = [&progress](std::string_view, int done, int total) { progress.Update(done, total, -1); };
    auto result = fn(o);
    progress.Finish();
    if (!result.ok()) {
      std::fprintf(stderr, "%s: %s\n", command.c_str(), result.status().message().c_str());
      *exit_code = result.status().ExitCode();
      return;
    }
    if (args->json) {
      auto j = nlohmann::ordered_json::parse(ingest::ReconciliationJson(result->reconciliation, -1));
      j["snapshot"] = result->snapshot.id;
      j["unmapped_names"] = result->unmapped_names;
      fmt::print("{}\n", j.dump(2));
    } else {
      PrintReconciliation(result->reconciliation);
      if (!result->unmapped_names.empty()) {
        fmt::print("\n  {} name(s) the country crosswalk does not know (kept as published, not dropped):\n",
                   result->unmapped_names.size());
        for (const auto& n : result->unmapped_names) fmt::print("    {}\n", n);
      }
      fmt::print("\nPublished snapshot '{}' in {}. See it with: immstats store info {}\n", result->snapshot.id,
                 result->snapshot.dir.string(), result->snapshot.id);
    }
    *exit_code = 0;
  });
}

}  // namespace

void AddSourceIngestCommands(CLI::App* ingest, int* exit_code) {
  AddOne(ingest, exit_code, "cbp",
         "Read CBP encounter CSVs as published (nationwide AOR and state variants, the Southwest-border file with\n"
         "`Citizenship Grouping` and `2025 (FYTD)` years). Give every release you have: where files overlap, each\n"
         "month is later taken from the newest file that covers it, never from two.\n\n"
         "Example:\n"
         "  immstats ingest cbp nationwide-encounters-fy22-fy25-aor.csv sbo-encounters-fy22-fy25-aug.csv",
         &sources::IngestCbp);
  AddOne(ingest, exit_code, "ohss",
         "Read the DHS OHSS workbook \"KHSM CBP Encounters (USBP)\" (xlsx, 16 sheets: annual and monthly by\n"
         "citizenship, region, sector, family status). Every OHSS figure is rounded to 10; answers say so.\n\n"
         "Example:\n"
         "  immstats ingest ohss 'KHSM Encounters (USBP) fy25m11.xlsx'",
         &sources::IngestOhss);
  AddOne(ingest, exit_code, "ice",
         "Read ICE person-level removals, arrests and encounters (pipe-delimited, title lines, .gz as published;\n"
         "FOIA redaction markers read as redacted) and ICE's published removals-by-citizenship tables (CSV).\n\n"
         "Example:\n"
         "  immstats ingest ice ICERemovals_FY2017.csv.gz ICERemovals_FY2018.csv.gz \\\n"
         "      FY2017andFY2018ICERemovalsbyCountryofCitizenship.csv",
         &sources::IngestIce);
  AddOne(ingest, exit_code, "iceair",
         "Read ICE Air flight data: legs per day (MissionDate,R-T,PULOC,DropLoc,AlienMasterID), airport\n"
         "dictionaries (airport_dict.yaml, airports.csv, the global airport database; `.nan` = missing) and\n"
         "mission stop lists (pulocsdict.yaml, droplocsdict.yaml).\n\n"
         "Example:\n"
         "  immstats ingest iceair flights.csv airport_dict.yaml pulocsdict.yaml droplocsdict.yaml",
         &sources::IngestIceAir);
}

}  // namespace immstats::cli
