// What every court query shares: filters, a date window, groupings, and the code columns they read.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "immstats/status.h"
#include "query/names.h"
#include "store/table_reader.h"

namespace immstats::query {

enum class Dim { kNationality, kCourt, kJudge, kHearingLocation, kFy, kMonth, kCustody, kRepresented, kAsylumType, kCaseType };
Result<Dim> ParseDim(const std::string& name);  // "nationality", "hearing-location", "fy", ...
const char* DimName(Dim d);                     // the JSON field name: "hearing_location", "fy", ...
inline constexpr size_t kMaxDims = 4;
inline constexpr size_t kMaxCells = 20000;

// Inclusive day numbers; unset ends are open.
struct Window {
  std::optional<int32_t> from, to;
  std::string Describe() const;
};

struct Filters {
  std::vector<std::string> nationalities;  // codes, already resolved
  std::vector<std::string> courts, judges, hearing_locations, case_types;
  std::string custody;                     // D, R or N
  std::optional<bool> represented;
  std::string asylum_type;                 // I or E
  std::map<std::string, std::string> judge_aliases;  // IJ_CODE -> the code it is merged into (Q20)
  nlohmann::ordered_json Json() const;
};

// A group key: one value per --by dimension (codes are column dictionary indexes or small integers).
using GroupKey = std::array<int64_t, kMaxDims>;
inline constexpr int64_t kAllNationalities = -2;  // the comparison row's nationality value

// The code columns of one row range of a derived table, with per-column filter masks.
class CodeColumn {
 public:
  // `aliases` (may be null) renames values before filtering and grouping: merged codes become one.
  Status Load(const store::TableReader& t, const std::string& column, uint64_t begin, uint64_t end,
              const std::vector<std::string>& allowed, const std::map<std::string, std::string>* aliases = nullptr);
  bool loaded() const { return loaded_; }
  bool Passes(size_t row) const { return allow_.empty() || (col_.codes[row] != store::kNullCode && allow_[col_.codes[row]]); }
  uint32_t Code(size_t row) const { return col_.codes[row]; }
  const std::vector<std::string>& Dictionary() const { return col_.dict; }
  std::string Value(int64_t key) const { return key < 0 ? std::string() : col_.dict[static_cast<size_t>(key)]; }
  std::string_view At(size_t row) const { return col_.At(row); }

 private:
  store::StringColumn col_;
  std::vector<char> allow_;  // per dictionary entry; empty = no filter
  bool loaded_ = false;
};

// Fills a row's dimension cells (code and name) from a key; shared by the query families.
void AppendDimColumns(const std::vector<Dim>& by, std::vector<std::string>* columns, std::vector<std::string>* shown);

// Resolves what the user typed for each filter into codes through the release's lookups.
struct TypedFilters {
  std::vector<std::string> nationalities, courts, judges, hearing_locations, case_types;
  std::string custody, represented, asylum_type;
  std::string judge_aliases_file;  // TSV: alias code, TAB, canonical code; '#' starts a comment
};
Result<Filters> ResolveFilters(const Names& names, const TypedFilters& typed);

// "2024-09-01", or a month "2024-09" meaning its first (start) or last (end) day.
Result<int32_t> ParseWindowDate(const std::string& text, bool end);
// --from/--to, --fy or --month into a window; exactly one way may be used.
Result<Window> MakeWindow(const std::string& from, const std::string& to, int fy, const std::string& month);

}  // namespace immstats::query
