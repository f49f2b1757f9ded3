// `immstats backlog` and `immstats wait-times`: pending proceedings on a date, and days from filing to decision.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/court_args.h"

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
  a->request.family = api::Family::kBacklog;
  AddCourtOptions(cmd, a.get(), /*window=*/false);
  cmd->add_option("--as-of", a->request.as_of, "Count what was pending on this date, YYYY-MM-DD (default: the release's last day)");
  cmd->add_option("--start", a->request.start, "When a proceeding counts as received: input (INPUT_DATE, TRAC) | osc (OSC_DATE)")
      ->check(CLI::IsMember({"input", "osc"}))
      ->capture_default_str();
  cmd->callback([a, exit_code] { *exit_code = RunCourtQuery(*a); });
}

void AddWaitTimesCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "wait-times",
      "Days from filing to an asylum decision (spec §8): median and mean, per slice.\n\n"
      "Examples:\n"
      "  immstats wait-times --fy 2024 --by court\n"
      "  immstats wait-times --nationality Honduras --from 2023-09 --to 2024-08 --start osc");
  auto a = std::make_shared<CourtArgs>();
  a->request.family = api::Family::kWaitTimes;
  AddCourtOptions(cmd, a.get(), /*window=*/true);
  cmd->add_option("--start", a->request.start,
                  "input (proceeding INPUT_DATE, TRAC) | osc (OSC_DATE) | case (first proceeding of the case) | "
                  "application (APPL_RECD_DATE)")
      ->check(CLI::IsMember({"input", "osc", "case", "application"}))
      ->capture_default_str();
  cmd->add_option("--universe", a->request.universe, "trac: grants and denials | completed: every completed asylum record")
      ->check(CLI::IsMember({"trac", "completed"}))
      ->capture_default_str();
  cmd->callback([a, exit_code] { *exit_code = RunCourtQuery(*a); });
}

}  // namespace immstats::cli
