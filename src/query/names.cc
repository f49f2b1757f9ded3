// Names: lookup tables of the snapshot decoded into code -> display name maps.
#include "query/names.h"

#include <algorithm>
#include <cctype>

#include "store/table_reader.h"

namespace immstats::query {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Title(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
    start = !std::isalpha(u) && c != '\'';
  }
  return out;
}

// Reads lookup.<table> columns as strings, row by row.
Result<std::vector<std::vector<std::string>>> ReadLookup(const store::SnapshotInfo& snap, const std::string& table,
                                                         const std::vector<std::string>& columns) {
  std::vector<std::vector<std::string>> rows;
  auto t = store::TableReader::Open(snap, "lookup." + table);
  if (!t.ok()) return rows;  // a release without this lookup: every code shows as UNKNOWN(code)
  std::vector<store::StringColumn> cols(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!t->Has(columns[c])) {
      cols[c].codes.assign(t->rows(), store::kNullCode);
      continue;
    }
    IMMSTATS_RETURN_IF_ERROR(t->ReadStrings(columns[c], &cols[c]));
  }
  for (size_t r = 0; r < t->rows(); ++r) {
    std::vector<std::string> row;
    for (const auto& c : cols) row.emplace_back(c.At(r));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

const char* CodeKindName(CodeKind k) {
  switch (k) {
    case CodeKind::kNationality: return "nationality";
    case CodeKind::kCourt: return "court";
    case CodeKind::kJudge: return "judge";
    case CodeKind::kHearingLocation: return "hearing location";
    case CodeKind::kCaseType: return "case type";
    case CodeKind::kCustody: return "custody";
    case CodeKind::kAsylumType: return "asylum type";
  }
  return "code";
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::toupper(static_cast<unsigned char>(a[i - 1])) == std::toupper(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

Result<Names> Names::Load(const store::SnapshotInfo& snap) {
  Names n;
  auto add = [&](CodeKind kind, const std::string& table, const std::vector<std::string>& columns,
                 auto make) -> Status {
    auto rows = ReadLookup(snap, table, columns);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      if (r[0].empty()) continue;
      n.codes_[kind].emplace(r[0], make(r));
    }
    return Status::Ok();
  };
  IMMSTATS_RETURN_IF_ERROR(add(CodeKind::kNationality, "tblLookupNationality", {"NAT_CODE", "NAT_NAME", "NAT_COUNTRY_NAME"},
                               [](const auto& r) { return Entry{Title(r[1]), {r[2]}}; }));
  IMMSTATS_RETURN_IF_ERROR(add(CodeKind::kCourt, "tblLookupBaseCity", {"BASE_CITY_CODE", "BASE_CITY", "BASE_STATE"},
                               [](const auto& r) {
                                 return Entry{Title(r[1]) + (r[2].empty() ? "" : ", " + r[2]), {r[1]}};
                               }));
  IMMSTATS_RETURN_IF_ERROR(add(CodeKind::kJudge, "tblLookupJudge", {"JUDGE_CODE", "JUDGE_NAME"},
                               [](const auto& r) { return Entry{r[1], {}}; }));
  IMMSTATS_RETURN_IF_ERROR(add(CodeKind::kHearingLocation, "tblLookupHloc", {"HEARING_LOC_CODE", "HEARING_LOC_NAME"},
                               [](const auto& r) { return Entry{Title(r[1]), {}}; }));
  IMMSTATS_RETURN_IF_ERROR(add(CodeKind::kCaseType, "tblLookupCaseType", {"strCode", "strDescription"},
                               [](const auto& r) { return Entry{r[1], {}}; }));
  n.codes_[CodeKind::kCustody] = {{"D", {"Detained", {}}}, {"R", {"Released", {}}}, {"N", {"Never detained", {}}}};
  n.codes_[CodeKind::kAsylumType] = {{"I", {"Affirmative", {"AFFIRMATIVE"}}}, {"E", {"Defensive", {"DEFENSIVE"}}}};
  return n;
}

std::string Names::Name(CodeKind kind, std::string_view code) const {
  if (code.empty()) return "";
  auto k = codes_.find(kind);
  if (k != codes_.end()) {
    auto it = k->second.find(std::string(code));
    if (it != k->second.end() && !it->second.name.empty()) return it->second.name;
  }
  return "UNKNOWN(" + std::string(code) + ")";
}

bool Names::Known(CodeKind kind, std::string_view code) const {
  auto k = codes_.find(kind);
  return k != codes_.end() && k->second.count(std::string(code)) != 0;
}

std::vector<std::pair<std::string, std::string>> Names::List(CodeKind kind) const {
  std::vector<std::pair<std::string, std::string>> out;
  const auto it = codes_.find(kind);
  if (it == codes_.end()) return out;
  for (const auto& [code, entry] : it->second) out.emplace_back(code, entry.name);
  return out;
}

bool Names::IsPseudo(CodeKind kind, std::string_view code) const {
  if (kind == CodeKind::kCourt) {
    return code == "BIA" || code == "CIJ" || code == "HDQ" || code == "OIT" || code == "OIN" || code == "RIC";
  }
  if (kind == CodeKind::kJudge) return Known(kind, code) && IsPseudoJudgeName(Name(kind, code));
  return false;
}

bool IsPseudoJudgeName(std::string_view name) {
  const std::string u = Upper(name);
  if (u.find('<') != std::string::npos || u.find("TEST") != std::string::npos) return true;
  if (u.find(',') != std::string::npos) return false;  // "Last, First", visiting judges included
  // Without a comma: EOIR's placeholders ("Visiting Judge 12", "Status Docket", "Master Calendar 1", "York 2"),
  // unless it reads like a name written without its comma ("Petty Aaron R.").
  for (const char* word : {"JUDGE", "DOCKET", "CALENDAR", "TRAINING", "NEW IJ", "IJ NAME", "CLERICAL", "FORMER", "/"}) {
    if (u.find(word) != std::string::npos) return true;
  }
  return std::any_of(u.begin(), u.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

Result<std::vector<std::string>> Names::Resolve(CodeKind kind, std::string_view typed) const {
  const std::string want = Upper(typed);
  std::vector<std::string> out;
  auto k = codes_.find(kind);
  if (k == codes_.end()) return out;
  for (const auto& [code, e] : k->second) {  // an exact code first (case matters only when it must: "NA" is a code)
    if (code == typed) return std::vector<std::string>{code};
  }
  for (const auto& [code, e] : k->second) {
    bool hit = Upper(code) == want || Upper(e.name) == want;
    for (const auto& a : e.aliases) hit = hit || (!a.empty() && Upper(a) == want);
    if (hit) out.push_back(code);
  }
  if (!out.empty()) return out;
  // Nothing matched: suggest the closest names.
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& [code, e] : k->second) {
    size_t d = EditDistance(want, Upper(e.name));
    if (Upper(e.name).find(want) != std::string::npos && want.size() >= 3) d = 0;
    scored.emplace_back(d, e.name + " (" + code + ")");
  }
  std::sort(scored.begin(), scored.end());
  std::string hint;
  for (size_t i = 0; i < std::min<size_t>(5, scored.size()); ++i) hint += (i ? ", " : "") + scored[i].second;
  return Status::NotFound("no " + std::string(CodeKindName(kind)) + " '" + std::string(typed) +
                          "' in this release's lookups; closest: " + hint +
                          ". Give a code or a name as listed (case does not matter).");
}

}  // namespace immstats::query
