// A court query as named parameters: the one path from a question to an answer. The CLI fills a Request from its
// options and the HTTP server from URL parameters, so `immstats asylum ... --format json` and `GET /api/asylum?...`
// answer with the same bytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "immstats/status.h"
#include "query/names.h"
#include "query/result.h"
#include "query/slice.h"
#include "store/snapshot.h"

namespace immstats::api {

enum class Family { kAsylum, kBacklog, kWaitTimes };
const char* FamilyName(Family f);  // "asylum", "backlog", "wait-times"

struct Request {
  Family family = Family::kAsylum;
  std::string snapshot = "latest";
  query::TypedFilters typed;
  std::string from, to, month;  // the window (asylum, wait-times)
  int fy = 0;
  std::string as_of;            // backlog
  std::vector<std::string> by;
  std::string format = "table";  // table | csv | json
  std::string sort;
  size_t limit = 0;
  bool receipt = false;
  // asylum
  std::string definition = "all", codes = "ASYL", unit = "proceeding", nationality_from = "case",
              judge_from = "proceeding", cat_only = "deny";
  int min_decisions = -1;
  // backlog (input | osc) and wait-times (input | osc | case | application)
  std::string start = "input";
  std::string universe = "trac";  // wait-times: trac | completed
};

// The parameters a family takes: URL parameter names, which are the CLI's option names without the dashes.
std::vector<std::string> ParamNames(Family f);
// Sets one parameter from its text; list parameters take repeats and commas. Unknown names, parameters the family
// does not take and malformed numbers are InvalidArgument errors that say what is accepted.
Status SetParam(Request* r, std::string_view name, std::string_view value);

// What requests run against: one snapshot and its lookups' names, loaded once and shared read-only.
struct LoadedSnapshot {
  store::SnapshotInfo info;
  query::Names names;
};
Result<std::shared_ptr<const LoadedSnapshot>> LoadSnapshot(const std::filesystem::path& store_dir, const std::string& id);

// Validates every option, resolves names against the snapshot, runs the query, then sorts and limits.
Result<query::ResultTable> Run(const LoadedSnapshot& snapshot, const Request& r);

// The result as the CLI prints it in the request's format (an unknown format is an InvalidArgument error).
Result<std::string> RunAndFormat(const LoadedSnapshot& snapshot, const Request& r);

}  // namespace immstats::api
