// The EOIR release's tables: file names and header columns in released order (domain spec App. C).
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace immstats::eoir {

// Which tables a generated or ingested release holds.
enum class TableSet { kCore, kAll };

struct TableSpec {
  std::string_view name;        // as in Count.txt, e.g. "A_TblCase"
  std::string_view file_name;   // as released, e.g. "A_TblCase.csv"
  std::vector<std::string_view> columns;  // header, in file order
  bool core = false;            // part of the `core` set
};

// Every main table immstats knows, core ones first, in a stable order.
std::span<const TableSpec> MainTables();
// The spec for `name` (exact match), or nullptr.
const TableSpec* FindTable(std::string_view name);
// Index of `column` in `spec.columns`, or -1.
int ColumnIndex(const TableSpec& spec, std::string_view column);

}  // namespace immstats::eoir
