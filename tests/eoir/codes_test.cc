// The reference code lists: sizes stated by the domain spec, uniqueness, the codes tests rely on.
#include "eoir/codes.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace immstats::eoir {
namespace {

template <typename Span>
std::set<std::string> CodesOf(const Span& list) {
  std::set<std::string> out;
  for (const auto& e : list) out.insert(std::string(e.code));
  return out;
}

TEST(Codes, NationalitiesAreAppendixA) {
  const auto nats = Nationalities();
  EXPECT_EQ(nats.size(), 251u);
  const auto codes = CodesOf(nats);
  EXPECT_EQ(codes.size(), nats.size()) << "duplicate nationality code";
  for (const char* c : {"??", "NA", "IR", "ES", "HO", "GT", "MX", "UE", "TC", "XX", "YS"}) {
    EXPECT_EQ(codes.count(c), 1u) << c;
  }
}

TEST(Codes, ApplicationsAndDecisionsHaveTheSpecCounts) {
  EXPECT_EQ(ApplicationTypes().size(), 40u);
  EXPECT_EQ(CodesOf(ApplicationTypes()).size(), 40u);
  EXPECT_EQ(CodesOf(ApplicationTypes()).count("212L"), 1u);  // mixed case is deliberate (Q14)
  EXPECT_EQ(CodesOf(ApplicationTypes()).count("A"), 1u);     // HRIFA
  EXPECT_EQ(ApplicationDecisions().size(), 14u);
  EXPECT_EQ(CodesOf(ApplicationDecisions()),
            (std::set<std::string>{"A", "C", "D", "F", "G", "I", "L", "M", "O", "P", "R", "S", "T", "W"}));
}

TEST(Codes, CourtsIncludeAppendixBAndMarkPseudoCourts) {
  std::set<std::string> pseudo, trial;
  for (const auto& c : Courts()) (c.pseudo ? pseudo : trial).insert(std::string(c.code));
  EXPECT_EQ(pseudo, (std::set<std::string>{"BIA", "CIJ", "HDQ", "RIC", "OIT", "OIN"}));
  EXPECT_EQ(trial.size() + pseudo.size(), Courts().size()) << "duplicate court code";
  for (const char* c : {"NYC", "LOS", "MIA", "HOU", "SFR", "WAS"}) EXPECT_EQ(trial.count(c), 1u) << c;
}

TEST(Codes, CaseTypesLeaveOutBnd) {
  const auto types = CodesOf(CaseTypes());
  EXPECT_EQ(types.size(), 13u);
  EXPECT_EQ(types.count("RMV"), 1u);
  EXPECT_EQ(types.count("BND"), 0u);  // seen in data, absent from the lookup (Q15)
}

TEST(Codes, CourtDecisionsAreKeyedByCaseTypeAndKind) {
  std::set<std::string> keys;
  for (const auto& d : CourtDecisions()) {
    EXPECT_TRUE(d.dec_type == 'C' || d.dec_type == 'O');
    EXPECT_TRUE(keys.insert(std::string(d.case_type) + "/" + std::string(d.code) + "/" + d.dec_type).second)
        << d.case_type << " " << d.code;
  }
  EXPECT_EQ(keys.count("RMV/X/C"), 1u);
}

}  // namespace
}  // namespace immstats::eoir
