// The non-court questions (encounters, removals, flights) as named parameters, and their run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "query/result.h"
#include "store/snapshot.h"

namespace immstats::facts {

struct FactRequest {
  std::string source;    // encounters: cbp (default) | ohss; removals: records (default) | published
  std::string snapshot = "latest";
  // Dimension name -> values as the user typed them (--citizenship Nepal -> {"citizenship": {"Nepal"}}).
  std::map<std::string, std::vector<std::string>> filters;
  std::string from, to, month;  // window: --from/--to (YYYY-MM or YYYY-MM-DD), --month YYYY-MM
  int fy = 0;                   // or a fiscal year
  std::vector<std::string> by;  // dimensions to group by
  std::string sort;
  size_t limit = 0;
  bool receipt = false;
  bool missions = false;        // flights: list missions and their stops instead of legs
};

// Each answers with the rows, the query as understood, notes and (when asked) the receipt.
Result<query::ResultTable> RunEncounters(const store::Store& store, const FactRequest& request);
Result<query::ResultTable> RunRemovals(const store::Store& store, const FactRequest& request);
Result<query::ResultTable> RunFlights(const store::Store& store, const FactRequest& request);

// The dimension names each family accepts as filters and in --by (for --help and errors).
std::vector<std::string> EncounterDims(const std::string& source);
std::vector<std::string> RemovalDims(const std::string& source);
std::vector<std::string> FlightDims();

}  // namespace immstats::facts
