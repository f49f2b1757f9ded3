// Shared option parsing for court queries.
#include "cli/court_args.h"

#include <cstdio>

#include "store/bulk_allocator.h"

namespace immstats::cli {

void AddCourtOptions(CLI::App* cmd, CourtArgs* a, bool window) {
  cmd->add_option("--store", a->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_option("--snapshot", a->snapshot, "Snapshot id (see `immstats store list`)")->capture_default_str();
  cmd->add_option("--nationality", a->typed.nationalities,
                  "EOIR code or country name (HO, Honduras); repeat or comma-separate for several; `all` = no filter")
      ->delimiter(',');
  cmd->add_option("--court", a->typed.courts, "Court (base city) code or city, e.g. NYC or 'New York'")->delimiter(',');
  cmd->add_option("--judge", a->typed.judges, "Judge code (IJ_CODE) or name as in the release's lookup")->delimiter(',');
  cmd->add_option("--judge-aliases", a->typed.judge_aliases_file,
                  "TSV file of 'ALIAS<TAB>CANONICAL' judge codes merged before filtering and grouping (Q20)");
  cmd->add_option("--hearing-location", a->typed.hearing_locations, "Hearing location code")->delimiter(',');
  cmd->add_option("--case-type", a->typed.case_types, "Case type code, e.g. RMV")->delimiter(',');
  cmd->add_option("--custody", a->typed.custody, "D detained, R released, N never detained (proceeding CUSTODY)");
  cmd->add_option("--represented", a->typed.represented, "yes | no: an attorney for the respondent at court");
  cmd->add_option("--asylum-type", a->typed.asylum_type, "affirmative | defensive (A_TblCase.C_ASY_TYPE)");
  if (window) {
    cmd->add_option("--from", a->from, "First day of the window, YYYY-MM-DD (or YYYY-MM: its first day)");
    cmd->add_option("--to", a->to, "Last day of the window, inclusive (or YYYY-MM: its last day)");
    cmd->add_option("--fy", a->fy, "A federal fiscal year: 2024 = 2023-10-01 .. 2024-09-30");
    cmd->add_option("--month", a->month, "One calendar month, YYYY-MM");
  }
  cmd->add_option("--by", a->by,
                  "Group by up to 4 of: nationality, court, judge, hearing-location, fy, month, custody, represented, "
                  "asylum-type, case-type (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--format", a->format, "table | csv | json")->check(CLI::IsMember({"table", "csv", "json"}))->capture_default_str();
  cmd->add_option("--sort", a->sort, "Order rows by a field: numbers largest first, text A-Z (e.g. decisions_TRAC)");
  cmd->add_option("--limit", a->limit, "Keep the first N rows after sorting (comparison rows are always kept)");
  cmd->add_flag("--receipt", a->receipt,
                "Add how the figure was obtained: snapshot, source checksums, definitions, filters, counts at each step");
}

Result<CourtContext> ResolveCourtArgs(const CourtArgs& a) {
  store::BulkArena::Enable();  // a query's buffers all die together: the huge-page arena fits (docs/performance.md)
  CourtContext c;
  const store::Store s(a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store));
  auto snap = s.Get(a.snapshot);
  if (!snap.ok()) return snap.status();
  c.snapshot = std::move(snap).value();
  auto names = query::Names::Load(c.snapshot);
  if (!names.ok()) return names.status();
  c.names = std::move(names).value();
  auto filters = query::ResolveFilters(c.names, a.typed);
  if (!filters.ok()) return filters.status();
  c.filters = std::move(filters).value();
  auto w = query::MakeWindow(a.from, a.to, a.fy, a.month);
  if (!w.ok()) return w.status();
  c.window = *w;
  for (const auto& b : a.by) {
    auto d = query::ParseDim(b);
    if (!d.ok()) return d.status();
    if (std::find(c.by.begin(), c.by.end(), *d) == c.by.end()) c.by.push_back(*d);
  }
  c.format = a.format == "json" ? query::OutputFormat::kJson : a.format == "csv" ? query::OutputFormat::kCsv
                                                                                 : query::OutputFormat::kTable;
  return c;
}

int PrintResult(const char* command, const CourtArgs& args, const CourtContext& ctx, query::ResultTable* result) {
  const Status st = query::SortRows(result, args.sort, args.limit);
  if (!st.ok()) return FailQuery(command, st);
  std::fputs(query::Format(*result, ctx.format).c_str(), stdout);
  return 0;
}

int FailQuery(const char* command, const Status& st) {
  std::fprintf(stderr, "immstats %s: %s\n", command, st.message().c_str());
  return st.ExitCode();
}

}  // namespace immstats::cli
