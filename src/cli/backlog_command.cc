// `immstats backlog` and `immstats wait-times`: pending proceedings on a date, and days from filing to decision.
#include <cstdio>
#include <memory>

#include "base/civil_date.h"
#include "cli/commands.h"
#include "cli/court_args.h"
#include "query/backlog.h"

namespace immstats::cli {

void AddBacklogCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "backlog",
      "Immigration-court backlog: proceedings pending on a date (spec §8), with the asylum backlog and ages.\n\n"
      "Examples:\n"
      "  immstats backlog                                  # on the release's last day, all courts\n"
      "  immstats backlog --as-of 2024-09-30 --by court\n"
      "  immstats backlog --nationality Venezuela --by custody --receipt");
  auto a = std::make_shared<CourtArgs>();
  auto as_of = std::make_shared<std::string>();
  auto start = std::make_shared<std::string>("input");
  AddCourtOptions(cmd, a.get(), /*window=*/false);
  cmd->add_option("--as-of", *as_of, "Count what was pending on this date, YYYY-MM-DD (default: the release's last day)");
  cmd->add_option("--start", *start, "When a proceeding counts as received: input (INPUT_DATE, TRAC) | osc (OSC_DATE)")
      ->check(CLI::IsMember({"input", "osc"}))
      ->capture_default_str();
  cmd->callback([a, as_of, start, exit_code] {
    auto ctx = ResolveCourtArgs(*a);
    if (!ctx.ok()) {
      *exit_code = FailQuery("backlog", ctx.status());
      return;
    }
    query::BacklogOptions o;
    o.filters = ctx->filters;
    o.by = ctx->by;
    o.start_osc = *start == "osc";
    o.receipt = a->receipt;
    if (!as_of->empty()) {
      auto d = base::ParseIsoDate(*as_of);
      if (!d) {
        *exit_code = FailQuery("backlog", Status::InvalidArgument("--as-of '" + *as_of + "' is not a date: write YYYY-MM-DD"));
        return;
      }
      o.as_of = *d;
    }
    auto result = query::RunBacklog(ctx->snapshot, ctx->names, o);
    if (!result.ok()) {
      *exit_code = FailQuery("backlog", result.status());
      return;
    }
    *exit_code = PrintResult("backlog", *a, *ctx, &*result);
  });
}

void AddWaitTimesCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "wait-times",
      "Days from filing to an asylum decision (spec §8): median and mean, per slice.\n\n"
      "Examples:\n"
      "  immstats wait-times --fy 2024 --by court\n"
      "  immstats wait-times --nationality Honduras --from 2023-09 --to 2024-08 --start osc");
  auto a = std::make_shared<CourtArgs>();
  auto start = std::make_shared<std::string>("input");
  auto universe = std::make_shared<std::string>("trac");
  AddCourtOptions(cmd, a.get(), /*window=*/true);
  cmd->add_option("--start", *start,
                  "input (proceeding INPUT_DATE, TRAC) | osc (OSC_DATE) | case (first proceeding of the case) | "
                  "application (APPL_RECD_DATE)")
      ->check(CLI::IsMember({"input", "osc", "case", "application"}))
      ->capture_default_str();
  cmd->add_option("--universe", *universe, "trac: grants and denials | completed: every completed asylum record")
      ->check(CLI::IsMember({"trac", "completed"}))
      ->capture_default_str();
  cmd->callback([a, start, universe, exit_code] {
    auto ctx = ResolveCourtArgs(*a);
    if (!ctx.ok()) {
      *exit_code = FailQuery("wait-times", ctx.status());
      return;
    }
    query::WaitTimeOptions o;
    o.filters = ctx->filters;
    o.window = ctx->window;
    o.by = ctx->by;
    o.start = *start == "osc" ? query::WaitStart::kOsc : *start == "case" ? query::WaitStart::kCase
              : *start == "application" ? query::WaitStart::kApplication : query::WaitStart::kInput;
    o.all_completed = *universe == "completed";
    o.receipt = a->receipt;
    auto result = query::RunWaitTimes(ctx->snapshot, ctx->names, o);
    if (!result.ok()) {
      *exit_code = FailQuery("wait-times", result.status());
      return;
    }
    *exit_code = PrintResult("wait-times", *a, *ctx, &*result);
  });
}

}  // namespace immstats::cli
