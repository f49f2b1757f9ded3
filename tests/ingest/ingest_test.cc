// immstats ingest eoir: rows land typed in a snapshot; a killed ingest leaves the store as it was.
#include "ingest/ingest.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <set>
#include <thread>

#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats::ingest {
namespace {

using immstats::testing::ScratchDir;

const immstats::testing::GeneratedRelease& Realistic12() {
  SynthOptions o;
  o.scale = 0.001;
  o.seed = 12;
  return immstats::testing::CachedRelease("realistic-12", o);
}

Result<store::ColumnReader> Column(const store::SnapshotInfo& snap, const std::string& table, const std::string& col) {
  for (const auto& t : snap.tables) {
    for (const auto& c : t.columns) {
      if (t.name == table && c.name == col) return store::ColumnReader::Open(snap.dir / c.file);
    }
  }
  return Status::NotFound(table + "." + col);
}

TEST(Ingest, LoadsEveryKeptRowTypedAndKeepsTheRejects) {
  const auto& r = Realistic12();
  ScratchDir dir("ingest");
  IngestOptions o;
  o.source = r.dir;
  o.store = dir.path();
  o.release_id = "seed12";
  auto res = IngestEoirRelease(o);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  const auto& snap = res->snapshot;
  int64_t quarantined = 0;
  for (const auto& t : res->reconciliation.tables) {
    int64_t table_quarantined = 0;
    for (const auto& [k, n] : t.quarantined) table_quarantined += n;
    quarantined += table_quarantined;
    EXPECT_EQ(static_cast<int64_t>(testing::ReadLines(snap.dir / (t.name + ".rejects.tsv")).size()) - 1, table_quarantined)
        << t.name;
    bool found = false;
    for (const auto& st : snap.tables) {
      if (st.name == t.name) {
        EXPECT_EQ(static_cast<int64_t>(st.rows), t.loaded) << t.name;
        found = true;
      }
    }
    EXPECT_TRUE(found) << t.name;
  }
  EXPECT_GT(quarantined, 0);

  // Case ids: unique, one per loaded case row.
  auto ids = Column(snap, "A_TblCase", "IDNCASE");
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  std::vector<int64_t> v;
  for (size_t b = 0; b < ids->blocks(); ++b) ASSERT_TRUE(ids->ReadInts(b, &v).ok());
  EXPECT_EQ(std::set<int64_t>(v.begin(), v.end()).size(), v.size());
  // Q13: NA is a nationality code, not a null; GENDER keeps the schema's name although the header says Sex.
  auto nat = Column(snap, "A_TblCase", "NAT");
  ASSERT_TRUE(nat.ok());
  const auto& dict = nat->dictionary();
  EXPECT_NE(std::find(dict.begin(), dict.end(), "NA"), dict.end());
  EXPECT_TRUE(Column(snap, "A_TblCase", "GENDER").ok());
  // Q26: every stored ZIP is five digits; Q2: city names are UTF-8.
  auto zip = Column(snap, "A_TblCase", "ALIEN_ZIPCODE");
  ASSERT_TRUE(zip.ok());
  for (const auto& z : zip->dictionary()) EXPECT_EQ(z.size(), 5u) << z;
  // Free text (cities) is stored plainly, not as a dictionary.
  auto city = Column(snap, "A_TblCase", "ALIEN_CITY");
  ASSERT_TRUE(city.ok());
  EXPECT_EQ(city->type(), store::ColumnType::kText);
  bool utf8_city = false;
  std::vector<std::optional<std::string>> cities;
  for (size_t b = 0; b < city->blocks(); ++b) ASSERT_TRUE(city->ReadTexts(b, &cities).ok());
  EXPECT_EQ(cities.size(), city->rows());
  for (const auto& c : cities) utf8_city |= c && c->find("\xC3\x91") != std::string::npos;  // Ñ
  EXPECT_TRUE(utf8_city);
  // Q10: start times are minutes after midnight within court hours.
  auto start = Column(snap, "tbl_schedule", "ADJ_TIME_START");
  ASSERT_TRUE(start.ok());
  std::vector<int64_t> minutes;
  for (size_t b = 0; b < start->blocks(); ++b) ASSERT_TRUE(start->ReadInts(b, &minutes).ok());
  for (int64_t m : minutes) {
    if (m != store::kNullInt64) {
      ASSERT_TRUE(m >= 6 * 60 && m < 24 * 60) << m;
    }
  }
  std::vector<std::string> problems;
  ASSERT_TRUE(store::Store(dir.path()).Verify("seed12", &problems).ok());
  EXPECT_TRUE(problems.empty());
}

// One table at a time or several at once, the derived records in one pass or in many (each over a range of
// proceedings, its asylum records merged from sorted runs on disk): the same bytes, manifest and reconciliation.
TEST(Ingest, SameReleaseSameBytesOnOneThreadOrTwoAndInOnePassOrMany) {
  const auto& r = Realistic12();
  struct Way {
    const char* name;
    int threads;
    uint64_t proceedings_per_pass;
  };
  const Way ways[] = {{"one-thread", 1, 0}, {"two-threads", 2, 0}, {"many-passes", 2, 1000}};
  std::deque<ScratchDir> dirs;  // (not moved: each removes its folder when destroyed)
  std::vector<IngestResult> results;
  for (const Way& way : ways) {
    dirs.emplace_back(std::string("ingest-") + way.name);
    IngestOptions o;
    o.source = r.dir;
    o.store = dirs.back().path();
    o.release_id = "x";
    o.threads = way.threads;
    o.proceedings_per_pass = way.proceedings_per_pass;
    auto res = IngestEoirRelease(o);
    ASSERT_TRUE(res.ok()) << way.name << ": " << res.status().ToString();
    results.push_back(std::move(res).value());
  }
  // The many-passes build really took many passes, and left nothing of its runs behind.
  uint64_t proceedings = 0;
  for (const auto& t : results[2].snapshot.tables) {
    if (t.name == "B_TblProceeding") proceedings = t.rows;
  }
  EXPECT_GT(proceedings, 10 * ways[2].proceedings_per_pass);
  EXPECT_FALSE(std::filesystem::exists(results[2].snapshot.dir / "derive-runs"));
  for (size_t w = 1; w < results.size(); ++w) {
    SCOPED_TRACE(ways[w].name);
    EXPECT_EQ(ReconciliationJson(results[0].reconciliation, 2), ReconciliationJson(results[w].reconciliation, 2));
    ASSERT_EQ(results[0].snapshot.tables.size(), results[w].snapshot.tables.size());
    for (size_t i = 0; i < results[0].snapshot.tables.size(); ++i) {
      const auto &ta = results[0].snapshot.tables[i], &tb = results[w].snapshot.tables[i];
      EXPECT_EQ(ta.name, tb.name);
      EXPECT_EQ(ta.rows, tb.rows) << ta.name;
      ASSERT_EQ(ta.columns.size(), tb.columns.size()) << ta.name;
      for (size_t c = 0; c < ta.columns.size(); ++c) EXPECT_EQ(ta.columns[c].file, tb.columns[c].file) << ta.name;
    }
    int compared = 0, derived = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dirs[0].path() / "snapshots" / "x")) {
      if (e.path().extension() != ".col" && e.path().extension() != ".tsv") continue;
      const auto rel = e.path().lexically_relative(dirs[0].path());
      EXPECT_EQ(testing::ReadBytes(e.path()), testing::ReadBytes(dirs[w].path() / rel)) << rel;
      ++compared;
      derived += rel.string().find("derived.") != std::string::npos;
    }
    EXPECT_GT(compared, 100);
    EXPECT_GT(derived, 40);  // both derived tables' columns
  }
}

// A release big enough for an ingest to be caught midway.
const immstats::testing::GeneratedRelease& Bigger() {
  SynthOptions so;
  so.scale = 0.01;
  so.seed = 71;
  so.top_folder = "EOIR Case Data";
  return immstats::testing::CachedRelease("ingest-kill", so);
}

// A store in `dir` holding one published snapshot, "first".
IngestOptions StoreWithFirstSnapshot(const ScratchDir& dir) {
  IngestOptions o;
  o.source = Realistic12().dir;
  o.store = dir.path();
  o.release_id = "first";
  EXPECT_TRUE(IngestEoirRelease(o).ok());
  return o;
}

// The store holds "first" only, and every block of it still matches its checksum.
void ExpectOnlyFirstSnapshot(const ScratchDir& dir) {
  store::Store s(dir.path());
  auto all = s.List();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->at(0).id, "first");
  std::vector<std::string> problems;
  ASSERT_TRUE(s.Verify("first", &problems).ok());
  EXPECT_TRUE(problems.empty());
}

TEST(Ingest, KilledMidwayLeavesTheStoreAsItWas) {
  const auto& big = Bigger();
  ScratchDir dir("ingest-kill");
  IngestOptions o = StoreWithFirstSnapshot(dir);

  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string bin = IMMSTATS_BIN_DEFAULT;
    ::execl(bin.c_str(), bin.c_str(), "ingest", "eoir", big.dir.c_str(), "--store", dir.path().c_str(),
            "--release-id", "second", "--quiet", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait until the ingest is writing, then kill it without warning.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  bool writing = false;
  while (!writing && std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "tmp", ec)) {
      writing |= std::filesystem::exists(e.path() / "B_TblProceeding");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(writing) << "the ingest never started writing";
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed";
  ExpectOnlyFirstSnapshot(dir);

  // The next ingest clears the dead one's folder and publishes.
  o.source = big.dir;
  o.release_id = "second";
  ASSERT_TRUE(IngestEoirRelease(o).ok());
  EXPECT_EQ(store::Store(dir.path()).List()->size(), 2u);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "tmp"));
}

// A full disk mid-ingest: simulated with a file size limit (writes then fail with EFBIG, as they would with
// ENOSPC). The ingest must fail with an I/O error that says what to do, and leave the store as it was.
TEST(Ingest, FullDiskMidwayFailsCleanlyAndLeavesTheStoreAsItWas) {
  const auto& big = Bigger();
  ScratchDir dir("ingest-full");
  StoreWithFirstSnapshot(dir);

  std::string out;
  const int rc = immstats::testing::RunCommand(
      "ulimit -f 256; trap '' XFSZ; " + std::string(IMMSTATS_BIN_DEFAULT) + " ingest eoir '" + big.dir.string() +
          "' --store '" + dir.path().string() + "' --release-id second --quiet 2>&1",
      &out);
  EXPECT_EQ(rc, 4) << out;  // an I/O error
  EXPECT_NE(out.find("File too large"), std::string::npos) << out;
  EXPECT_NE(out.find("free some space"), std::string::npos) << out;
  ExpectOnlyFirstSnapshot(dir);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "tmp")) << "the failed ingest left its temporary folder";
}

}  // namespace
}  // namespace immstats::ingest
