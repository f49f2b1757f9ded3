// Registration of each CLI subcommand on the CLI11 application.
#pragma once

#include <CLI/CLI.hpp>

#include "ingest/release_validator.h"
#include "query/result.h"

namespace immstats::cli {

// Each Add*Command registers its subcommand; the callback stores its exit code in *exit_code.
void AddSynthCommand(CLI::App& app, int* exit_code);
void AddZipCommand(CLI::App& app, int* exit_code);
void AddValidateCommand(CLI::App& app, int* exit_code);
void AddIngestCommand(CLI::App& app, int* exit_code);
// `ingest cbp|ohss|ice|iceair` under the `ingest` command.
void AddSourceIngestCommands(CLI::App* ingest, int* exit_code);
void AddStoreCommand(CLI::App& app, int* exit_code);
void AddAsylumCommand(CLI::App& app, int* exit_code);
void AddBacklogCommand(CLI::App& app, int* exit_code);
void AddWaitTimesCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
// encounters, removals, flights.
void AddFactCommands(CLI::App& app, int* exit_code);
void AddCountryCommand(CLI::App& app, int* exit_code);
void AddCheckCommand(CLI::App& app, int* exit_code);

// "table", "csv" or "json" (already checked by the option) as an output format.
query::OutputFormat OutputFormatNamed(const std::string& name);

// Prints a reconciliation as the table people read (validate and ingest share it).
void PrintReconciliation(const ingest::Reconciliation& rec);

}  // namespace immstats::cli
