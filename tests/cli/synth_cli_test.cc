// The `immstats synth eoir`, `zip`, `validate` and `ingest` command lines: golden output, help that teaches, errors
// with exit codes, the ingest's phase trace.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/golden.h"
#include "support/release_files.h"

namespace immstats {
namespace {

using testing::ExpectGolden;

TEST(SynthCli, JsonSummaryIsGolden) {
  testing::ScratchDir dir("cli-json");
  std::string out;
  const std::string cmd = "cd '" + dir.path().string() + "' && " + testing::ImmstatsBinary() +
                          " synth eoir --out rel --scale 0.0003 --seed 5 --top-folder 'EOIR Case Data' --json";
  ASSERT_EQ(testing::RunCommand(cmd, &out), 0) << out;
  auto j = nlohmann::ordered_json::parse(out);
  EXPECT_GT(j["seconds"].get<double>(), 0);
  j.erase("seconds");  // the only field that varies between runs
  ExpectGolden("synth_summary.json", j.dump(2) + "\n");
}

TEST(SynthCli, TableSummaryIsGolden) {
  testing::ScratchDir dir("cli-table");
  std::string out;
  const std::string cmd = "cd '" + dir.path().string() + "' && " + testing::ImmstatsBinary() +
                          " synth eoir --out rel --scale 0.0003 --seed 5 --quirks none --top-folder 'EOIR Case Data'"
                          " --quiet | sed -e 's/ in [0-9.]* s (/ in <t> s (/' -e 's/, [0-9]* MB\\/s)/, <r> MB\\/s)/'";
  ASSERT_EQ(testing::RunCommand(cmd, &out), 0) << out;
  ExpectGolden("synth_summary.txt", out);
}

TEST(SynthCli, HelpTeachesWithExamples) {
  std::string out;
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " synth eoir --help", &out), 0);
  for (const char* needle : {"--scale", "--seed", "--as-of", "--quirks", "--zip", "deflate64", "--tables",
                             "Examples:", "synth-truth.json"}) {
    EXPECT_NE(out.find(needle), std::string::npos) << needle;
  }
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " --help", &out), 0);
  EXPECT_NE(out.find("Exit codes"), std::string::npos);
}

TEST(SynthCli, BadArgumentsSayWhatToDoAndExitTwo) {
  testing::ScratchDir dir("cli-errors");
  std::string out;
  const std::string bin = "cd '" + dir.path().string() + "' && " + testing::ImmstatsBinary();
  EXPECT_EQ(testing::RunCommand(bin + " synth eoir --out x --as-of 2026-02-30 2>&1", &out), 2);
  EXPECT_NE(out.find("write it as YYYY-MM-DD"), std::string::npos) << out;
  EXPECT_EQ(testing::RunCommand(bin + " synth eoir --out x --scale 0 2>&1", &out), 2);
  EXPECT_NE(out.find("--scale 0 is out of range"), std::string::npos) << out;
  EXPECT_EQ(testing::RunCommand(bin + " synth eoir --out x --quirks some 2>&1", &out), 2);
  EXPECT_NE(out.find("--quirks"), std::string::npos) << out;
  std::filesystem::create_directories(dir.path() / "full");
  std::ofstream(dir.path() / "full" / "keep.txt") << "mine";
  EXPECT_EQ(testing::RunCommand(bin + " synth eoir --out full 2>&1", &out), 2);
  EXPECT_NE(out.find("is not empty"), std::string::npos) << out;
  EXPECT_EQ(testing::ReadBytes(dir.path() / "full" / "keep.txt"), "mine");
  EXPECT_EQ(testing::RunCommand(bin + " frobnicate 2>&1", &out), 2);
}

}  // namespace
}  // namespace immstats

namespace immstats {
namespace {

TEST(ZipCli, ListIsGoldenAndTestChecksEveryEntry) {
  testing::ScratchDir dir("cli-zip");
  std::string out;
  const std::string cd = "cd '" + dir.path().string() + "' && ";
  ASSERT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " synth eoir --out rel --scale 0.0003 --seed 5 "
                                "--top-folder 'EOIR Case Data' --zip deflate64 --quiet > /dev/null", &out), 0);
  ASSERT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " zip list 'rel/EOIR Case Data.zip'", &out), 0);
  ExpectGolden("zip_list.txt", out);
  ASSERT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " zip test --quiet 'rel/EOIR Case Data.zip'", &out), 0);
  EXPECT_NE(out.find("25 entries OK"), std::string::npos) << out;
  // A download cut short: exit code 5 (corrupt data) and advice.
  ASSERT_EQ(testing::RunCommand(cd + "head -c 300000 'rel/EOIR Case Data.zip' > cut.zip && " +
                                testing::ImmstatsBinary() + " zip test cut.zip 2>&1", &out), 5);
  EXPECT_NE(out.find("download it again"), std::string::npos) << out;
  EXPECT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " zip test --entry nope 'rel/EOIR Case Data.zip' 2>&1",
                                &out), 3);
  EXPECT_NE(out.find("no entry named 'nope'"), std::string::npos) << out;
}

}  // namespace
}  // namespace immstats

namespace immstats {
namespace {

TEST(ValidateCli, JsonReconciliationIsGoldenAndRejectsAreWritten) {
  testing::ScratchDir dir("cli-validate");
  std::string out;
  const std::string cd = "cd '" + dir.path().string() + "' && ";
  ASSERT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " synth eoir --out rel --scale 0.0003 --seed 5 "
                                "--top-folder 'EOIR Case Data' --zip deflate64 --quiet > /dev/null", &out), 0);
  ASSERT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " validate eoir 'rel/EOIR Case Data.zip' --json "
                                "--rejects rej --release-date 2026-10-01", &out), 0) << out;
  ExpectGolden("validate_eoir.json", out);
  const auto rejects = testing::ReadLines(dir.path() / "rej" / "B_TblProceeding.rejects.tsv");
  EXPECT_GT(rejects.size(), 1u);
  EXPECT_EQ(rejects[0], "file\tline\tbyte_offset\tcolumn\tkind\treason\traw");
  EXPECT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " validate eoir rel --release-date 2026-13-01 2>&1",
                                &out), 2);
  EXPECT_NE(out.find("write it as YYYY-MM-DD"), std::string::npos) << out;
}

// IMMSTATS_TRACE=1: a line per phase of an ingest, each with its memory figures; without it, not one line.
TEST(IngestCli, TraceNamesEveryPhaseWithItsMemory) {
  testing::ScratchDir dir("cli-trace");
  std::string out;
  const std::string cd = "cd '" + dir.path().string() + "' && ";
  ASSERT_EQ(testing::RunCommand(cd + testing::ImmstatsBinary() + " synth eoir --out rel --scale 0.0003 --seed 5 "
                                "--quirks none --quiet > /dev/null", &out), 0);
  const std::string ingest = testing::ImmstatsBinary() + " ingest eoir rel --release-id r --quiet " +
                             "--proceedings-per-pass 1000 2>&1 >/dev/null";
  ASSERT_EQ(testing::RunCommand(cd + "IMMSTATS_TRACE=1 " + ingest + " --store s1", &out), 0) << out;
  // Each line: trace <s> anon=<n>MB (malloc: <n>MB in use, <n>MB mapped) file=<n>MB peak since last=<n>MB <phase>
  // (parsed with sscanf: std::regex trips GCC 12's -Wmaybe-uninitialized in the sanitizer build).
  auto well_formed = [](const std::string& l) {
    double seconds = 0;
    long anon = 0, file = 0, peak = 0;
    size_t in_use = 0, mapped = 0;
    int end = -1;
    const int fields = std::sscanf(l.c_str(), "trace %lf anon=%ldMB (malloc: %zuMB in use, %zuMB mapped) file=%ldMB "
                                   "peak since last=%ldMB %n", &seconds, &anon, &in_use, &mapped, &file, &peak, &end);
    return fields == 6 && end > 0 && static_cast<size_t>(end) < l.size() && anon > 0 && peak > 0;
  };
  std::istringstream lines(out);
  int n = 0;
  for (std::string l; std::getline(lines, l); ++n) EXPECT_TRUE(well_formed(l)) << l;
  EXPECT_GT(n, 30);
  for (const char* phase : {"sources hashed", "A_TblCase: read, 0 rows read before their case",
                            "row pass: B_TblProceeding written", "row pass over", "derive pass 1: proceedings",
                            "scan of tbl_RepsAssigned.IDNCASE: ", "derive pass 1: asylum run", "derive pass 2 done",
                            "derive: asylum decisions merged", "snapshot published"}) {
    EXPECT_NE(out.find(phase), std::string::npos) << phase << " missing from:\n" << out;
  }
  ASSERT_EQ(testing::RunCommand(cd + ingest + " --store s2", &out), 0) << out;
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace immstats
