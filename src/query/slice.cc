// Filters, windows and groupings shared by asylum, backlog and wait-time queries.
#include "query/slice.h"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "base/ascii.h"
#include "base/civil_date.h"

namespace immstats::query {

using base::AsciiLower;

Result<Dim> ParseDim(const std::string& name) {
  const std::string n = AsciiLower(name);
  if (n == "nationality" || n == "nat") return Dim::kNationality;
  if (n == "court" || n == "base-city") return Dim::kCourt;
  if (n == "judge") return Dim::kJudge;
  if (n == "hearing-location" || n == "hearing_location") return Dim::kHearingLocation;
  if (n == "fy") return Dim::kFy;
  if (n == "month") return Dim::kMonth;
  if (n == "custody") return Dim::kCustody;
  if (n == "represented") return Dim::kRepresented;
  if (n == "asylum-type" || n == "asylum_type") return Dim::kAsylumType;
  if (n == "case-type" || n == "case_type") return Dim::kCaseType;
  return Status::InvalidArgument("cannot group by '" + name +
                                 "': use nationality, court, judge, hearing-location, fy, month, custody, represented, "
                                 "asylum-type or case-type");
}

const char* DimName(Dim d) {
  switch (d) {
    case Dim::kNationality: return "nationality";
    case Dim::kCourt: return "court";
    case Dim::kJudge: return "judge";
    case Dim::kHearingLocation: return "hearing_location";
    case Dim::kFy: return "fy";
    case Dim::kMonth: return "month";
    case Dim::kCustody: return "custody";
    case Dim::kRepresented: return "represented";
    case Dim::kAsylumType: return "asylum_type";
    case Dim::kCaseType: return "case_type";
  }
  return "dim";
}

std::string Window::Describe() const {
  if (!from && !to) return "all dates";
  return (from ? base::FormatIsoDate(*from) : std::string("the first record")) + " to " +
         (to ? base::FormatIsoDate(*to) : std::string("the last record")) + ", inclusive";
}

nlohmann::ordered_json Filters::Json() const {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!nationalities.empty()) j["nationality"] = nationalities;
  if (!courts.empty()) j["court"] = courts;
  if (!judges.empty()) j["judge"] = judges;
  if (!hearing_locations.empty()) j["hearing_location"] = hearing_locations;
  if (!case_types.empty()) j["case_type"] = case_types;
  if (!custody.empty()) j["custody"] = custody;
  if (represented) j["represented"] = *represented;
  if (!asylum_type.empty()) j["asylum_type"] = asylum_type == "I" ? "affirmative" : "defensive";
  if (!judge_aliases.empty()) j["judge_aliases"] = judge_aliases;
  return j;
}

Status CodeColumn::Load(const store::TableReader& t, const std::string& column, uint64_t begin, uint64_t end,
                        const std::vector<std::string>& allowed, const std::map<std::string, std::string>* aliases) {
  IMMSTATS_RETURN_IF_ERROR(t.ReadStrings(column, &col_, begin, end));
  if (aliases != nullptr && !aliases->empty()) {
    // Rename, then merge equal values into one dictionary entry.
    std::map<std::string, uint32_t> merged;
    std::vector<std::string> dict;
    std::vector<uint32_t> remap(col_.dict.size());
    for (size_t d = 0; d < col_.dict.size(); ++d) {
      auto a = aliases->find(col_.dict[d]);
      const std::string& v = a == aliases->end() ? col_.dict[d] : a->second;
      auto [it, fresh] = merged.emplace(v, static_cast<uint32_t>(dict.size()));
      if (fresh) dict.push_back(v);
      remap[d] = it->second;
    }
    for (auto& c : col_.codes) {
      if (c != store::kNullCode) c = remap[c];
    }
    col_.dict = std::move(dict);
  }
  allow_.clear();
  if (!allowed.empty()) {
    allow_.assign(col_.dict.size(), 0);
    for (size_t d = 0; d < col_.dict.size(); ++d) {
      allow_[d] = std::find(allowed.begin(), allowed.end(), col_.dict[d]) != allowed.end();
    }
  }
  loaded_ = true;
  return Status::Ok();
}

void AppendDimColumns(const std::vector<Dim>& by, std::vector<std::string>* columns, std::vector<std::string>* shown) {
  for (Dim d : by) {
    const std::string n = DimName(d);
    columns->push_back(n);
    shown->push_back(n);
    if (d == Dim::kNationality || d == Dim::kCourt || d == Dim::kJudge || d == Dim::kHearingLocation ||
        d == Dim::kCaseType) {
      columns->push_back(n + "_name");
      shown->push_back(n + "_name");
    }
  }
}

Result<Filters> ResolveFilters(const Names& names, const TypedFilters& typed) {
  Filters f;
  auto resolve = [&](CodeKind kind, const std::vector<std::string>& in, std::vector<std::string>* out) -> Status {
    for (const auto& item : in) {
      if (AsciiLower(item) == "all") continue;
      auto codes = names.Resolve(kind, item);
      if (!codes.ok()) return codes.status();
      out->insert(out->end(), codes->begin(), codes->end());
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return Status::Ok();
  };
  IMMSTATS_RETURN_IF_ERROR(resolve(CodeKind::kNationality, typed.nationalities, &f.nationalities));
  IMMSTATS_RETURN_IF_ERROR(resolve(CodeKind::kCourt, typed.courts, &f.courts));
  IMMSTATS_RETURN_IF_ERROR(resolve(CodeKind::kJudge, typed.judges, &f.judges));
  IMMSTATS_RETURN_IF_ERROR(resolve(CodeKind::kHearingLocation, typed.hearing_locations, &f.hearing_locations));
  IMMSTATS_RETURN_IF_ERROR(resolve(CodeKind::kCaseType, typed.case_types, &f.case_types));
  if (!typed.judge_aliases_file.empty()) {
    std::ifstream in(typed.judge_aliases_file);
    if (!in) {
      return Status::NotFound("cannot read --judge-aliases " + typed.judge_aliases_file +
                              ": give a TSV file of lines 'ALIAS<TAB>CANONICAL' (judge codes)");
    }
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
        return Status::InvalidArgument(typed.judge_aliases_file + " line " + std::to_string(n) +
                                       ": expected 'ALIAS<TAB>CANONICAL' (two judge codes)");
      }
      f.judge_aliases[line.substr(0, tab)] = line.substr(tab + 1);
    }
    for (auto& j : f.judges) {  // a filter on an alias means its canonical judge
      if (auto it = f.judge_aliases.find(j); it != f.judge_aliases.end()) j = it->second;
    }
  }
  if (!typed.custody.empty()) {
    std::string c = typed.custody;
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c != "D" && c != "R" && c != "N") {
      return Status::InvalidArgument("--custody takes D (detained), R (released) or N (never detained), not '" +
                                     typed.custody + "'");
    }
    f.custody = c;
  }
  if (!typed.represented.empty()) {
    const std::string r = AsciiLower(typed.represented);
    if (r != "yes" && r != "no") return Status::InvalidArgument("--represented takes yes or no, not '" + typed.represented + "'");
    f.represented = r == "yes";
  }
  if (!typed.asylum_type.empty()) {
    const std::string a = AsciiLower(typed.asylum_type);
    if (a != "affirmative" && a != "defensive") {
      return Status::InvalidArgument("--asylum-type takes affirmative or defensive, not '" + typed.asylum_type + "'");
    }
    f.asylum_type = a == "affirmative" ? "I" : "E";
  }
  return f;
}

Result<int32_t> ParseWindowDate(const std::string& text, bool end) {
  if (auto d = base::ParseIsoDate(text)) return *d;
  int y = 0, m = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &extra) == 2 && m >= 1 && m <= 12 && y >= 1900) {
    if (!end) return base::DaysFromCivil(y, m, 1);
    return base::DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
  }
  return Status::InvalidArgument("'" + text + "' is not a date: write YYYY-MM-DD, or YYYY-MM for a whole month");
}

Result<Window> MakeWindow(const std::string& from, const std::string& to, int fy, const std::string& month) {
  const int ways = (!from.empty() || !to.empty()) + (fy != 0) + !month.empty();
  if (ways > 1) return Status::InvalidArgument("give the window one way: --from/--to, or --fy, or --month");
  Window w;
  if (fy != 0) {
    if (fy < 1950 || fy > 2200) return Status::InvalidArgument("--fy takes a fiscal year such as 2024 (Oct 2023 - Sep 2024)");
    w.from = base::FiscalYearStart(fy);
    w.to = base::FiscalYearStart(fy + 1) - 1;
  } else if (!month.empty()) {
    auto a = ParseWindowDate(month, false), b = ParseWindowDate(month, true);
    if (!a.ok()) return a.status();
    if (!b.ok()) return b.status();
    w.from = *a;
    w.to = *b;
  } else {
    if (!from.empty()) {
      auto a = ParseWindowDate(from, false);
      if (!a.ok()) return a.status();
      w.from = *a;
    }
    if (!to.empty()) {
      auto b = ParseWindowDate(to, true);
      if (!b.ok()) return b.status();
      w.to = *b;
    }
  }
  if (w.from && w.to && *w.from > *w.to) {
    return Status::InvalidArgument("the window is empty: --from " + base::FormatIsoDate(*w.from) + " is after --to " +
                                   base::FormatIsoDate(*w.to));
  }
  return w;
}

}  // namespace immstats::query
