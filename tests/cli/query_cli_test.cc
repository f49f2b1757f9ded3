// The court query commands (asylum, backlog, wait-times): golden table, CSV and JSON output, receipts that
// repeat byte for byte, and every error path with its message and exit code.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "support/golden.h"
#include "support/release_files.h"

namespace immstats {
namespace {

using testing::ExpectGolden;

class QueryCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir("query-cli");
    std::string out;
    const std::string d = dir_->path().string();
    ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " synth eoir --out '" + d + "/rel' --scale 0.001 --seed 1 --quiet"
                                      " && " + testing::ImmstatsBinary() + " ingest eoir '" + d + "/rel' --store '" + d +
                                      "/store' --release-id golden --quiet 2>&1",
                                  &out),
              0)
        << out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  // Runs `immstats ARGS --store S`, returning stdout (stderr too when `with_stderr`) and the exit code.
  static int Run(const std::string& args, std::string* out, bool with_stderr = false) {
    return testing::RunCommand(testing::ImmstatsBinary() + " " + args + " --store '" + (dir_->path() / "store").string() +
                                   "'" + (with_stderr ? " 2>&1" : " 2>/dev/null"),
                               out);
  }
  static testing::ScratchDir* dir_;
};
testing::ScratchDir* QueryCli::dir_ = nullptr;

// The receipt's creation time is the only field that differs between two ingests of the same release.
std::string WithoutCreated(std::string s) {
  const std::string key = "\"snapshot_created\": \"";
  for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + 1)) {
    const size_t end = s.find('"', at + key.size());
    s.replace(at + key.size(), end - at - key.size(), "<created>");
  }
  return s;
}

TEST_F(QueryCli, AsylumOneNationalityTableIsGolden) {
  std::string out;
  ASSERT_EQ(Run("asylum --nationality Honduras --from 2023-09 --to 2024-08", &out), 0);
  ExpectGolden("asylum_nationality.txt", out);
}

TEST_F(QueryCli, AsylumByNationalityCsvIsGolden) {
  std::string out;
  ASSERT_EQ(Run("asylum --by nationality --fy 2024 --definition trac,eoir --format csv", &out), 0);
  ExpectGolden("asylum_by_nationality.csv", out);
}

TEST_F(QueryCli, AsylumJudgesJsonWithReceiptIsGoldenAndRepeatsByteForByte) {
  std::string first, second;
  const std::string q = "asylum --court SEA --by judge --from 2021-10 --to 2024-09 --definition trac --format json --receipt";
  ASSERT_EQ(Run(q, &first), 0);
  ASSERT_EQ(Run(q, &second), 0);
  EXPECT_EQ(first, second);
  const auto j = nlohmann::json::parse(first);
  EXPECT_EQ(j["query"]["min_decisions"], 100);  // TRAC's judge-report threshold by default
  EXPECT_FALSE(j["receipt"]["sources"].empty());
  EXPECT_EQ(j["receipt"]["snapshot"], "golden");
  ExpectGolden("asylum_judges_receipt.json", WithoutCreated(first));
}

TEST_F(QueryCli, BacklogAndWaitTimesAreGolden) {
  std::string out;
  ASSERT_EQ(Run("backlog --as-of 2024-09-30 --by custody", &out), 0);
  ExpectGolden("backlog_by_custody.txt", out);
  ASSERT_EQ(Run("wait-times --fy 2024 --by asylum-type --format json", &out), 0);
  ExpectGolden("wait_times_by_asylum_type.json", out);
}

TEST_F(QueryCli, BacklogReadInSmallChunksGivesTheSameBytes) {
  std::string whole, chunked;
  const std::string q = "backlog --as-of 2024-09-30 --by court,custody --nationality HO --format json --receipt";
  ASSERT_EQ(Run(q, &whole), 0);
  ASSERT_EQ(testing::RunCommand("IMMSTATS_BACKLOG_CHUNK_ROWS=1000 " + testing::ImmstatsBinary() + " " + q + " --store '" +
                                    (dir_->path() / "store").string() + "'",
                                &chunked),
            0);
  EXPECT_EQ(whole, chunked);
  EXPECT_GT(nlohmann::json::parse(whole)["rows"].size(), 2u);
}

TEST_F(QueryCli, HelpTeachesWithExamples) {
  std::string out;
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " asylum --help", &out), 0);
  for (const char* needle : {"Examples:", "--nationality", "--definition", "--unit", "--cat-only", "--receipt",
                             "--min-decisions", "September-August"}) {
    EXPECT_NE(out.find(needle), std::string::npos) << needle;
  }
}

TEST_F(QueryCli, UnknownNationalitySuggestsTheClosest) {
  std::string out;
  EXPECT_EQ(Run("asylum --nationality Hondras --fy 2024", &out, true), 3);
  EXPECT_NE(out.find("closest: Honduras (HO)"), std::string::npos) << out;
}

TEST_F(QueryCli, BadWindowsSayWhatToDo) {
  std::string out;
  EXPECT_EQ(Run("asylum --from 2024-09-01 --to 2024-08-31", &out, true), 2);
  EXPECT_NE(out.find("the window is empty"), std::string::npos) << out;
  EXPECT_EQ(Run("asylum --from 2031-01-01", &out, true), 2);
  EXPECT_NE(out.find("after the release's last decision"), std::string::npos) << out;
  EXPECT_EQ(Run("asylum --fy 2024 --month 2024-01", &out, true), 2);
  EXPECT_NE(out.find("one way"), std::string::npos) << out;
  EXPECT_EQ(Run("asylum --from 2024-13", &out, true), 2);
  EXPECT_NE(out.find("is not a date"), std::string::npos) << out;
  EXPECT_EQ(Run("backlog --as-of 2031-01-01", &out, true), 2);
  EXPECT_NE(out.find("after the release's last record"), std::string::npos) << out;
}

TEST_F(QueryCli, BadGroupingsAndOptionsSayWhatToDo) {
  std::string out;
  EXPECT_EQ(Run("asylum --by planet", &out, true), 2);
  EXPECT_NE(out.find("cannot group by 'planet'"), std::string::npos) << out;
  EXPECT_EQ(Run("backlog --by fy", &out, true), 2);
  EXPECT_NE(out.find("no dates to group by"), std::string::npos) << out;
  EXPECT_EQ(Run("asylum --definition gallup", &out, true), 2);
  EXPECT_NE(out.find("unknown definition 'gallup'"), std::string::npos) << out;
  EXPECT_EQ(Run("asylum --custody X", &out, true), 2);
  EXPECT_NE(out.find("--custody takes D"), std::string::npos) << out;
}

TEST_F(QueryCli, AnEmptyStoreSaysToIngestFirst) {
  testing::ScratchDir empty("query-empty-store");
  std::string out;
  EXPECT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " asylum --store '" + empty.path().string() + "' 2>&1", &out), 3);
  EXPECT_NE(out.find("holds no snapshot: ingest a release first"), std::string::npos) << out;
}

}  // namespace
}  // namespace immstats
