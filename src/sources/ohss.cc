// The OHSS "KHSM CBP Encounters (USBP)" workbook into `ohss.encounters`: one row per cell of each of the 16
// sheets, with its sheet, fiscal year, month (monthly sheets), dimensions and a rounded-to-10 flag.
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "base/civil_date.h"
#include "geo/countries.h"
#include "sources/fact_table.h"
#include "sources/sources.h"
#include "tabular/xlsx.h"

namespace immstats::sources {
namespace {

constexpr std::array<const char*, 16> kSheets = {
    "Annual Count",       "Monthly Count",       "Annual Citizenship",        "Monthly Citizenship",
    "Annual Region",      "Monthly Region",      "Annual Family Status",      "Monthly Family Status",
    "Annual Sector",      "Monthly Sector",      "Annual Rgn and Citp",       "Monthly Rgn and Citp",
    "Annual Rgn and Fam Status", "Monthly Rgn and Fam Status", "Annual Rgn and Sector", "Monthly Rgn and Sector"};

// A header cell with its line breaks and runs of spaces made single spaces: "Fiscal\nYear" -> "Fiscal Year".
std::string HeaderText(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == '\n' || c == '\r' || c == ' ' || c == '\t';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "01 October" -> 1 (fiscal month; October is month 1); 0 if not that form.
int FiscalMonth(const std::string& s) {
  if (s.size() < 4 || !std::isdigit(static_cast<unsigned char>(s[0])) || !std::isdigit(static_cast<unsigned char>(s[1]))) return 0;
  const int m = (s[0] - '0') * 10 + (s[1] - '0');
  return (m >= 1 && m <= 12) ? m : 0;
}

}  // namespace

Result<SourceIngestResult> IngestOhss(const SourceIngestOptions& options) {
  if (options.files.size() != 1) {
    return Status::InvalidArgument("give exactly one OHSS workbook (KHSM Encounters (USBP) fy??m??.xlsx)");
  }
  std::string id;
  auto writer = BeginSourceSnapshot(options, kOhss, &id);
  if (!writer.ok()) return writer.status();
  const auto& path = options.files[0];
  auto info = HashSourceFile(path);
  if (!info.ok()) return info.status();
  writer->AddSource(*info);
  auto wb = tabular::Workbook::Open(path);
  if (!wb.ok()) return wb.status();
  std::vector<std::string> missing;
  for (const char* s : kSheets) {
    if (!wb->HasSheet(s)) missing.emplace_back(s);
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "'" : ", '") + m + "'";
    return Status::InvalidArgument(path.string() + ": the workbook lacks sheet(s) " + list +
                                   "; an OHSS KHSM USBP encounters workbook has 16 (annual and monthly by count, "
                                   "citizenship, region, family status, sector and their region pairs). Download the "
                                   "whole workbook again.");
  }
  auto rejects = RejectsFile::Open(writer->temp_dir(), "ohss.encounters");
  if (!rejects.ok()) return rejects.status();

  FactTable t("ohss.encounters");
  const size_t c_sheet = t.AddColumn("sheet", FactTable::Type::kString);
  const size_t c_line = t.AddColumn("line", FactTable::Type::kInt);
  const size_t c_fy = t.AddColumn("fiscal_year", FactTable::Type::kInt);
  const size_t c_month = t.AddColumn("month_start", FactTable::Type::kDate);
  const std::map<std::string, size_t> dims = {
      {"Citizenship", t.AddColumn("citizenship", FactTable::Type::kString)},
      {"Region", t.AddColumn("region", FactTable::Type::kString)},
      {"Sector", t.AddColumn("sector", FactTable::Type::kString)},
      {"Family Status", t.AddColumn("family_status", FactTable::Type::kString)},
  };
  const size_t c_country = t.AddColumn("country", FactTable::Type::kString);
  const size_t c_count = t.AddColumn("encounters", FactTable::Type::kInt);
  const size_t c_rounded = t.AddColumn("rounded_to", FactTable::Type::kInt);

  const geo::Countries& countries = geo::Countries::Get();
  ingest::Reconciliation rec;
  rec.source = "ohss";
  std::set<std::string> unmapped;
  int done = 0;
  for (const char* sheet_name : kSheets) {
    if (options.on_file) options.on_file(sheet_name, done, static_cast<int>(kSheets.size()));
    auto sheet = wb->ReadSheet(sheet_name);
    if (!sheet.ok()) return sheet.status();
    sheet->FillMerged();
    const bool monthly = std::string_view(sheet_name).rfind("Monthly", 0) == 0;
    ingest::TableReconciliation tr;
    tr.name = std::string("ohss.encounters:") + sheet_name;
    tr.file = path.filename().string() + " [" + sheet_name + "]";
    if (sheet->rows.empty()) return Status::InvalidArgument(tr.file + ": the sheet is empty");
    // Header: Fiscal Year, [Month], one or two dimensions, Quantity.
    int col_fy = -1, col_month = -1, col_qty = -1;
    std::vector<std::pair<int, size_t>> col_dims;
    const auto& head = sheet->rows[0];
    for (size_t c = 0; c < head.size(); ++c) {
      const std::string h = HeaderText(head[c].text);
      if (h.empty()) continue;
      if (h == "Fiscal Year") {
        col_fy = static_cast<int>(c);
      } else if (h == "Month") {
        col_month = static_cast<int>(c);
      } else if (h == "Quantity") {
        col_qty = static_cast<int>(c);
      } else if (dims.count(h)) {
        col_dims.emplace_back(static_cast<int>(c), dims.at(h));
      } else {
        return Status::InvalidArgument(tr.file + ", cell " + std::string(1, static_cast<char>('A' + c)) +
                                       "1: unknown column '" + h +
                                       "' (expected Fiscal Year, Month, Citizenship, Region, Sector, Family Status, "
                                       "Quantity)");
      }
    }
    if (col_fy < 0 || col_qty < 0 || (monthly && col_month < 0)) {
      return Status::InvalidArgument(tr.file + ", row 1: the header lacks Fiscal Year, Month or Quantity");
    }
    for (size_t r = 1; r < sheet->rows.size(); ++r) {
      const auto& row = sheet->rows[r];
      const int line = static_cast<int>(r) + 1;
      auto cell = [&](int c) -> const tabular::Cell* {
        return c >= 0 && static_cast<size_t>(c) < row.size() ? &row[static_cast<size_t>(c)] : nullptr;
      };
      bool any = false;
      for (const auto& c : row) any = any || !c.empty();
      if (!any) continue;
      ++tr.read;
      auto quarantine = [&](std::string_view column, std::string_view kind, std::string_view reason) {
        ++tr.quarantined[std::string(kind)];
        std::string raw;
        for (const auto& c : row) raw += (raw.empty() ? "" : "\t") + c.text;
        rejects->Add(tr.file, line, 0, column, kind, reason, raw);
      };
      const tabular::Cell* fy_cell = cell(col_fy);
      const int fy = fy_cell != nullptr && fy_cell->kind == tabular::Cell::Kind::kNumber
                         ? static_cast<int>(fy_cell->number)
                         : (fy_cell != nullptr ? std::atoi(fy_cell->text.c_str()) : 0);
      if (fy < 1990 || fy > 2100) {
        quarantine("Fiscal Year", "bad_fiscal_year", "not a fiscal year");
        continue;
      }
      int32_t month_start = INT32_MIN;
      if (monthly) {
        const tabular::Cell* m = cell(col_month);
        const int fm = m != nullptr ? FiscalMonth(m->text) : 0;
        if (fm == 0) {
          quarantine("Month", "bad_month", "not a month written like '01 October'");
          continue;
        }
        int year = 0, month = 0;
        FiscalMonthToCalendar(fy, fm, &year, &month);
        month_start = base::DaysFromCivil(year, month, 1);
      }
      const tabular::Cell* q = cell(col_qty);
      int64_t count = 0;  // OHSS leaves zeros blank
      if (q != nullptr && !q->empty()) {
        if (q->kind != tabular::Cell::Kind::kNumber || q->number < 0 || q->number != std::floor(q->number)) {
          quarantine("Quantity", "bad_count", "not a whole number");
          continue;
        }
        count = static_cast<int64_t>(q->number);
      } else {
        ++tr.flagged["blank_is_zero"];
      }
      t.NewRow();
      t.SetString(c_sheet, sheet_name);
      t.SetInt(c_line, line);
      t.SetInt(c_fy, fy);
      if (monthly) t.SetDate(c_month, month_start);
      for (const auto& [c, store_col] : col_dims) {
        const tabular::Cell* d = cell(c);
        const std::string v = d != nullptr ? HeaderText(d->text) : std::string();
        if (!v.empty()) t.SetString(store_col, v);
        if (store_col == dims.at("Citizenship") && !v.empty()) {
          if (const geo::Country* country = countries.ByName(v)) {
            t.SetString(c_country, country->code);
          } else {
            unmapped.insert("ohss: " + v);
            ++tr.flagged["unmapped_citizenship"];
          }
        }
      }
      t.SetInt(c_count, count);
      t.SetInt(c_rounded, 10);
      ++tr.loaded;
    }
    tr.physical_lines = static_cast<int64_t>(sheet->rows.size());
    rec.tables.push_back(std::move(tr));
    ++done;
  }
  IMMSTATS_RETURN_IF_ERROR(t.Write(&*writer));
  writer->SetAttribute("rounded_to", "10");
  return PublishSourceSnapshot(&*writer, options.store.string(), id, std::move(rec),
                               std::vector<std::string>(unmapped.begin(), unmapped.end()));
}

}  // namespace immstats::sources
