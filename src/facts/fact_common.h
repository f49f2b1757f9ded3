// Pieces the three non-court families share: citizenship resolution, windows, the receipt's common part.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/aggregate.h"
#include "facts/fact_request.h"

namespace immstats::facts {

// --citizenship / --nationality values to canonical codes; unknown names are an error with suggestions.
Result<std::vector<std::string>> ResolveCountries(const FactRequest& r);

struct Months {
  std::optional<int32_t> from, to;
};
Result<Months> ResolveWindow(const FactRequest& r);

// One dimension name to its stored column, from a family's table of (name, column, kind).
struct DimDef {
  const char* name;
  const char* column;
  DimKind kind;
};
Result<Dim> FindDim(const std::vector<DimDef>& defs, const std::string& name, const std::string& family);

// The receipt fields every answer has: version, snapshot, its sources with checksums, the definition, counts.
nlohmann::ordered_json BaseReceipt(const store::SnapshotInfo& s, const std::string& table, const std::string& definition,
                                   const AggregateResult& r);
// The query echo: source, filters, window, grouping.
nlohmann::ordered_json QueryJson(const std::string& family, const FactRequest& r, const Months& m);

// Sorts and limits as the court queries do.
Status Finish(query::ResultTable* t, const FactRequest& r);

}  // namespace immstats::facts
