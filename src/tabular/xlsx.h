// Reads xlsx workbooks as published (Office Open XML: a zip of XML parts) with no spreadsheet library:
// sheet names, shared and inline strings, numbers, booleans, dates (by the cell's number format), merged cells.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "immstats/status.h"
#include "zip/zip_reader.h"

namespace immstats::tabular {

struct Cell {
  enum class Kind { kEmpty, kNumber, kText, kBool, kError } kind = Kind::kEmpty;
  double number = 0;   // kNumber, kBool (0/1)
  std::string text;    // kText; kError: the error code (#N/A); kNumber: the digits as written
  bool is_date = false;  // a number whose format is a date: `number` is the Excel serial day
  bool empty() const { return kind == Kind::kEmpty; }
};

struct CellRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // 1-based row, 0-based column, inclusive
};

struct Sheet {
  std::string name;
  std::vector<std::vector<Cell>> rows;  // rows[r - 1][c]: every row up to the last one written, padded
  std::vector<CellRange> merged;
  // The cell's text whatever its kind (numbers as written); empty if absent.
  std::string Text(int row, int col) const;
  // Copies the value of each merged range's top-left cell into the rest of the range (for header rows).
  void FillMerged();
};

class Workbook {
 public:
  // Opens the zip and reads the workbook's sheet list, relationships, shared strings and styles.
  // Errors name the file and the part.
  static Result<Workbook> Open(const std::filesystem::path& path);

  const std::vector<std::string>& sheet_names() const { return sheet_names_; }
  bool HasSheet(std::string_view name) const;
  // The whole sheet (sheets of OHSS workbooks are at most a few MB of XML). NotFound lists the sheets there are.
  Result<Sheet> ReadSheet(std::string_view name) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  zip::ZipArchive zip_;
  std::vector<std::string> sheet_names_;
  std::map<std::string, std::string, std::less<>> sheet_part_;  // sheet name -> part name in the zip
  std::vector<std::string> shared_strings_;
  std::vector<bool> style_is_date_;  // by cell style index (cellXfs)
  explicit Workbook(zip::ZipArchive zip) : zip_(std::move(zip)) {}
};

// "B12" -> column 1 (0-based) and row 12; false if `ref` is not a cell reference.
bool ParseCellRef(std::string_view ref, int* col, int* row);
// An Excel serial day (1900 system) as days since 1970-01-01.
int32_t ExcelSerialToDays(double serial);

}  // namespace immstats::tabular
