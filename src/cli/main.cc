// Entry point of the `immstats` binary: parses the command line and runs one subcommand.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "immstats/version.h"

int main(int argc, char** argv) {
  CLI::App app{
      "immstats: US immigration records (EOIR court data, CBP encounters, ICE removals and flights) read as\n"
      "published and answered with receipts.\n\n"
      "Start with:  immstats synth eoir --out demo --scale 0.001   (writes a demo release)\n"
      "Exit codes: 0 ok, 2 bad arguments, 3 not found, 4 I/O error, 5 corrupt data, 6 missing tool, 70 bug.",
      "immstats"};
  app.set_version_flag("--version", std::string("immstats ") + immstats::kVersion);
  app.require_subcommand(1);
  int exit_code = 0;
  immstats::cli::AddSynthCommand(app, &exit_code);
  immstats::cli::AddZipCommand(app, &exit_code);
  immstats::cli::AddValidateCommand(app, &exit_code);
  immstats::cli::AddIngestCommand(app, &exit_code);
  immstats::cli::AddStoreCommand(app, &exit_code);
  immstats::cli::AddAsylumCommand(app, &exit_code);
  immstats::cli::AddBacklogCommand(app, &exit_code);
  immstats::cli::AddWaitTimesCommand(app, &exit_code);
  immstats::cli::AddFactCommands(app, &exit_code);
  immstats::cli::AddCountryCommand(app, &exit_code);
  immstats::cli::AddCheckCommand(app, &exit_code);
  immstats::cli::AddServeCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
