// `immstats check --no-verify` on a sample article: the claims as JSON against a golden file, and its errors.
#include <gtest/gtest.h>

#include "support/golden.h"
#include "support/release_files.h"

namespace immstats {
namespace {

std::string Sample() { return std::string(IMMSTATS_SOURCE_DIR_DEFAULT) + "/tests/claims/sample_article.html"; }

TEST(CheckCli, ClaimsOfASampleArticleAreGolden) {
  std::string out;
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " check '" + Sample() + "' --no-verify --format json", &out), 0)
      << out;
  testing::ExpectGolden("check_no_verify.json", out);
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " check '" + Sample() + "' --no-verify", &out), 0) << out;
  testing::ExpectGolden("check_no_verify.txt", out);
}

TEST(CheckCli, DateOptionAndErrors) {
  std::string out;
  ASSERT_EQ(testing::RunCommand("printf 'Border Patrol made 56,000 arrests last March.' | " + testing::ImmstatsBinary() +
                                    " check - --no-verify --date 2024-02-10 --format json",
                                &out),
            0);
  EXPECT_NE(out.find("\"from\": \"2023-03-01\""), std::string::npos) << out;
  EXPECT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " check /no/such/file --no-verify 2>&1", &out), 3);
  EXPECT_NE(out.find("cannot read /no/such/file"), std::string::npos) << out;
  // Checking against an empty store: every claim 'cannot check', and a warning that says what to do.
  testing::ScratchDir empty("check-empty-store");
  EXPECT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " check '" + Sample() + "' --store '" + empty.path().string() +
                                    "' 2>&1",
                                &out),
            0);
  EXPECT_NE(out.find("holds no snapshot"), std::string::npos) << out;
  EXPECT_NE(out.find("--no-verify"), std::string::npos) << out;
  EXPECT_NE(out.find("6 claims: 0 matches, 0 close, 0 differ, 6 cannot be checked"), std::string::npos) << out;
}

}  // namespace
}  // namespace immstats
