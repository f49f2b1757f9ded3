// `immstats validate eoir`: read a release as ingest will, repair what the rules allow, account for every row.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "ingest/ingest.h"

namespace immstats::cli {

namespace {

struct ValidateArgs {
  std::string path;
  std::string rejects;
  std::string release_date;
  bool json = false;
  bool quiet = false;
  int threads = 0;
};

}  // namespace

void PrintReconciliation(const ingest::Reconciliation& rec) {
  fmt::print("Reconciliation of {}\n\n", rec.source);
  size_t w = 22;
  for (const auto& t : rec.tables) w = std::max(w, t.name.size());
  fmt::print("  {:<{}} {:>12} {:>12} {:>12} {:>10}\n", "table", w, "read", "loaded", "Count.txt", "diff");
  for (const auto& t : rec.tables) {
    const std::string ct = t.count_txt ? GroupThousands(*t.count_txt) : "-";
    const std::string diff = t.count_txt ? GroupThousands(t.read - *t.count_txt) : "-";
    fmt::print("  {:<{}} {:>12} {:>12} {:>12} {:>10}\n", t.name, w, GroupThousands(t.read), GroupThousands(t.loaded), ct,
               diff);
  }
  fmt::print("\n");
  for (const auto& t : rec.tables) {
    if (t.repaired.empty() && t.quarantined.empty() && t.flagged.empty()) continue;
    fmt::print("  {}\n    repaired:    {}\n    quarantined: {}\n    flagged:     {}\n", t.name, JoinCounts(t.repaired),
               JoinCounts(t.quarantined), JoinCounts(t.flagged));
  }
  for (const auto& n : rec.schema_notes) fmt::print("  note: {}\n", n);
  for (const auto& m : rec.missing_tables) fmt::print("  missing table: {}\n", m);
}

void AddValidateCommand(CLI::App& app, int* exit_code) {
  CLI::App* validate = app.add_subcommand("validate", "Check a release row by row, as ingest reads it");
  validate->require_subcommand(1);
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* eoir = validate->add_subcommand(
      "eoir",
      "Read an EOIR release (the zip as downloaded, Deflate64 included, or an extracted folder with any\n"
      "top-folder name), apply the quirk rules of the domain spec (§5), and account for every row: loaded,\n"
      "repaired (by kind), quarantined (by kind, written to the rejects file) or flagged; compare with Count.txt.\n\n"
      "Examples:\n"
      "  immstats validate eoir 'EOIR Case Data.zip'\n"
      "  immstats validate eoir demo --rejects rejects --json");
  eoir->add_option("path", args->path, "The release: a zip or a folder")->required()->check(CLI::ExistingPath);
  eoir->add_option("--rejects", args->rejects, "Folder for <table>.rejects.tsv files (file, line, byte offset, column, kind, reason, raw)");
  eoir->add_option("--release-date", args->release_date,
                   "YYYY-MM-DD: dates more than two years after it are bad (default: the file's date)");
  eoir->add_flag("--json", args->json, "Print the reconciliation as one JSON object");
  eoir->add_flag("--quiet", args->quiet, "No progress output");
  eoir->add_option("--threads", args->threads,
                   "Tables read at once after A_TblCase (default: one per core, at most 2)")
      ->check(CLI::Range(1, 64));
  eoir->callback([args, exit_code] {
    ingest::ValidateOptions o;
    o.path = args->path;
    o.threads = args->threads;
    o.rejects_dir = args->rejects;
    if (!args->release_date.empty()) {
      int32_t day = 0;
      if (!ParseDateOption("validate eoir", "--release-date", args->release_date, &day)) {
        *exit_code = 2;
        return;
      }
      o.release_date = day;
    }
    TableProgress progress(args->quiet || args->json);  // one bar per table
    o.on_progress = [&progress](std::string_view table, uint64_t done, uint64_t total) {
      progress.Update(table, done, total);
    };
    auto rec = ingest::ValidateEoirRelease(o);
    progress.Finish();
    if (!rec.ok()) {
      std::fprintf(stderr, "immstats validate eoir: %s\n", rec.status().message().c_str());
      *exit_code = rec.status().ExitCode();
      return;
    }
    if (args->json) fmt::print("{}\n", ingest::ReconciliationJson(*rec, 2));
    else PrintReconciliation(*rec);
    *exit_code = 0;
  });
}

}  // namespace immstats::cli
