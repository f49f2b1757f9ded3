// ICE files into `ice.removals`, `ice.arrests`, `ice.encounters` (person-level FOIA files, one row per event) and
// `ice.published_removals` (the removals-by-citizenship tables ICE publishes, with their Total rows).
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

struct PersonKind {
  const char* table;       // store table
  const char* title_word;  // in the title line: "ICE Removals for FY2017"
  const char* event_date;  // the column whose date places the event in a month
  std::vector<const char*> columns;  // as published, in order
};

const std::array<PersonKind, 3>& PersonKinds() {
  static const std::array<PersonKind, 3> kKinds = {{
      {"ice.removals", "Removals", "Departed Date",
       {"Area of Responsibility", "Apprehension Date", "Processing Disposition Code", "Birth Date", "Citizenship",
        "Gender", "RC Threat Level", "Final Charge Section", "Departed Date", "Removal Date"}},
      {"ice.arrests", "Arrests", "Apprehension Date",
       {"Area of Responsibility", "Apprehension Date", "Apprehension Method", "Apprehension Landmark", "Operation",
        "Processing Disposition", "Birth Date", "Citizenship", "Gender"}},
      {"ice.encounters", "Encounters", "Event Date",
       {"Event Area of Responsibility", "Event Date", "Landmark", "Operation", "Processing Disposition", "Birth Date",
        "Citizenship", "Gender"}},
  }};
  return kKinds;
}

// FOIA exemption markers ICE writes in place of withheld values: "(B)(6);(B)(7)(C) ", "(b)(7)(E)".
bool IsRedaction(std::string_view v) {
  return v.size() >= 4 && v[0] == '(' && (v[1] == 'B' || v[1] == 'b') && v[2] == ')' && v[3] == '(';
}

// "9/30/2016" -> day number.
std::optional<int32_t> ParseUsDate(std::string_view s) {
  int part[3] = {0, 0, 0};
  int idx = 0, digits = 0;
  for (char c : s) {
    if (c == '/') {
      if (digits == 0 || ++idx > 2) return std::nullopt;
      digits = 0;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      part[idx] = part[idx] * 10 + (c - '0');
      if (++digits > 4) return std::nullopt;
    } else if (c == ' ') {
      break;  // a time part
    } else {
      return std::nullopt;
    }
  }
  if (idx != 2 || part[0] < 1 || part[0] > 12 || part[1] < 1 || part[1] > 31 || part[2] < 1900 || part[2] > 2100) {
    return std::nullopt;
  }
  return base::DaysFromCivil(part[2], part[0], part[1]);
}

// The fiscal year named in a title line ("... for FY2019 (10/1/2018 - 8/31/2019)"), 0 if none.
int TitleFiscalYear(std::string_view title) {
  const size_t at = title.find("FY");
  if (at == std::string_view::npos || at + 6 > title.size()) return 0;
  int y = 0;
  for (size_t i = at + 2; i < at + 6; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(title[i]))) return 0;
    y = y * 10 + (title[i] - '0');
  }
  return y;
}

struct PersonTable {
  explicit PersonTable(const PersonKind& k) : kind(&k), table(k.table) {
    c_file = table.AddColumn("file", FactTable::Type::kString);
    c_line = table.AddColumn("line", FactTable::Type::kInt);
    c_fy = table.AddColumn("fiscal_year", FactTable::Type::kInt);
    c_month = table.AddColumn("month_start", FactTable::Type::kDate);
    for (const char* col : k.columns) {
      const std::string name = SnakeCase(col);
      const bool date = name.size() > 5 && name.compare(name.size() - 5, 5, "_date") == 0 && name != "birth_date";
      cols.push_back(table.AddColumn(name, date ? FactTable::Type::kDate : FactTable::Type::kString));
      is_date.push_back(date);
    }
    c_country = table.AddColumn("country", FactTable::Type::kString);
  }
  const PersonKind* kind;
  FactTable table;
  size_t c_file = 0, c_line = 0, c_fy = 0, c_month = 0, c_country = 0;
  std::vector<size_t> cols;
  std::vector<bool> is_date;
};

class IceIngest {
 public:
  IceIngest(store::SnapshotWriter* writer, RejectsFile* rejects) : writer_(writer), rejects_(rejects) {
    for (const auto& k : PersonKinds()) person_.emplace_back(k);
    c_file_ = published_.AddColumn("file", FactTable::Type::kString);
    c_line_ = published_.AddColumn("line", FactTable::Type::kInt);
    c_fy_ = published_.AddColumn("fiscal_year", FactTable::Type::kInt);
    c_cit_ = published_.AddColumn("citizenship", FactTable::Type::kString);
    c_country_ = published_.AddColumn("country", FactTable::Type::kString);
    c_removals_ = published_.AddColumn("removals", FactTable::Type::kInt);
    c_total_ = published_.AddColumn("is_total", FactTable::Type::kInt);
  }

  Status File(const SourceText& src) {
    const size_t first_line_end = src.text.find('\n');
    const std::string_view first = std::string_view(src.text).substr(0, first_line_end);
    if (first.find('|') != std::string_view::npos) return PersonFile(src);
    return PublishedTable(src);
  }

  Status Finish() {
    for (auto& p : person_) IMMSTATS_RETURN_IF_ERROR(p.table.Write(writer_));
    return published_.Write(writer_);
  }
  ingest::Reconciliation rec;
  std::set<std::string> unmapped;

 private:
  void MapCountry(FactTable* t, size_t col, const std::string& raw, ingest::TableReconciliation* tr) {
    if (raw.empty()) return;
    if (const geo::Country* c = geo::Countries::Get().ByName(raw)) {
      t->SetString(col, c->code);
    } else {
      unmapped.insert("ice: " + raw);
      ++tr->flagged["unmapped_citizenship"];
    }
  }

  Status PersonFile(const SourceText& src) {
    tabular::DelimitedReader reader(src.text, {'|'});
    std::vector<std::string> fields;
    std::string title;
    // Title lines come first ("ERO-LESA Statistical Tracking Unit", ..., "ICE Removals for FY2017"), then the
    // header: the first record that names a Citizenship column.
    PersonTable* pt = nullptr;
    std::vector<std::string> header;
    while (reader.Next(&fields)) {
      const bool is_header = std::any_of(fields.begin(), fields.end(), [](const std::string& f) {
        return tabular::TrimField(f) == "Citizenship";
      });
      if (!is_header) {
        if (!tabular::TrimField(fields[0]).empty()) title = tabular::TrimField(fields[0]);
        if (reader.line() > 50) break;
        continue;
      }
      for (const auto& f : fields) header.push_back(tabular::TrimField(f));
      for (auto& p : person_) {
        if (std::vector<std::string>(p.kind->columns.begin(), p.kind->columns.end()) == header) pt = &p;
      }
      if (pt == nullptr) {
        std::string expected;
        for (const auto& k : PersonKinds()) {
          expected += std::string(expected.empty() ? "" : "; ") + k.title_word + ": ";
          for (size_t i = 0; i < k.columns.size(); ++i) expected += (i ? "|" : "") + std::string(k.columns[i]);
        }
        std::string got;
        for (size_t i = 0; i < header.size(); ++i) got += (i ? "|" : "") + header[i];
        return Status::InvalidArgument(src.name + ", line " + std::to_string(reader.line()) +
                                       ": a header immstats does not know (" + got + "). ICE's person-level files "
                                       "have these columns: " + expected);
      }
      break;
    }
    if (pt == nullptr) {
      return Status::InvalidArgument(src.name + ": no header line naming a Citizenship column in the first 50 lines; "
                                     "this is not an ICE removals, arrests or encounters file");
    }
    const int title_fy = TitleFiscalYear(title);
    ingest::TableReconciliation tr;
    tr.name = std::string(pt->kind->table) + ":" + src.name;
    tr.file = src.name;
    const auto& cols = pt->kind->columns;
    size_t event_col = 0, cit_col = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (std::string_view(cols[i]) == pt->kind->event_date) event_col = i;
      if (std::string_view(cols[i]) == "Citizenship") cit_col = i;
    }
    FactTable& t = pt->table;
    while (reader.Next(&fields)) {
      if (IsBlankRecord(fields)) continue;
      ++tr.read;
      auto quarantine = [&](std::string_view column, std::string_view kind, std::string_view reason) {
        QuarantineRecord(rejects_, &tr, src.name, src.text, reader, column, kind, reason);
      };
      if (reader.unterminated_quote()) {
        quarantine("", "unterminated_quote", "a quote opened and never closed");
        continue;
      }
      if (fields.size() != cols.size()) {
        quarantine("", fields.size() < cols.size() ? "short_row" : "long_row",
                   "has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(cols.size()));
        continue;
      }
      t.NewRow();
      t.SetString(pt->c_file, src.name);
      t.SetInt(pt->c_line, reader.line());
      bool bad = false;
      for (size_t i = 0; i < cols.size() && !bad; ++i) {
        const std::string v = tabular::TrimField(fields[i]);
        if (v.empty()) continue;
        if (IsRedaction(v)) {
          ++tr.flagged["redacted:" + SnakeCase(cols[i])];
          continue;
        }
        if (pt->is_date[i]) {
          const auto d = ParseUsDate(v);
          if (!d) {
            if (i == event_col) {
              bad = true;
              t.DropRow();
              quarantine(cols[i], "bad_date", "not a date M/D/YYYY");
              break;
            }
            ++tr.repaired["bad_date"];
            rejects_->Add(src.name, reader.line(), reader.offset(), cols[i], "bad_date",
                          "not a date M/D/YYYY: stored as null", v);
            continue;
          }
          t.SetDate(pt->cols[i], *d);
          if (i == event_col) {
            t.SetInt(pt->c_fy, title_fy != 0 ? title_fy : base::FiscalYearOf(*d));
            t.SetDate(pt->c_month, base::FirstOfMonth(*d));
          }
        } else {
          t.SetString(pt->cols[i], v);
          if (i == cit_col) MapCountry(&t, pt->c_country, v, &tr);
        }
      }
      if (bad) continue;
      ++tr.loaded;
    }
    tr.physical_lines = reader.line();
    rec.tables.push_back(std::move(tr));
    return Status::Ok();
  }

  // "CountryOfCitizenship,2017,2018" with "MEXICO, 128765, 141045" rows, or "Country of Citizenship,FY 2019,…"
  // with a Total row first.
  Status PublishedTable(const SourceText& src) {
    tabular::DelimitedReader reader(src.text, {',', true});
    std::vector<std::string> header, fields;
    if (!reader.Next(&header) || header.size() < 2 || SnakeCase(header[0]).find("citizenship") == std::string::npos) {
      return Status::InvalidArgument(src.name + ", line 1: not an ICE removals-by-citizenship table (the first "
                                     "column should be the country of citizenship, then one column per fiscal year)");
    }
    std::vector<int> years;
    for (size_t i = 1; i < header.size(); ++i) {
      std::string digits;
      for (char c : header[i]) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
      }
      const int y = digits.size() == 4 ? std::stoi(digits) : 0;
      if (y < 1990 || y > 2100) {
        return Status::InvalidArgument(src.name + ", line 1, column " + std::to_string(i + 1) + ": '" + header[i] +
                                       "' is not a fiscal year (expected 2017 or FY 2017)");
      }
      years.push_back(y);
    }
    ingest::TableReconciliation tr;
    tr.name = "ice.published_removals:" + src.name;
    tr.file = src.name;
    std::map<int, int64_t> total, sum;
    while (reader.Next(&fields)) {
      if (fields.size() == 1 && tabular::TrimField(fields[0]).empty()) continue;
      ++tr.read;
      const std::string name = tabular::TrimField(fields[0]);
      if (fields.size() != header.size()) {
        ++tr.quarantined["short_row"];
        rejects_->Add(src.name, reader.line(), reader.offset(), "", "short_row", "fields differ from the header", name);
        continue;
      }
      const bool is_total = geo::NormalizeName(name) == "TOTAL";
      for (size_t i = 1; i < fields.size(); ++i) {
        std::string v = tabular::TrimField(fields[i]);
        v.erase(std::remove(v.begin(), v.end(), ','), v.end());
        if (v.empty() || v == "-") continue;  // not published for that year
        if (!std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          ++tr.quarantined["bad_count"];
          rejects_->Add(src.name, reader.line(), reader.offset(), header[i], "bad_count", "not a whole number", v);
          continue;
        }
        const int64_t n = std::stoll(v);
        published_.NewRow();
        published_.SetString(c_file_, src.name);
        published_.SetInt(c_line_, reader.line());
        published_.SetInt(c_fy_, years[i - 1]);
        published_.SetString(c_cit_, name);
        if (!is_total) MapCountry(&published_, c_country_, name, &tr);
        published_.SetInt(c_removals_, n);
        published_.SetInt(c_total_, is_total ? 1 : 0);
        (is_total ? total : sum)[years[i - 1]] += n;
      }
      ++tr.loaded;
    }
    for (const auto& [year, t] : total) {
      if (sum[year] != t) {
        rec.schema_notes.push_back(src.name + ": FY" + std::to_string(year) + " Total row says " + std::to_string(t) +
                                   ", the countries sum to " + std::to_string(sum[year]));
      }
    }
    tr.physical_lines = reader.line();
    rec.tables.push_back(std::move(tr));
    return Status::Ok();
  }

  store::SnapshotWriter* writer_;
  RejectsFile* rejects_;
  std::vector<PersonTable> person_;
  FactTable published_{"ice.published_removals"};
  size_t c_file_ = 0, c_line_ = 0, c_fy_ = 0, c_cit_ = 0, c_country_ = 0, c_removals_ = 0, c_total_ = 0;
};

}  // namespace

Result<SourceIngestResult> IngestIce(const SourceIngestOptions& options) {
  std::string id;
  auto writer = BeginSourceSnapshot(options, kIce, &id);
  if (!writer.ok()) return writer.status();
  auto rejects = RejectsFile::Open(writer->temp_dir(), "ice");
  if (!rejects.ok()) return rejects.status();
  IceIngest ingest(&*writer, &*rejects);
  ingest.rec.source = "ice";
  int done = 0;
  for (const auto& path : options.files) {
    if (options.on_file) options.on_file(path.filename().string(), done, static_cast<int>(options.files.size()));
    auto src = ReadSourceText(path);
    if (!src.ok()) return src.status();
    writer->AddSource(src->info);
    IMMSTATS_RETURN_IF_ERROR(ingest.File(*src));
    ++done;
  }
  IMMSTATS_RETURN_IF_ERROR(ingest.Finish());
  return PublishSourceSnapshot(&*writer, options.store.string(), id, std::move(ingest.rec),
                               std::vector<std::string>(ingest.unmapped.begin(), ingest.unmapped.end()));
}

}  // namespace immstats::sources
