// The embedded code lists against EOIR's real lookup tables (IMMSTATS_REAL_DATA/eoir-lookups).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "eoir/codes.h"
#include "support/release_files.h"

namespace immstats::eoir {
namespace {

std::filesystem::path RealLookups() {
  const char* dir = std::getenv("IMMSTATS_REAL_DATA");
  return dir != nullptr ? std::filesystem::path(dir) / "eoir-lookups" : std::filesystem::path();
}

std::set<std::string> RealCodes(const std::string& table) {
  const auto j = nlohmann::json::parse(testing::ReadBytes(RealLookups() / (table + ".json")));
  std::set<std::string> out;
  for (const auto& [code, description] : j.items()) {
    out.insert(code == "NaN" ? "NA" : code);  // the published JSON turned NA into NaN: quirk Q13 itself
  }
  return out;
}

template <typename Span>
std::set<std::string> Ours(const Span& list) {
  std::set<std::string> out;
  for (const auto& e : list) out.insert(std::string(e.code));
  return out;
}

#define SKIP_WITHOUT_REAL_DATA()                                                                         \
  if (RealLookups().empty() || !std::filesystem::exists(RealLookups())) {                                 \
    GTEST_SKIP() << "IMMSTATS_REAL_DATA is not set (or has no eoir-lookups/): skipping the real-lookup check"; \
  }

TEST(RealLookups, NationalityCodesAreEoirs) {
  SKIP_WITHOUT_REAL_DATA();
  EXPECT_EQ(Ours(Nationalities()), RealCodes("tblLookupNationality"));
}

TEST(RealLookups, ApplicationCodesAndDecisionsAreEoirs) {
  SKIP_WITHOUT_REAL_DATA();
  EXPECT_EQ(Ours(ApplicationTypes()), RealCodes("tblLookUp_Appln"));
  EXPECT_EQ(Ours(ApplicationDecisions()), RealCodes("tblLookupCourtAppDecisions"));
}

TEST(RealLookups, CaseTypesAndCourtsAreEoirs) {
  SKIP_WITHOUT_REAL_DATA();
  EXPECT_EQ(Ours(CaseTypes()), RealCodes("tblLookupCaseType"));
  EXPECT_EQ(Ours(Courts()), RealCodes("tblLookupBaseCity"));  // trial courts and pseudo courts alike
}

}  // namespace
}  // namespace immstats::eoir
