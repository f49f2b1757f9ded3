// synth-truth.json against the files: each listed quirk is found at its line, and nothing odd goes unlisted.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "base/civil_date.h"
#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats {
namespace {

using testing::ReadLines;
using testing::SplitTabs;

const testing::GeneratedRelease& Realistic(uint64_t seed) {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = seed;
  o.quirks = SynthOptions::Quirks::kRealistic;
  return testing::CachedRelease("realistic-" + std::to_string(seed), o);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsWholeNumber(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads a release once and answers the per-kind questions the checks ask.
class ReleaseView {
 public:
  explicit ReleaseView(const testing::GeneratedRelease& r) : r_(r) {
    as_of_ = *base::ParseIsoDate(r.truth["as_of"].get<std::string>());
    for (const auto& line : Lines("A_TblCase")) {
      if (&line == &Lines("A_TblCase")[0]) continue;
      const auto f = SplitTabs(line);
      cases_.insert(f[0]);
      if (f.size() > 12) case_type_[f[0]] = f[12];
    }
    for (const char* file : {"tblLookupNationality.csv", "tblLookupCaseType.csv", "tblLookUp_Appln.csv",
                             "tblLookupCourtAppDecisions.csv", "tblLookupJudge.csv"}) {
      const auto lines = ReadLines(r.dir / "Lookup" / file);
      for (size_t i = 1; i < lines.size(); ++i) {
        const auto f = SplitTabs(lines[i]);
        lookup_[file].insert(f[0]);
        if (std::string(file) == "tblLookupJudge.csv") judge_names_[f[1]].insert(f[0]);
      }
    }
  }

  const std::vector<std::string>& Lines(const std::string& table) {
    auto it = lines_.find(table);
    if (it == lines_.end()) it = lines_.emplace(table, ReadLines(r_.dir / (table + ".csv"))).first;
    return it->second;
  }
  size_t Width(const std::string& table) { return SplitTabs(Lines(table)[0]).size(); }
  int ColumnIndex(const std::string& table, const std::string& column) {
    const auto header = SplitTabs(Lines(table)[0]);
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == column) return static_cast<int>(i);
    }
    return -1;
  }
  bool HasCase(const std::string& id) const { return cases_.count(id) != 0; }
  std::optional<std::string> CaseType(const std::string& id) const {
    auto it = case_type_.find(id);
    if (it == case_type_.end()) return std::nullopt;
    return it->second;
  }
  const std::set<std::string>& Lookup(const std::string& file) { return lookup_[file]; }
  bool IsJudgeAlias(const std::string& code) const {
    for (const auto& [name, codes] : judge_names_) {
      if (codes.count(code) != 0 && codes.size() > 1) return true;
    }
    return false;
  }
  int32_t as_of() const { return as_of_; }

 private:
  const testing::GeneratedRelease& r_;
  std::map<std::string, std::vector<std::string>> lines_;
  std::set<std::string> cases_;
  std::map<std::string, std::string> case_type_;
  std::map<std::string, std::set<std::string>> lookup_;
  std::map<std::string, std::set<std::string>> judge_names_;
  int32_t as_of_ = 0;
};

const std::set<std::string> kStructural = {"embedded_tab", "extra_empty_fields", "hidden_shift", "short_row",
                                           "split_line"};

// Returns an empty string when the quirk shows at its place, else what was found instead.
std::string CheckQuirk(ReleaseView& v, const std::string& table, int64_t line, const std::string& kind,
                       const std::string& column) {
  const auto& lines = v.Lines(table);
  if (line < 1 || line > static_cast<int64_t>(lines.size())) return "line out of range";
  const std::string& text = lines[static_cast<size_t>(line - 1)];
  const auto f = SplitTabs(text);
  const size_t width = v.Width(table);
  const int col = column.empty() ? -1 : v.ColumnIndex(table, column);
  const std::string field = col >= 0 && static_cast<size_t>(col) < f.size() ? f[static_cast<size_t>(col)] : "";
  auto fail = [&](const std::string& why) { return why + " [" + text.substr(0, 160) + "]"; };

  if (kind == "embedded_tab") return f.size() == width + 1 ? "" : fail("expected one extra field");
  if (kind == "extra_empty_fields") {
    if (f.size() <= width) return fail("no extra field");
    for (size_t i = width; i < f.size(); ++i) {
      if (!f[i].empty()) return fail("extra field not empty");
    }
    return "";
  }
  if (kind == "hidden_shift") return f.size() == width && f.back().empty() ? "" : fail("not a shifted row");
  if (kind == "short_row") {
    if (f.size() >= width) return fail("not short");
    const auto next = static_cast<size_t>(line) < lines.size() ? SplitTabs(lines[static_cast<size_t>(line)])
                                                                : std::vector<std::string>{"0"};
    return IsWholeNumber(next[0]) ? "" : fail("next line does not start a row");
  }
  if (kind == "split_line") {
    if (static_cast<size_t>(line) >= lines.size()) return fail("no continuation line");
    const auto next = SplitTabs(lines[static_cast<size_t>(line)]);
    return f.size() + next.size() - 1 == width ? "" : fail("the two lines do not make one row");
  }
  if (kind == "cp1252_byte") {
    return std::any_of(field.begin(), field.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })
               ? "" : fail("no high byte in " + column);
  }
  if (kind == "nul_byte") return field.find('\0') != std::string::npos ? "" : fail("no NUL in " + column);
  if (kind == "null_token") {
    static const std::set<std::string> kTokens = {"N/A", "b6", "00", "0000"};
    return kTokens.count(field) != 0 ? "" : fail("not a null token: " + field);
  }
  if (kind == "bad_date") {
    const auto d = field.size() >= 10 ? base::ParseIsoDate(field.substr(0, 10)) : std::nullopt;
    const bool in_window = d && *d >= base::DaysFromCivil(1950, 1, 1) && *d <= v.as_of() + 730;
    return !in_window ? "" : fail("a valid date: " + field);
  }
  if (kind == "hhmm_12h") {
    return field.size() == 4 && IsWholeNumber(field) && std::stoi(field) < 600 ? "" : fail("not a 12-hour time: " + field);
  }
  if (kind == "hhmm_zero") return field == "0" || field == "0000" ? "" : fail("not a zero time: " + field);
  if (kind == "duplicate_pk") {
    for (int back = 1; back <= 3 && line - 1 - back >= 1; ++back) {
      if (SplitTabs(lines[static_cast<size_t>(line - 1 - back)])[0] == f[0]) return "";
    }
    return fail("no earlier row with key " + f[0]);
  }
  if (kind == "orphan") return !v.HasCase(field) ? "" : fail("case " + field + " exists");
  if (kind == "na_code") return field == "NA" ? "" : fail("not NA: " + field);
  if (kind == "case_variant") {
    static const std::set<std::string> kParents = {"A_TblCase", "B_TblProceeding", "tblAppeal"};
    static const std::set<std::string> kMedia = {"P", "V", "T", "H", "A", "C"};
    const auto& canon = column == "PARENT_TABLE" ? kParents
                        : column == "ADJ_MEDIUM" ? kMedia
                                                 : v.Lookup("tblLookUp_Appln.csv");
    if (canon.count(field) != 0) return fail("canonical spelling: " + field);
    for (const auto& c : canon) {
      if (Lower(c) == Lower(field)) return "";
    }
    return fail("no code matches case-insensitively: " + field);
  }
  if (kind == "unknown_code") {
    std::set<std::string> known;
    if (column == "NAT") known = v.Lookup("tblLookupNationality.csv");
    else if (column == "CASE_TYPE") known = v.Lookup("tblLookupCaseType.csv");
    else if (column == "APPL_DEC") known = v.Lookup("tblLookupCourtAppDecisions.csv");
    else if (column == "Sex") known = {"M", "F"};
    else if (column == "C_ASY_TYPE") known = {"I", "E"};
    else if (column == "APPL_CODE") {
      for (const auto& c : v.Lookup("tblLookUp_Appln.csv")) known.insert(Lower(c));
      return known.count(Lower(field)) == 0 ? "" : fail("a known code: " + field);
    } else {
      return fail("unexpected column " + column);
    }
    return !field.empty() && known.count(field) == 0 ? "" : fail("a known code: " + field);
  }
  if (kind == "column_alias") return line == 1 && col >= 0 ? "" : fail("column " + column + " not in the header");
  if (kind == "mixed_case_type") {
    const auto first = v.CaseType(f[1]);
    return v.Lookup("tblLookupCaseType.csv").count(field) != 0 && (!first || *first != field)
               ? "" : fail("same case type as the case: " + field);
  }
  if (kind == "judge_alias") return v.IsJudgeAlias(field) ? "" : fail("not a second code: " + field);
  if (kind == "pseudo_judge") {
    static const std::set<std::string> kPseudo = {"AAA", "MCA", "VID", "FIJ", "CLK"};
    return kPseudo.count(field) != 0 ? "" : fail("not a pseudo-judge: " + field);
  }
  if (kind == "pseudo_court") {
    static const std::set<std::string> kPseudo = {"BIA", "CIJ", "HDQ", "RIC", "OIT", "OIN"};
    return kPseudo.count(field) != 0 ? "" : fail("not a pseudo court: " + field);
  }
  if (kind == "defunct_nat") {
    static const std::set<std::string> kDefunct = {"UR", "YO", "YS", "CZ", "GC", "CB", "CG", "BS", "HL",
                                                   "UV", "DM", "SC", "??", "UN", "NN", "SS", "XX", "IU"};
    return kDefunct.count(field) != 0 ? "" : fail("not a defunct code: " + field);
  }
  if (kind == "zip_format") {
    const bool five_digits = field.size() == 5 && IsWholeNumber(field);
    return !five_digits ? "" : fail("a clean ZIP: " + field);
  }
  return "unknown kind " + kind;
}

void CheckRelease(const testing::GeneratedRelease& r) {
  ReleaseView v(r);
  const auto& truth = r.truth;
  // Structurally damaged lines: field-level checks on them are skipped (their columns have moved).
  std::map<std::string, std::set<int64_t>> damaged;
  std::map<std::string, int64_t> counted;
  for (const auto& q : truth["quirks"]) {
    const std::string kind = q["kind"];
    if (kStructural.count(kind) != 0) damaged[q["table"]].insert(q["line"].get<int64_t>());
    counted[kind] += 1;
  }
  int64_t skipped = 0, checked = 0;
  for (const auto& q : truth["quirks"]) {
    const std::string table = q["table"], kind = q["kind"];
    const std::string column = q["column"].is_null() ? "" : q["column"].get<std::string>();
    const int64_t line = q["line"];
    if (kStructural.count(kind) == 0 && kind != "duplicate_pk" && damaged[table].count(line) != 0) {
      ++skipped;
      continue;
    }
    const std::string problem = CheckQuirk(v, table, line, kind, column);
    ASSERT_EQ(problem, "") << table << " line " << line << " " << kind << " " << column;
    ++checked;
  }
  EXPECT_LT(skipped * 50, checked) << "too many quirks on damaged rows to check";
  for (const auto& lq : truth["lookup_quirks"]) counted[lq["kind"]] += 1;
  for (const auto& [kind, n] : truth["quirk_counts"].items()) {
    EXPECT_EQ(counted[kind], n.get<int64_t>()) << kind;
  }

  // Completeness: every odd line in the files is listed.
  for (const auto& [table, info] : truth["tables"].items()) {
    const auto& lines = v.Lines(table);
    EXPECT_EQ(static_cast<int64_t>(lines.size()) - 1, info["lines"].get<int64_t>()) << table;
    const size_t width = v.Width(table);
    std::set<int64_t> listed, nul_listed, high_listed, continuation;
    for (const auto& q : truth["quirks"]) {
      if (q["table"] != table) continue;
      const int64_t line = q["line"];
      if (q["kind"] == "split_line") continuation.insert(line + 1);
      if (kStructural.count(q["kind"]) != 0) listed.insert(line);
      if (q["kind"] == "nul_byte") nul_listed.insert(line);
      if (q["kind"] == "cp1252_byte") high_listed.insert(line);
      if (q["kind"] == "duplicate_pk") listed.insert(line);
    }
    std::string prev_key;
    for (size_t i = 1; i < lines.size(); ++i) {
      const int64_t line = static_cast<int64_t>(i) + 1;
      const auto f = SplitTabs(lines[i]);
      if (continuation.count(line) != 0) continue;
      if (f.size() != width) {
        EXPECT_EQ(listed.count(line), 1u) << table << " line " << line << " has " << f.size() << " fields, unlisted";
      }
      if (lines[i].find('\0') != std::string::npos) {
        EXPECT_EQ(nul_listed.count(line), 1u) << table << " line " << line << " NUL unlisted";
      }
      if (std::any_of(lines[i].begin(), lines[i].end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        EXPECT_EQ(high_listed.count(line), 1u) << table << " line " << line << " high byte unlisted";
      }
      if (f[0] == prev_key) {
        EXPECT_EQ(listed.count(line), 1u) << table << " line " << line << " repeats a key";
      }
      prev_key = f[0];
    }
  }
  for (const auto& lq : truth["lookup_quirks"]) {
    const auto lines = ReadLines(r.dir / lq["file"].get<std::string>());
    const auto& text = lines.at(lq["line"].get<size_t>() - 1);
    if (lq["kind"] == "nul_byte") {
      EXPECT_NE(text.find('\0'), std::string::npos);
    }
    if (lq["kind"] == "cp1252_byte") {
      EXPECT_TRUE(std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    }
  }
}

TEST(Truth, EveryInjectedQuirkIsAtItsLineSeed12) { CheckRelease(Realistic(12)); }
TEST(Truth, EveryInjectedQuirkIsAtItsLineSeed13) { CheckRelease(Realistic(13)); }

TEST(Truth, RealisticReleasesShowEveryFileLevelKind) {
  std::map<std::string, int64_t> n;
  for (uint64_t seed : {12, 13}) {
    for (const auto& [k, v] : Realistic(seed).truth["quirk_counts"].items()) n[k] += v.get<int64_t>();
  }
  for (const char* kind : {"cp1252_byte", "nul_byte", "embedded_tab", "extra_empty_fields", "hidden_shift",
                           "short_row", "split_line", "null_token", "bad_date", "hhmm_12h", "hhmm_zero",
                           "duplicate_pk", "orphan", "na_code", "case_variant", "unknown_code", "column_alias",
                           "judge_alias", "pseudo_judge", "pseudo_court", "defunct_nat", "zip_format"}) {
    EXPECT_GT(n[kind], 0) << kind;
  }
}

TEST(Truth, CleanReleaseListsNothing) {
  SynthOptions o;
  o.scale = 0.0005;
  o.seed = 12;
  o.quirks = SynthOptions::Quirks::kNone;
  o.as_of = "2025-06-01";  // before 2026: no Sex alias either
  const auto& r = testing::CachedRelease("clean-2025", o);
  EXPECT_TRUE(r.truth["quirks"].empty());
  EXPECT_TRUE(r.truth["lookup_quirks"].empty());
  EXPECT_TRUE(r.truth["quirk_counts"].empty());
  EXPECT_EQ(testing::HeaderOf(r, "A_TblCase")[30], "GENDER");
}

TEST(Truth, TablesSectionMatchesCountTxt) {
  const auto& r = Realistic(12);
  for (const auto& line : ReadLines(r.dir / "Count.txt")) {
    const auto f = SplitTabs(line);
    EXPECT_EQ(r.truth["tables"][f[0]]["rows"].get<int64_t>(), std::stoll(f[1])) << f[0];
    EXPECT_EQ(r.truth["tables"][f[0]]["count_txt"].get<int64_t>(), std::stoll(f[1])) << f[0];
  }
}

}  // namespace
}  // namespace immstats
