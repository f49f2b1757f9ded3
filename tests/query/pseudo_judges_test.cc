// Pseudo judges (Q20) recognised by name, checked on EOIR's own judge lookup when the real data is present.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "query/names.h"
#include "support/release_files.h"

namespace immstats {
namespace {

TEST(PseudoJudges, NamesThatAreNotPeople) {
  for (const char* name : {"<All Judges>", "Master Calendar 1", "Video Judge - Bal", "Former Immigration Judge",
                           "Training Ij For Miami", "New Ij #6", "Ij Name Testing", "Ltest SR., Ftest M.",
                           "Test IJ for EOIR OIT TestingY", "Clerical", "Visiting Judge 12", "Status Docket", "York 2",
                           "Lasalle Detail Judge 3"}) {
    EXPECT_TRUE(query::IsPseudoJudgeName(name)) << name;
  }
  for (const char* name : {"Masters, Bobbie C.", "Masterson, Jason R.", "Tijerina, Eric J.", "Atenaide, Anthony",
                           "Ayala, David (Visiting Judge)", "Petty Aaron R.", "Koppenhofer Andrea"}) {
    EXPECT_FALSE(query::IsPseudoJudgeName(name)) << name;
  }
}

TEST(PseudoJudges, EoirsJudgeLookupHasFewAndAllObvious) {
  const char* real = std::getenv("IMMSTATS_REAL_DATA");
  if (real == nullptr || *real == '\0') GTEST_SKIP() << "IMMSTATS_REAL_DATA is not set: skipping the real-data check";
  const auto path = std::filesystem::path(real) / "eoir-lookups" / "tblLookupJudge.json";
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const auto judges = nlohmann::json::parse(testing::ReadBytes(path));
  int pseudo = 0, people = 0;
  for (const auto& [code, name] : judges.items()) {
    if (!name.is_string()) continue;
    const std::string n = name.get<std::string>();
    if (query::IsPseudoJudgeName(n)) {
      ++pseudo;
      // Every flagged name has no "Last, First" shape or says what it is.
      const bool obvious = n.find(',') == std::string::npos || n.find('<') != std::string::npos ||
                           n.find("test") != std::string::npos || n.find("Test") != std::string::npos;
      EXPECT_TRUE(obvious) << code << " " << n;
    } else {
      ++people;
    }
  }
  EXPECT_GT(pseudo, 5);
  EXPECT_LT(pseudo, people / 5) << "too many judges flagged as pseudo";
}

}  // namespace
}  // namespace immstats
