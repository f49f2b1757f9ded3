// `immstats ingest eoir`: a release as downloaded into a new snapshot of the store, with its reconciliation.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "ingest/ingest.h"

namespace immstats::cli {

namespace {

struct IngestArgs {
  std::string path;
  std::string store;
  std::string release_id;
  std::string release_date;
  bool json = false;
  bool quiet = false;
  int threads = 0;
  uint64_t proceedings_per_pass = 0;
};

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  CLI::App* ingest = app.add_subcommand("ingest", "Load a release into the store (one snapshot per release)");
  ingest->require_subcommand(1);
  auto args = std::make_shared<IngestArgs>();
  CLI::App* eoir = ingest->add_subcommand(
      "eoir",
      "Read an EOIR release (the zip as downloaded, Deflate64 included, or an extracted folder) into a new\n"
      "snapshot: typed, compressed, checksummed columns, <table>.rejects.tsv, and a manifest with the sources'\n"
      "checksums and the reconciliation. Published atomically: an interrupted ingest leaves the store as it was.\n\n"
      "Examples:\n"
      "  immstats ingest eoir 'EOIR Case Data.zip'\n"
      "  immstats ingest eoir demo/'EOIR Case Data' --release-id demo --store /tmp/store --json");
  eoir->add_option("path", args->path, "The release: a zip or a folder")->required()->check(CLI::ExistingPath);
  eoir->add_option("--store", args->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  eoir->add_option("--release-id", args->release_id, "Snapshot name (default: the file's date, YYYY-MM-DD)");
  eoir->add_option("--release-date", args->release_date, "YYYY-MM-DD for the bad-date window (default: the file's date)");
  eoir->add_flag("--json", args->json, "Print the reconciliation as one JSON object");
  eoir->add_flag("--quiet", args->quiet, "No progress output");
  eoir->add_option("--threads", args->threads,
                   "Tables read at once after A_TblCase (default: one per core, at most 2)")
      ->check(CLI::Range(1, 64));
  eoir->add_option("--proceedings-per-pass", args->proceedings_per_pass,
                   "Proceedings whose derived records are built at a time: bounds the build's memory at about\n"
                   "110-170 MB per million (default: 1,000,000; more passes over the tables when there are more)")
      ->check(CLI::Range(uint64_t{1000}, uint64_t{1} << 40));
  AddSourceIngestCommands(ingest, exit_code);
  eoir->callback([args, exit_code] {
    ingest::IngestOptions o;
    o.source = args->path;
    o.threads = args->threads;
    o.proceedings_per_pass = args->proceedings_per_pass;
    o.store = args->store.empty() ? store::DefaultStoreDir() : std::filesystem::path(args->store);
    o.release_id = args->release_id;
    if (!args->release_date.empty()) {
      int32_t day = 0;
      if (!ParseDateOption("ingest eoir", "--release-date", args->release_date, &day)) {
        *exit_code = 2;
        return;
      }
      o.release_date = day;
    }
    TableProgress progress(args->quiet || args->json);  // one bar per table
    o.on_progress = [&progress](std::string_view table, uint64_t done, uint64_t total) {
      progress.Update(table, done, total);
    };
    std::unique_ptr<Progress> derive_bar;  // asylum decision records and backlog inputs, built after the tables
    o.on_derive_step = [&](std::string_view, int done, int total) {
      if (!derive_bar) {
        progress.Finish();
        derive_bar = std::make_unique<Progress>("derived records", args->quiet || args->json, "steps");
      }
      derive_bar->Update(done, total, -1);
    };
    auto result = ingest::IngestEoirRelease(o);
    progress.Finish();
    if (derive_bar) derive_bar->Finish();
    if (!result.ok()) {
      std::fprintf(stderr, "immstats ingest eoir: %s\n", result.status().message().c_str());
      *exit_code = result.status().ExitCode();
      return;
    }
    if (args->json) {
      fmt::print("{}\n", ingest::ReconciliationJson(result->reconciliation, 2));
    } else {
      PrintReconciliation(result->reconciliation);
      fmt::print("\nPublished snapshot '{}' in {} ({:.1f} s). See it with: immstats store info {}\n",
                 result->snapshot.id, result->snapshot.dir.string(), result->seconds, result->snapshot.id);
    }
    *exit_code = 0;
  });
}

}  // namespace immstats::cli
