// `immstats asylum`: asylum decisions and grant rates under each published definition, with receipts.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/court_args.h"

namespace immstats::cli {

void AddAsylumCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "asylum",
      "Asylum decisions, grants and grant rates from immigration-court records, every published definition side by "
      "side.\n\nExamples:\n"
      "  immstats asylum --nationality Honduras --from 2023-09 --to 2024-08\n"
      "      one nationality over a September-August window, with the all-nationality row\n"
      "  immstats asylum --by nationality --fy 2024 --format csv\n"
      "  immstats asylum --court NYC --by judge --fy 2024 --definition trac\n"
      "      TRAC-style judge table; cells under TRAC's thresholds are flagged\n"
      "  immstats asylum --nationality HO --fy 2024 --receipt\n"
      "      how the figure was obtained: snapshot, sources and checksums, definitions, counts at each step\n"
      "Definitions (docs/definitions.md): trac = grants / (grants + denials); eoir = grants / (grants + denials + "
      "other); eoir-legacy; trac-outcomes = share allowed to remain among completed cases with an asylum application.");
  auto a = std::make_shared<CourtArgs>();
  a->request.family = api::Family::kAsylum;
  api::Request& r = a->request;
  AddCourtOptions(cmd, a.get(), /*window=*/true);
  cmd->add_option("--definition", r.definition, "trac | trac-outcomes | eoir | eoir-legacy | all (comma-separated)")
      ->capture_default_str();
  cmd->add_option("--codes", r.codes, "Applications that make an asylum record: ASYL, or ASYL,ASYW,WCAT")
      ->capture_default_str();
  cmd->add_option("--unit", r.unit, "proceeding: each completed proceeding counts (TRAC); case-final: only each case's last")
      ->check(CLI::IsMember({"proceeding", "case-final"}))
      ->capture_default_str();
  cmd->add_option("--nationality-from", r.nationality_from, "case (A_TblCase.NAT) | proceeding (B_TblProceeding.NAT)")
      ->check(CLI::IsMember({"case", "proceeding"}))
      ->capture_default_str();
  cmd->add_option("--judge-from", r.judge_from, "proceeding (IJ_CODE) | last-hearing (judge of the last hearing by COMP_DATE)")
      ->check(CLI::IsMember({"proceeding", "last-hearing"}))
      ->capture_default_str();
  cmd->add_option("--cat-only", r.cat_only, "deny: CAT-only (L) is a denial with other relief (TRAC default) | other")
      ->check(CLI::IsMember({"deny", "other"}))
      ->capture_default_str();
  cmd->add_option("--min-decisions", r.min_decisions,
                  "Flag cells with fewer TRAC decisions (default: 100 by judge, 25 by judge and year, else none)");
  cmd->callback([a, exit_code] { *exit_code = RunCourtQuery(*a); });
}

}  // namespace immstats::cli
