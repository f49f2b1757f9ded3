// Shared option parsing for court queries, and their run through the api layer.
#include "cli/court_args.h"

#include <cstdio>

#include "store/bulk_allocator.h"

namespace immstats::cli {

void AddCourtOptions(CLI::App* cmd, CourtArgs* a, bool window) {
  api::Request& r = a->request;
  cmd->add_option("--store", a->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_option("--snapshot", r.snapshot, "Snapshot id (see `immstats store list`)")->capture_default_str();
  cmd->add_option("--nationality", r.typed.nationalities,
                  "EOIR code or country name (HO, Honduras); repeat or comma-separate for several; `all` = no filter")
      ->delimiter(',');
  cmd->add_option("--court", r.typed.courts, "Court (base city) code or city, e.g. NYC or 'New York'")->delimiter(',');
  cmd->add_option("--judge", r.typed.judges, "Judge code (IJ_CODE) or name as in the release's lookup")->delimiter(',');
  cmd->add_option("--judge-aliases", r.typed.judge_aliases_file,
                  "TSV file of 'ALIAS<TAB>CANONICAL' judge codes merged before filtering and grouping (Q20)");
  cmd->add_option("--hearing-location", r.typed.hearing_locations, "Hearing location code")->delimiter(',');
  cmd->add_option("--case-type", r.typed.case_types, "Case type code, e.g. RMV")->delimiter(',');
  cmd->add_option("--custody", r.typed.custody, "D detained, R released, N never detained (proceeding CUSTODY)");
  cmd->add_option("--represented", r.typed.represented, "yes | no: an attorney for the respondent at court");
  cmd->add_option("--asylum-type", r.typed.asylum_type, "affirmative | defensive (A_TblCase.C_ASY_TYPE)");
  if (window) {
    cmd->add_option("--from", r.from, "First day of the window, YYYY-MM-DD (or YYYY-MM: its first day)");
    cmd->add_option("--to", r.to, "Last day of the window, inclusive (or YYYY-MM: its last day)");
    cmd->add_option("--fy", r.fy, "A federal fiscal year: 2024 = 2023-10-01 .. 2024-09-30");
    cmd->add_option("--month", r.month, "One calendar month, YYYY-MM");
  }
  cmd->add_option("--by", r.by,
                  "Group by up to 4 of: nationality, court, judge, hearing-location, fy, month, custody, represented, "
                  "asylum-type, case-type (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--format", r.format, "table | csv | json")->check(CLI::IsMember({"table", "csv", "json"}))->capture_default_str();
  cmd->add_option("--sort", r.sort, "Order rows by a field: numbers largest first, text A-Z (e.g. decisions_TRAC)");
  cmd->add_option("--limit", r.limit, "Keep the first N rows after sorting (comparison rows are always kept)");
  cmd->add_flag("--receipt", r.receipt,
                "Add how the figure was obtained: snapshot, source checksums, definitions, filters, counts at each step");
}

int RunCourtQuery(const CourtArgs& a) {
  store::BulkArena::Enable();  // a query's buffers all die together: the huge-page arena fits (docs/performance.md)
  const char* command = api::FamilyName(a.request.family);
  const auto fail = [command](const Status& st) {
    std::fprintf(stderr, "immstats %s: %s\n", command, st.message().c_str());
    return st.ExitCode();
  };
  auto snapshot = api::LoadSnapshot(a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store),
                                    a.request.snapshot);
  if (!snapshot.ok()) return fail(snapshot.status());
  auto text = api::RunAndFormat(**snapshot, a.request);
  if (!text.ok()) return fail(text.status());
  std::fputs(text->c_str(), stdout);
  return 0;
}

}  // namespace immstats::cli
