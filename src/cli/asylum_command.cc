// `immstats asylum`: asylum decisions and grant rates under each published definition, with receipts.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/court_args.h"
#include "query/asylum.h"

namespace immstats::cli {

namespace {

struct AsylumArgs {
  CourtArgs court;
  std::string definition = "all", codes = "ASYL", unit = "proceeding", nationality_from = "case",
              judge_from = "proceeding", cat_only = "deny";
  int min_decisions = -1;
};

}  // namespace

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
  auto a = std::make_shared<AsylumArgs>();
  AddCourtOptions(cmd, &a->court, /*window=*/true);
  cmd->add_option("--definition", a->definition, "trac | trac-outcomes | eoir | eoir-legacy | all (comma-separated)")
      ->capture_default_str();
  cmd->add_option("--codes", a->codes, "Applications that make an asylum record: ASYL, or ASYL,ASYW,WCAT")
      ->capture_default_str();
  cmd->add_option("--unit", a->unit, "proceeding: each completed proceeding counts (TRAC); case-final: only each case's last")
      ->check(CLI::IsMember({"proceeding", "case-final"}))
      ->capture_default_str();
  cmd->add_option("--nationality-from", a->nationality_from, "case (A_TblCase.NAT) | proceeding (B_TblProceeding.NAT)")
      ->check(CLI::IsMember({"case", "proceeding"}))
      ->capture_default_str();
  cmd->add_option("--judge-from", a->judge_from, "proceeding (IJ_CODE) | last-hearing (judge of the last hearing by COMP_DATE)")
      ->check(CLI::IsMember({"proceeding", "last-hearing"}))
      ->capture_default_str();
  cmd->add_option("--cat-only", a->cat_only, "deny: CAT-only (L) is a denial with other relief (TRAC default) | other")
      ->check(CLI::IsMember({"deny", "other"}))
      ->capture_default_str();
  cmd->add_option("--min-decisions", a->min_decisions,
                  "Flag cells with fewer TRAC decisions (default: 100 by judge, 25 by judge and year, else none)");
  cmd->callback([a, exit_code] {
    auto ctx = ResolveCourtArgs(a->court);
    if (!ctx.ok()) {
      *exit_code = FailQuery("asylum", ctx.status());
      return;
    }
    query::AsylumOptions o;
    o.filters = ctx->filters;
    o.window = ctx->window;
    o.by = ctx->by;
    auto defs = query::ParseDefinitions(a->definition);
    if (!defs.ok()) {
      *exit_code = FailQuery("asylum", defs.status());
      return;
    }
    o.definitions = *defs;
    if (a->codes != "ASYL" && a->codes != "ASYL,ASYW,WCAT") {
      *exit_code = FailQuery("asylum", Status::InvalidArgument("--codes takes ASYL or ASYL,ASYW,WCAT, not '" + a->codes + "'"));
      return;
    }
    o.asylum_family = a->codes != "ASYL";
    o.case_final = a->unit == "case-final";
    o.nationality_from_proceeding = a->nationality_from == "proceeding";
    o.judge_from_last_hearing = a->judge_from == "last-hearing";
    o.cat_only_is_denial = a->cat_only == "deny";
    o.min_decisions = a->min_decisions;
    o.receipt = a->court.receipt;
    auto result = query::RunAsylum(ctx->snapshot, ctx->names, o);
    if (!result.ok()) {
      *exit_code = FailQuery("asylum", result.status());
      return;
    }
    *exit_code = PrintResult("asylum", a->court, *ctx, &*result);
  });
}

}  // namespace immstats::cli
