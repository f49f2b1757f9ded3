// Derived records built at ingest (spec §6, §8): one row per asylum decision record and one per proceeding,
// so that queries never re-join the 16M-row base tables. Column meanings: docs/store-format.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "immstats/status.h"
#include "store/snapshot.h"

namespace immstats::derive {

// One row per proceeding with at least one ASYL, ASYW or WCAT application, sorted by decision date
// (COMP_DATE of a completed proceeding; pending records last), then IDNPROCEEDING.
inline constexpr const char* kAsylumTable = "derived.asylum_decisions";
// One row per proceeding, in B_TblProceeding order: what backlog queries need.
inline constexpr const char* kProceedingTable = "derived.proceedings";

struct DerivedSummary {
  uint64_t asylum_records = 0;
  uint64_t proceedings = 0;
  int32_t data_through = 0;  // the latest completion date in the release (day number)
};

// Called after each of the build's steps (reading cases, proceedings, ... writing the tables).
using StepCallback = std::function<void(std::string_view step, int done, int total)>;

// Blocks until base table `table` is written in full (or will never be); an error stops the build.
using AwaitTable = std::function<Status(std::string_view table)>;

struct DeriveOptions {
  // Proceedings whose records one pass builds: the build's memory is bounded by this, not by the release (about
  // 110-170 MB per million). A release with more proceedings is built in several passes over the other tables.
  // One million keeps a scale-0.1 release (1.6M proceedings) and a full one at the same peak; 2M was as fast
  // at scale 1.0 but held 100 MB more.
  uint64_t proceedings_per_pass = 1'000'000;
};

// Reads the base tables written to `writer`'s temporary folder and adds the derived tables to it. Without
// `await_table` every base table must already be written; with it the build runs while the tables are being
// read, waiting for each table before it reads it.
Result<DerivedSummary> BuildDerivedTables(store::SnapshotWriter* writer, const StepCallback& on_step = {},
                                          const AwaitTable& await_table = {}, const DeriveOptions& options = {});

}  // namespace immstats::derive
