// The `immstats synth eoir` command line: golden summary, help that teaches, errors with exit codes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
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

}  // namespace
}  // namespace immstats
