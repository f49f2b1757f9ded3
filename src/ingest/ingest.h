// `immstats ingest eoir`: a release (zip or folder) into a new store snapshot, with its reconciliation.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "immstats/status.h"
#include "ingest/release_validator.h"
#include "store/snapshot.h"

namespace immstats::ingest {

struct IngestOptions {
  std::filesystem::path source;  // the zip as downloaded or an extracted folder
  std::filesystem::path store;   // the store folder (see store::DefaultStoreDir)
  std::string release_id;        // empty: the source file's modification date, YYYY-MM-DD
  std::optional<int32_t> release_date;
  int threads = 0;               // tables read at once (ValidateOptions::threads); 0: one per core, at most 2
  uint64_t proceedings_per_pass = 0;  // the derived records' build (derive::DeriveOptions); 0: its default
  std::function<void(std::string_view table, uint64_t bytes_done, uint64_t bytes_total)> on_progress;
  // The derived records' build, step by step (after every table is read).
  std::function<void(std::string_view step, int done, int total)> on_derive_step;
};

struct IngestResult {
  Reconciliation reconciliation;
  store::SnapshotInfo snapshot;
  double seconds = 0;
};

// Reads every table, writes typed columns and <table>.rejects.tsv into a temporary folder of the store, and
// publishes the snapshot atomically. On any error (or a crash) the store's earlier snapshots are untouched.
Result<IngestResult> IngestEoirRelease(const IngestOptions& options);

// The reconciliation as the JSON object the CLI prints and the manifest keeps.
std::string ReconciliationJson(const Reconciliation& rec, int indent);

}  // namespace immstats::ingest
