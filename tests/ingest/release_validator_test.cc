// ValidateEoirRelease against synth-truth.json: every repaired, quarantined or flagged row, line by line.
#include "ingest/release_validator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "eoir/schema.h"
#include "base/file_util.h"
#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats::ingest {
namespace {

using Key = std::tuple<std::string, int64_t, std::string>;  // table, line, kind

const std::set<std::string> kWholeRow = {"embedded_tab", "extra_empty_fields", "hidden_shift", "short_row",
                                         "split_line", "duplicate_pk", "orphan", "nul_byte"};

void ExpectMatchesTruth(const testing::GeneratedRelease& r, const std::filesystem::path& input) {
  std::map<Key, int> got;
  ValidateOptions o;
  o.path = input;
  testing::ScratchDir rejects("rejects");
  o.rejects_dir = rejects.path();
  o.on_event = [&](const RowEvent& e) { got[{std::string(e.table), e.line, std::string(e.kind)}] += 1; };
  auto rec = ValidateEoirRelease(o);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();

  // Lines whose fields were cut or slid: field-level findings there are not comparable.
  std::set<std::pair<std::string, int64_t>> damaged;
  for (const auto& q : r.truth["quirks"]) {
    if (q["kind"] == "short_row" || q["kind"] == "hidden_shift") {
      damaged.insert({q["table"].get<std::string>(), q["line"].get<int64_t>()});
    }
  }
  std::map<Key, int> expected;
  for (const auto& q : r.truth["quirks"]) {
    const std::string kind = q["kind"];
    const std::string expect = r.truth["kinds"][kind]["expect"];
    if (expect != "repaired" && expect != "quarantined" && expect != "flagged") continue;
    const std::string table = q["table"];
    const int64_t line = q["line"];
    if (kWholeRow.count(kind) == 0 && damaged.count({table, line}) != 0) continue;
    expected[{table, line, kind}] += 1;
  }
  for (auto it = got.begin(); it != got.end();) {
    const auto& [table, line, kind] = it->first;
    if (kWholeRow.count(kind) == 0 && damaged.count({table, line}) != 0) it = got.erase(it); else ++it;
  }
  // Report the first differences in both directions.
  int shown = 0;
  for (const auto& [k, n] : expected) {
    if (got[k] != n && shown++ < 10) {
      ADD_FAILURE() << "truth has " << std::get<0>(k) << " line " << std::get<1>(k) << " " << std::get<2>(k) << " x" << n
                    << ", validator x" << got[k];
    }
  }
  for (const auto& [k, n] : got) {
    if (n > 0 && expected.count(k) == 0 && shown++ < 20) {
      ADD_FAILURE() << "validator reports " << std::get<0>(k) << " line " << std::get<1>(k) << " " << std::get<2>(k)
                    << " that the truth does not list";
    }
  }

  int64_t quarantined_rows = 0;
  for (const auto& t : rec->tables) {
    const auto& truth_table = r.truth["tables"][t.name];
    EXPECT_EQ(t.read, truth_table["rows"].get<int64_t>()) << t.name;
    EXPECT_EQ(t.physical_lines, truth_table["lines"].get<int64_t>()) << t.name;
    ASSERT_TRUE(t.count_txt.has_value()) << t.name;
    EXPECT_EQ(*t.count_txt, t.read) << t.name;
    int64_t q = 0;
    for (const auto& [kind, n] : t.quarantined) q += n;
    EXPECT_EQ(t.loaded + q, t.read) << t.name;
    quarantined_rows += q;
    // Each table's rejects file holds exactly its quarantined rows.
    const auto lines = testing::ReadLines(rejects.path() / (t.name + ".rejects.tsv"));
    ASSERT_FALSE(lines.empty()) << t.name;
    EXPECT_EQ(lines[0], "file\tline\tbyte_offset\tcolumn\tkind\treason\traw");
    EXPECT_EQ(static_cast<int64_t>(lines.size()) - 1, q) << t.name;
  }
  EXPECT_EQ(rec->tables.size(), r.truth["tables"].size());
  EXPECT_TRUE(rec->missing_tables.empty());
  EXPECT_GT(quarantined_rows, 0);
}

const testing::GeneratedRelease& Realistic(uint64_t seed, SynthOptions::Zip zip = SynthOptions::Zip::kNone) {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = seed;
  o.zip = zip;
  return testing::CachedRelease("realistic-" + std::to_string(seed) + (zip == SynthOptions::Zip::kNone ? "" : "-zip"), o);
}

TEST(Validator, MatchesTheTruthFileSeed12Folder) {
  const auto& r = Realistic(12);
  ExpectMatchesTruth(r, r.dir.parent_path());  // the output folder: tables are found by header, not by name
}

TEST(Validator, MatchesTheTruthFileSeed13Folder) {
  const auto& r = Realistic(13);
  ExpectMatchesTruth(r, r.dir);
}

TEST(Validator, MatchesTheTruthFileFromTheDeflate64Zip) {
  const auto& r = Realistic(15, SynthOptions::Zip::kDeflate64);
  ExpectMatchesTruth(r, r.summary.zip_path);
}

TEST(Validator, AllTablesReleaseIncludingZeroBonds) {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = 16;
  o.tables = SynthOptions::Tables::kAll;
  const auto& r = testing::CachedRelease("validator-all", o);
  ExpectMatchesTruth(r, r.dir);
}

TEST(Validator, CleanReleaseHasNothingToRepair) {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = 11;
  o.quirks = SynthOptions::Quirks::kNone;
  o.top_folder = "EOIR Case Data";
  const auto& r = testing::CachedRelease("clean", o);
  ValidateOptions v;
  v.path = r.dir;
  int events = 0;
  v.on_event = [&](const RowEvent&) { ++events; };
  auto rec = ValidateEoirRelease(v);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_EQ(events, 0);
  for (const auto& t : rec->tables) EXPECT_EQ(t.loaded, t.read) << t.name;
  ASSERT_EQ(rec->schema_notes.size(), 1u);
  EXPECT_NE(rec->schema_notes[0].find("Sex read as GENDER"), std::string::npos) << rec->schema_notes[0];
}

// A child table read beside A_TblCase names cases A_TblCase has not reached yet: they are not orphans; the one
// case that is nowhere is, at its line. (The child is tiny and A_TblCase long, so the child's rows are read
// before their cases and checked again at the end; the outcome must not depend on that timing.)
TEST(Validator, ChildRowsReadBeforeTheirCasesAreNotOrphans) {
  testing::ScratchDir dir("beside");
  auto header = [](std::string_view table) {
    std::string h;
    for (const auto& c : eoir::FindTable(table)->columns) h += (h.empty() ? "" : "\t") + std::string(c);
    return h + "\n";
  };
  auto empty_fields = [](std::string_view table) { return std::string(eoir::FindTable(table)->columns.size() - 1, '\t'); };
  constexpr int kCases = 200000;
  std::string cases = header("A_TblCase");
  for (int i = 1; i <= kCases; ++i) cases += std::to_string(i) + empty_fields("A_TblCase") + "\n";
  const auto& proc = *eoir::FindTable("B_TblProceeding");
  ASSERT_EQ(eoir::ColumnIndex(proc, "IDNCASE"), 1);
  std::string procs = header("B_TblProceeding");
  const std::string rest(proc.columns.size() - 2, '\t');
  for (int k = 1; k <= 50; ++k) procs += std::to_string(k) + "\t" + std::to_string(kCases + 1 - k) + rest + "\n";
  procs += "51\t" + std::to_string(kCases + 7) + rest + "\n";  // line 52: no such case
  ASSERT_TRUE(base::WriteWholeFile(dir.path() / "A_TblCase.csv", cases).ok());
  ASSERT_TRUE(base::WriteWholeFile(dir.path() / "B_TblProceeding.csv", procs).ok());
  for (int threads : {2, 1}) {
    ValidateOptions v;
    v.path = dir.path();
    v.threads = threads;
    std::vector<std::pair<std::string, int64_t>> orphans;
    v.on_event = [&](const RowEvent& e) {
      if (e.kind == "orphan") orphans.emplace_back(std::string(e.table), e.line);
    };
    auto rec = ValidateEoirRelease(v);
    ASSERT_TRUE(rec.ok()) << rec.status().ToString();
    ASSERT_EQ(orphans.size(), 1u) << "threads " << threads;
    EXPECT_EQ(orphans[0], (std::pair<std::string, int64_t>{"B_TblProceeding", 52}));
    for (const auto& t : rec->tables) {
      if (t.name == "B_TblProceeding") {
        EXPECT_EQ(t.flagged.at("orphan"), 1) << "threads " << threads;
      }
    }
  }
}

TEST(Validator, MissingPathSaysSo) {
  ValidateOptions v;
  v.path = "/nonexistent/EOIR Case Data.zip";
  auto rec = ValidateEoirRelease(v);
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace immstats::ingest
