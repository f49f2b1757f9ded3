// Filters and groups the rows of a source table and sums its measures: the engine under encounters, removals
// and flights.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "facts/fact_view.h"
#include "query/result.h"

namespace immstats::facts {

enum class DimKind {
  kText,        // a text column as published
  kCountry,     // a canonical country code column, shown with its display name (and a _code field)
  kFiscalYear,  // an integer fiscal-year column
  kMonth,       // a month_start date column, shown as YYYY-MM
};

struct Dim {
  std::string name;    // the JSON field ("citizenship", "month", "fy", "dropoff_airport")
  std::string column;  // the stored column
  DimKind kind = DimKind::kText;
};

struct Filter {
  std::string name;    // the option's dimension name, for the query echo
  std::string column;
  DimKind kind = DimKind::kText;
  // kText: matched by normalised words ("southwest" matches "Southwest Land Border"); kCountry: codes.
  std::vector<std::string> values;
};

struct Measure {
  std::string name;    // "encounters", "removals", "legs", "passengers"
  std::string column;  // summed; empty: rows counted
};

struct Aggregation {
  std::vector<Dim> by;
  std::vector<Filter> filters;
  std::string month_column = "month_start";  // for the window; empty: no window possible
  std::optional<int32_t> from, to;           // inclusive days; rows are months, kept if their first day is inside
  std::vector<Measure> measures;
  std::function<bool(size_t row)> keep;      // an extra rule (CBP's newest file per month)
};

struct AggregateRow {
  std::vector<std::string> key;  // one per dimension (kCountry: the code; kMonth: YYYY-MM; "" for null)
  std::vector<int64_t> sums;
};

struct AggregateResult {
  std::vector<AggregateRow> rows;  // ordered by key
  int64_t rows_read = 0, rows_matched = 0;
};

Result<AggregateResult> Aggregate(FactView* view, const Aggregation& a);

// True if `value` equals `filter` or begins with it followed by a space, both normalised (geo::NormalizeName).
bool WordPrefixMatch(const std::string& value, const std::string& filter);

// Builds the answer table: one field per dimension (countries also get <name>_code), then the measures.
query::ResultTable ToResultTable(const Aggregation& a, const AggregateResult& r);

// A canonical code's display name; OTHER is a source's bucket, "Other (not itemized)".
std::string CountryDisplayName(const std::string& code);

// The window in words for receipts: "2023-10 to 2024-09", "all months".
std::string DescribeMonths(const std::optional<int32_t>& from, const std::optional<int32_t>& to);

}  // namespace immstats::facts
