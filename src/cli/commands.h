// Registration of each CLI subcommand on the CLI11 application.
#pragma once

#include <CLI/CLI.hpp>

namespace immstats::cli {

// Each Add*Command registers its subcommand; the callback stores its exit code in *exit_code.
void AddSynthCommand(CLI::App& app, int* exit_code);
void AddZipCommand(CLI::App& app, int* exit_code);
void AddValidateCommand(CLI::App& app, int* exit_code);

}  // namespace immstats::cli
