// Options shared by the court queries (asylum, backlog, wait-times): store, filters, window, grouping, output.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "immstats/status.h"
#include "query/names.h"
#include "query/result.h"
#include "query/slice.h"
#include "store/snapshot.h"

namespace immstats::cli {

struct CourtArgs {
  std::string store, snapshot = "latest";
  query::TypedFilters typed;
  std::string from, to, month;
  int fy = 0;
  std::vector<std::string> by;
  std::string format = "table";
  std::string sort;
  size_t limit = 0;
  bool receipt = false;
};

// Registers the shared options; `window` false for queries that take --as-of instead of a window.
void AddCourtOptions(CLI::App* cmd, CourtArgs* args, bool window);

// What the shared options resolve to against one snapshot.
struct CourtContext {
  store::SnapshotInfo snapshot;
  query::Names names;
  query::Filters filters;
  query::Window window;
  std::vector<query::Dim> by;
  query::OutputFormat format = query::OutputFormat::kTable;
};
Result<CourtContext> ResolveCourtArgs(const CourtArgs& args);

// Sorts and limits as asked, then prints in the chosen format; returns the exit code.
int PrintResult(const char* command, const CourtArgs& args, const CourtContext& ctx, query::ResultTable* result);

// Prints a failure as "immstats <command>: <message>" and returns the exit code.
int FailQuery(const char* command, const Status& st);

}  // namespace immstats::cli
