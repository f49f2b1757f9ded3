// Ingest of the non-court sources, each into its own kind of store snapshot (docs/sources.md).
#pragma once

#include "sources/source_files.h"

namespace immstats::sources {

// CBP nationwide encounters (AOR and state variants) and the Southwest-border variant, CSV as published.
// Several files may overlap: every row is kept with its file; queries take each month from the newest file
// that covers it (see docs/sources.md), so revised months are never counted twice.
Result<SourceIngestResult> IngestCbp(const SourceIngestOptions& options);

// The DHS OHSS "KHSM CBP Encounters (USBP)" workbook: all 16 sheets, every figure flagged as rounded to 10.
Result<SourceIngestResult> IngestOhss(const SourceIngestOptions& options);

// ICE person-level removals, arrests and encounters (pipe-delimited, title lines, .gz) and the published
// removals-by-citizenship tables (CSV), told apart by content.
Result<SourceIngestResult> IngestIce(const SourceIngestOptions& options);

// ICE Air: flight legs per day, airport dictionaries (YAML or CSV, `.nan` for missing), mission stop lists.
Result<SourceIngestResult> IngestIceAir(const SourceIngestOptions& options);

}  // namespace immstats::sources
