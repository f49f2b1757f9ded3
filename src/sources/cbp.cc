// CBP encounter CSVs as published into `cbp.encounters` (one row per published row, with its file) and
// `cbp.files` (each file's variant and months, which decide the newest file per month).
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "base/civil_date.h"
#include "geo/countries.h"
#include "sources/fact_table.h"
#include "sources/sources.h"
#include "tabular/delimited.h"

namespace immstats::sources {
namespace {

// Header names as CBP writes them, reduced to snake case ("Month (abbv)" -> month_abbv).
std::string SnakeHeader(std::string_view h) {
  std::string out = SnakeCase(h);
  if (out == "month") out = "month_abbv";
  return out;
}

constexpr std::array<const char*, 14> kKnownColumns = {
    "fiscal_year", "month_grouping", "month_abbv", "component", "land_border_region", "area_of_responsibility",
    "aor_abbv", "state", "demographic", "citizenship", "citizenship_grouping", "title_of_authority",
    "encounter_type", "encounter_count"};

// The stored dimension columns (text, as published) and the header name each comes from.
constexpr std::array<std::pair<const char*, const char*>, 10> kDimensions = {{
    {"component", "component"},
    {"land_border_region", "land_border_region"},
    {"area_of_responsibility", "area_of_responsibility"},
    {"aor_abbv", "aor_abbv"},
    {"state", "state"},
    {"demographic", "demographic"},
    {"title_of_authority", "title_of_authority"},
    {"encounter_type", "encounter_type"},
    {"month_grouping", "month_grouping"},
    {"citizenship", "citizenship"},
}};

int MonthFromAbbv(std::string_view s) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  std::string u;
  for (char c : tabular::TrimField(s).substr(0, 3)) u.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  for (int m = 0; m < 12; ++m) {
    if (u == kMonths[m]) return m + 1;
  }
  return 0;
}

// "2023", "2025 (FYTD)" -> 2023 / 2025 with fytd set; 0 if not a year.
int ParseFiscalYear(std::string_view s, bool* fytd) {
  const std::string t = tabular::TrimField(s);
  if (t.size() < 4) return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return 0;
    y = y * 10 + (t[i] - '0');
  }
  const std::string rest = tabular::TrimField(std::string_view(t).substr(4));
  *fytd = rest.find("FYTD") != std::string::npos;
  if (!rest.empty() && !*fytd) return 0;
  return (y >= 1990 && y <= 2100) ? y : 0;
}

// "2,378" or "17" -> count; nullopt for anything else.
std::optional<int64_t> ParseCount(std::string_view s) {
  const std::string t = tabular::TrimField(s);
  if (t.empty()) return std::nullopt;
  int64_t v = 0;
  for (char c : t) {
    if (c == ',') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
    if (v > (int64_t{1} << 40)) return std::nullopt;
  }
  return v;
}

struct FileSummary {
  std::string name, variant;
  int32_t first_month = INT32_MAX, last_month = INT32_MIN;
  int64_t rows = 0;
};

}  // namespace

Result<SourceIngestResult> IngestCbp(const SourceIngestOptions& options) {
  std::string id;
  auto writer = BeginSourceSnapshot(options, kCbp, &id);
  if (!writer.ok()) return writer.status();
  auto rejects = RejectsFile::Open(writer->temp_dir(), "cbp.encounters");
  if (!rejects.ok()) return rejects.status();
  const geo::Countries& countries = geo::Countries::Get();

  FactTable t("cbp.encounters");
  const size_t c_file = t.AddColumn("file", FactTable::Type::kString);
  const size_t c_line = t.AddColumn("line", FactTable::Type::kInt);
  const size_t c_fy = t.AddColumn("fiscal_year", FactTable::Type::kInt);
  const size_t c_month = t.AddColumn("month_start", FactTable::Type::kDate);
  std::vector<size_t> c_dims;
  for (const auto& d : kDimensions) c_dims.push_back(t.AddColumn(d.first, FactTable::Type::kString));
  const size_t c_country = t.AddColumn("country", FactTable::Type::kString);
  const size_t c_count = t.AddColumn("encounters", FactTable::Type::kInt);

  ingest::Reconciliation rec;
  rec.source = "cbp";
  std::set<std::string> unmapped;
  std::vector<FileSummary> files;
  int done = 0;
  for (const auto& path : options.files) {
    if (options.on_file) options.on_file(path.filename().string(), done, static_cast<int>(options.files.size()));
    auto src = ReadSourceText(path);
    if (!src.ok()) return src.status();
    writer->AddSource(src->info);
    tabular::DelimitedReader reader(src->text, {','});
    std::vector<std::string> header, fields;
    if (!reader.Next(&header)) return Status::InvalidArgument(path.string() + ": empty file; expected a CBP encounters CSV");
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < header.size(); ++i) {
      const std::string name = SnakeHeader(header[i]);
      if (name.empty() && i + 1 == header.size()) continue;  // a trailing comma
      if (std::find_if(kKnownColumns.begin(), kKnownColumns.end(), [&](const char* k) { return name == k; }) ==
          kKnownColumns.end()) {
        std::string known;
        for (const char* k : kKnownColumns) known += (known.empty() ? "" : ", ") + std::string(k);
        return Status::InvalidArgument(path.string() + ", line 1, column " + std::to_string(i + 1) +
                                       ": unknown column '" + tabular::TrimField(header[i]) +
                                       "'. A CBP encounters CSV has (in any case and spacing): " + known +
                                       ". If CBP added a column, report it so that immstats learns it.");
      }
      col[name] = i;
    }
    if (!col.count("citizenship") && col.count("citizenship_grouping")) col["citizenship"] = col["citizenship_grouping"];
    for (const char* required : {"fiscal_year", "month_abbv", "encounter_count", "citizenship"}) {
      if (!col.count(required)) {
        return Status::InvalidArgument(path.string() + ", line 1: no '" + std::string(required) +
                                       "' column; this is not a CBP encounters CSV (columns: " +
                                       std::to_string(header.size()) + ")");
      }
    }
    FileSummary fs;
    fs.name = src->name;
    const bool southwest_only = !col.count("land_border_region");
    fs.variant = col.count("area_of_responsibility") ? "aor" : col.count("state") ? "state" : southwest_only ? "southwest" : "nationwide";
    if (southwest_only) {
      rec.schema_notes.push_back(src->name + ": no Land Border Region column: a Southwest-border file; its rows are "
                                 "stored with land_border_region = Southwest Land Border");
    }
    ingest::TableReconciliation tr;
    tr.name = "cbp.encounters:" + src->name;
    tr.file = src->name;
    while (reader.Next(&fields)) {
      if (fields.size() == 1 && tabular::TrimField(fields[0]).empty()) continue;  // blank line
      ++tr.read;
      auto quarantine = [&](std::string_view column, std::string_view kind, std::string_view reason) {
        QuarantineRecord(&*rejects, &tr, src->name, src->text, reader, column, kind, reason);
      };
      if (fields.size() < header.size()) {
        quarantine("", "short_row", "fewer fields than the header");
        continue;
      }
      if (fields.size() > header.size() && !(fields.size() == header.size() + 1 && fields.back().empty())) {
        quarantine("", "long_row", "more fields than the header");
        continue;
      }
      bool fytd = false;
      const int fy = ParseFiscalYear(fields[col["fiscal_year"]], &fytd);
      if (fy == 0) {
        quarantine("Fiscal Year", "bad_fiscal_year", "not a fiscal year");
        continue;
      }
      const int month = MonthFromAbbv(fields[col["month_abbv"]]);
      if (month == 0) {
        quarantine("Month (abbv)", "bad_month", "not a month abbreviation");
        continue;
      }
      const auto count = ParseCount(fields[col["encounter_count"]]);
      if (!count) {
        quarantine("Encounter Count", "bad_count", "not a whole number");
        continue;
      }
      const int year = month >= 10 ? fy - 1 : fy;
      const int32_t month_start = base::DaysFromCivil(year, month, 1);
      t.NewRow();
      t.SetString(c_file, src->name);
      t.SetInt(c_line, reader.line());
      t.SetInt(c_fy, fy);
      t.SetDate(c_month, month_start);
      for (size_t d = 0; d < kDimensions.size(); ++d) {
        auto it = col.find(kDimensions[d].second);
        if (it != col.end()) {
          const std::string v = tabular::TrimField(fields[it->second]);
          if (!v.empty()) t.SetString(c_dims[d], v);
        } else if (std::string_view(kDimensions[d].first) == "land_border_region" && southwest_only) {
          t.SetString(c_dims[d], "Southwest Land Border");
        }
      }
      const std::string cit = tabular::TrimField(fields[col["citizenship"]]);
      if (geo::NormalizeName(cit) == "OTHER") {
        t.SetString(c_country, "OTHER");
      } else if (const geo::Country* c = countries.ByName(cit)) {
        t.SetString(c_country, c->code);
      } else {
        unmapped.insert("cbp: " + cit);
        ++tr.flagged["unmapped_citizenship"];
      }
      t.SetInt(c_count, *count);
      ++tr.loaded;
      ++fs.rows;
      fs.first_month = std::min(fs.first_month, month_start);
      fs.last_month = std::max(fs.last_month, month_start);
    }
    tr.physical_lines = reader.line();
    rec.tables.push_back(std::move(tr));
    files.push_back(std::move(fs));
    ++done;
  }
  IMMSTATS_RETURN_IF_ERROR(t.Write(&*writer));

  // Newest first: the file whose data reach furthest; among equals, the one named later on the command line.
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return files[a].last_month != files[b].last_month ? files[a].last_month > files[b].last_month : a > b;
  });
  FactTable ft("cbp.files");
  const size_t f_name = ft.AddColumn("file", FactTable::Type::kString);
  const size_t f_variant = ft.AddColumn("variant", FactTable::Type::kString);
  const size_t f_first = ft.AddColumn("first_month", FactTable::Type::kDate);
  const size_t f_last = ft.AddColumn("last_month", FactTable::Type::kDate);
  const size_t f_rows = ft.AddColumn("rows", FactTable::Type::kInt);
  const size_t f_rank = ft.AddColumn("newest_rank", FactTable::Type::kInt);
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const FileSummary& f = files[order[rank]];
    ft.NewRow();
    ft.SetString(f_name, f.name);
    ft.SetString(f_variant, f.variant);
    if (f.rows > 0) {
      ft.SetDate(f_first, f.first_month);
      ft.SetDate(f_last, f.last_month);
    }
    ft.SetInt(f_rows, f.rows);
    ft.SetInt(f_rank, static_cast<int64_t>(rank));
  }
  IMMSTATS_RETURN_IF_ERROR(ft.Write(&*writer));
  return PublishSourceSnapshot(&*writer, options.store.string(), id, std::move(rec),
                               std::vector<std::string>(unmapped.begin(), unmapped.end()));
}

}  // namespace immstats::sources
