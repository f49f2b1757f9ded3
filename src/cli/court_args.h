// Options shared by the court queries (asylum, backlog, wait-times), bound to an api::Request, and their run.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "api/request.h"
#include "immstats/status.h"

namespace immstats::cli {

struct CourtArgs {
  std::string store;    // empty: store::DefaultStoreDir()
  api::Request request;
};

// Registers the shared options; `window` false for queries that take --as-of instead of a window.
void AddCourtOptions(CLI::App* cmd, CourtArgs* args, bool window);

// Loads the snapshot, runs the request and prints the answer; returns the exit code.
int RunCourtQuery(const CourtArgs& args);

}  // namespace immstats::cli
