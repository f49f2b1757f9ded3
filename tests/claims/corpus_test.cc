// The claim extractor on a corpus of sentences written in wire, newspaper and broadcast styles: each with the
// structured claim expected, and sentences that must not yield one.
#include <gtest/gtest.h>

#include "base/civil_date.h"
#include "claims/extract.h"

namespace immstats::claims {
namespace {

struct Case {
  const char* sentence;
  const char* measure;      // "" = no claim expected
  const char* subject;
  const char* from;         // period, ISO days ("" = none)
  const char* to;
  const char* figures;      // figure texts joined by " | "
  const char* comparison;   // "" = none
  const char* attribution;
  bool checkable;
};

// Articles dated 2024-11-15 unless a case says otherwise.
const Case kCorpus[] = {
    // Asylum: grant rates, N of M, comparisons.
    {"Hondurans won asylum in 1,234 of 5,000 cases decided in fiscal 2023, according to TRAC.", "grant_rate", "HN",
     "2022-10-01", "2023-09-30", "1,234 of 5,000", "", "TRAC", true},
    {"Immigration judges granted asylum to 22.5% of Salvadoran applicants in FY2024, compared with 36% across all nationalities, TRAC found.",
     "grant_rate", "SV", "2023-10-01", "2024-09-30", "22.5%", "36%", "TRAC", true},
    {"The asylum grant rate for Guatemalans was 18 percent in the 2023 fiscal year, against 34 percent overall.",
     "grant_rate", "GT", "2022-10-01", "2023-09-30", "18 percent", "34 percent", "", true},
    {"Venezuelan asylum seekers succeeded in 61% of decisions between October 2023 and June 2024, EOIR data show.",
     "grant_rate", "VE", "2023-10-01", "2024-06-30", "61%", "", "EOIR", true},
    {"Only 4,102 Mexicans were granted asylum in fiscal year 2022.", "asylum_grants", "MX", "2021-10-01", "2022-09-30",
     "4,102", "", "", true},
    {"Immigration courts decided 65,000 asylum cases for citizens of Honduras in FY 2023.", "asylum_decisions", "HN",
     "2022-10-01", "2023-09-30", "65,000", "", "", true},
    {"Chinese nationals saw a denial rate of 42% in immigration court last fiscal year.", "denial_rate", "CN",
     "2023-10-01", "2024-09-30", "42%", "", "", true},
    {"Judges in the New York immigration court approved asylum in 1,500 of 2,500 Haitian cases, or 60 percent, in 2023.",
     "grant_rate", "HT", "2023-01-01", "2023-12-31", "1,500 of 2,500 | 60 percent", "", "", true},
    {"Nepali asylum seekers won their cases 38.4% of the time in fiscal 2024, Syracuse University's TRAC reported.",
     "grant_rate", "NP", "2023-10-01", "2024-09-30", "38.4%", "", "TRAC", true},
    {"Asylum was granted in 45 out of 120 cases brought by Senegalese applicants in fiscal 2023.", "grant_rate", "SN",
     "2022-10-01", "2023-09-30", "45 out of 120", "", "", true},
    {"Across all nationalities, judges granted asylum in 34.1% of cases in fiscal 2023.", "grant_rate", "ALL",
     "2022-10-01", "2023-09-30", "34.1%", "", "", true},
    {"As many as 3,000 Afghans may have been denied asylum since 2022.", "asylum_denials", "AF", "2022-01-01",
     "2024-11-15", "3,000", "", "", true},
    // Backlog and waits.
    {"The immigration court backlog reached 3.7 million cases in fiscal 2024, TRAC said.", "backlog", "",
     "2023-10-01", "2024-09-30", "3.7 million", "", "TRAC", true},
    {"More than 400,000 pending asylum cases involve Venezuelans, EOIR figures show.", "backlog", "VE", "", "",
     "400,000", "", "EOIR", true},
    {"Asylum seekers from Guatemala waited a median of 1,400 days for a decision in fiscal 2023.", "wait_times", "GT",
     "2022-10-01", "2023-09-30", "1,400", "", "", true},
    // Encounters.
    {"Border Patrol agents apprehended 2,475,669 migrants along the southern border in fiscal 2023.", "encounters", "",
     "2022-10-01", "2023-09-30", "2,475,669", "", "CBP", true},
    {"CBP recorded 216,028 encounters with Hondurans in FY2023.", "encounters", "HN", "2022-10-01", "2023-09-30",
     "216,028", "", "CBP", true},
    {"Agents encountered 3,140 Nepali migrants at the southwest border in fiscal 2023, according to DHS statistics.",
     "encounters", "NP", "2022-10-01", "2023-09-30", "3,140", "", "DHS", true},
    {"Border crossings by Ecuadorians rose to about 117,000 between January 2023 and March 2024.", "encounters", "EC",
     "2023-01-01", "2024-03-31", "117,000", "", "", true},
    {"Apprehensions of Colombians at the U.S.-Mexico border totaled 15,000 in March 2023.", "encounters", "CO",
     "2023-03-01", "2023-03-31", "15,000", "", "", true},
    {"Border Patrol made 56,000 arrests last March, the lowest monthly total in years.", "encounters", "", "2024-03-01",
     "2024-03-31", "56,000", "", "CBP", true},
    {"Thousands of Haitians crossed the border this year.", "encounters", "HT", "2024-01-01", "2024-11-15",
     "Thousands", "", "", false},
    {"So far this fiscal year, CBP has expelled 12,400 Mexicans under Title 42.", "encounters", "MX", "2024-10-01",
     "2024-11-15", "12,400", "", "CBP", true},
    {"Encounters at the northern border hit 190,000 from October through June, officials said.", "encounters", "",
     "2023-10-01", "2024-06-30", "190,000", "", "", true},
    // Removals.
    {"ICE removed 142,580 people in fiscal year 2023, according to its annual report.", "removals", "", "2022-10-01",
     "2023-09-30", "142,580", "", "ICE", true},
    {"Immigration and Customs Enforcement deported 28,894 Hondurans in FY2018.", "removals", "HN", "2017-10-01",
     "2018-09-30", "28,894", "", "ICE", true},
    {"The United States deported roughly 50,000 Guatemalans last year, ICE figures show.", "removals", "GT",
     "2023-01-01", "2023-12-31", "50,000", "", "ICE", true},
    {"Deportations of citizens of El Salvador fell to 15,445 in fiscal 2018.", "removals", "SV", "2017-10-01",
     "2018-09-30", "15,445", "", "", true},
    {"Hundreds of Mauritanians were returned to Nouakchott in 2023.", "removals", "MR", "2023-01-01", "2023-12-31",
     "Hundreds", "", "", false},
    {"ICE repatriated 1,200 Indian nationals on charter flights in fiscal 2024.", "flights", "IN", "2023-10-01",
     "2024-09-30", "1,200", "", "ICE", true},
    // Flights.
    {"ICE Air flew 48,765 passengers to Guatemala City in fiscal 2018.", "passengers", "GT", "2017-10-01", "2018-09-30",
     "48,765", "", "ICE", true},
    {"Some 545 deportation flights landed in Guatemala in FY2018.", "flights", "GT", "2017-10-01", "2018-09-30", "545",
     "", "", true},
    // More styles: broadcast, headlines, attributions first, rates written out.
    {"According to ICE, the agency deported 271,484 people in fiscal 2024.", "removals", "", "2023-10-01",
     "2024-09-30", "271,484", "", "ICE", true},
    {"TRAC found that Cuban asylum seekers won 29.9 percent of their cases in FY2022.", "grant_rate", "CU",
     "2021-10-01", "2022-09-30", "29.9 percent", "", "TRAC", true},
    {"Nicaraguans were granted asylum at a rate of 31%, against a national average of 37%, in fiscal 2024.",
     "grant_rate", "NI", "2023-10-01", "2024-09-30", "31%", "37%", "", true},
    {"Roughly 2.1 million encounters were recorded at the southwest border in fiscal 2024.", "encounters", "",
     "2023-10-01", "2024-09-30", "2.1 million", "", "", true},
    {"In March 2024, agents apprehended 137,473 people between ports of entry.", "encounters", "", "2024-03-01",
     "2024-03-31", "137,473", "", "", true},
    {"Peruvian migrants were stopped at the border 77,000 times from October 2022 through September 2023.",
     "encounters", "PE", "2022-10-01", "2023-09-30", "77,000", "", "", true},
    {"Deportation flights to Honduras carried 21,241 people in fiscal 2017, UWCHR's analysis of ICE data shows.",
     "passengers", "HN", "2016-10-01", "2017-09-30", "21,241", "", "ICE", true},
    {"Indian nationals accounted for 42,000 border apprehensions last fiscal year.", "encounters", "IN", "2023-10-01",
     "2024-09-30", "42,000", "", "", true},
    {"Nearly 60% of Mexican asylum claims were denied in 2023, EOIR statistics show.", "denial_rate", "MX",
     "2023-01-01", "2023-12-31", "60%", "", "EOIR", true},
    {"The median wait for an asylum decision reached 1,600 days last year.", "wait_times", "", "2023-01-01",
     "2023-12-31", "1,600", "", "", true},
    {"More than 1 million asylum cases were pending before immigration judges in fiscal 2023, TRAC reports.",
     "backlog", "", "2022-10-01", "2023-09-30", "1 million", "", "TRAC", true},
    {"Removals of Colombians rose to 18,000 in FY 2024, according to Homeland Security data.", "removals", "CO",
     "2023-10-01", "2024-09-30", "18,000", "", "DHS", true},
    {"Officials counted 9,400 encounters with Russians at ports of entry between January and June 2023.",
     "encounters", "RU", "2023-01-01", "2023-06-30", "9,400", "", "", true},
    {"Dozens of Ukrainians were deported last month.", "removals", "UA", "2024-10-01", "2024-10-31", "Dozens", "", "",
     false},
    {"Immigration judges ruled on 12,000 asylum cases from Ecuadorians in the 2024 fiscal year.", "asylum_decisions",
     "EC", "2023-10-01", "2024-09-30", "12,000", "", "", true},
    {"Venezuelans made up 266,000 of the Border Patrol's apprehensions in fiscal 2023.", "encounters", "VE",
     "2022-10-01", "2023-09-30", "266,000", "", "CBP", true},
    // More sentences that are no claim.
    {"The hearing lasted 45 minutes.", "", "", "", "", "", "", "", true},
    {"He was born on June 3, 1990, in Tegucigalpa.", "", "", "", "", "", "", "", true},
    {"The bill passed 52 to 48 in the Senate.", "", "", "", "", "", "", "", true},
    {"Route 66 runs through Arizona.", "", "", "", "", "", "", "", true},
    // Sentences with no claim: no figure, no measure, or only years and dates.
    {"The administration announced new asylum rules on March 5, 2024.", "", "", "", "", "", "", "", true},
    {"Lawyers said the court was overwhelmed.", "", "", "", "", "", "", "", true},
    {"The city spent $12 million on shelters in 2023.", "", "", "", "", "", "", "", true},
    {"She arrived in 2019 and settled in Houston.", "", "", "", "", "", "", "", true},
    {"About 40 reporters attended the briefing.", "", "", "", "", "", "", "", true},
    {"Texas has 254 counties.", "", "", "", "", "", "", "", true},
    {"The judge, appointed in 2017, hears cases in Arlington.", "", "", "", "", "", "", "", true},
    {"Inflation rose 3.2% last year, the Labor Department said.", "", "", "", "", "", "", "", true},
};

std::string Joined(const std::vector<Figure>& f) {
  std::string s;
  for (const auto& x : f) s += (s.empty() ? "" : " | ") + x.text;
  return s;
}

TEST(ClaimCorpus, EverySentenceParsesAsExpected) {
  const int32_t date = base::DaysFromCivil(2024, 11, 15);
  int claims = 0, non_claims = 0;
  for (const Case& k : kCorpus) {
    SCOPED_TRACE(k.sentence);
    auto c = ExtractClaim(k.sentence, date);
    if (std::string(k.measure).empty()) {
      EXPECT_FALSE(c.has_value()) << "unexpected claim: " << (c ? ClaimJson(*c).dump() : "");
      ++non_claims;
      continue;
    }
    ++claims;
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->measure, k.measure);
    EXPECT_EQ(c->subject, k.subject);
    EXPECT_EQ(c->period.from ? base::FormatIsoDate(*c->period.from) : "", k.from);
    EXPECT_EQ(c->period.to ? base::FormatIsoDate(*c->period.to) : "", k.to);
    EXPECT_EQ(Joined(c->figures), k.figures);
    EXPECT_EQ(c->comparison ? c->comparison->text : "", k.comparison);
    EXPECT_EQ(c->attribution, k.attribution);
    EXPECT_EQ(c->checkable, k.checkable);
  }
  EXPECT_GE(claims, 45);
  EXPECT_GE(non_claims, 12);
}

TEST(ClaimCorpus, ArticleArithmeticIsChecked) {
  auto ok = ExtractClaim("Haitians won asylum in 1,500 of 2,500 cases, or 60 percent, in 2023.", std::nullopt);
  ASSERT_TRUE(ok.has_value());
  ASSERT_EQ(ok->notes.size(), 1u);
  EXPECT_NE(ok->notes[0].find("consistent"), std::string::npos);
  EXPECT_EQ(ok->notes[0].find("inconsistent"), std::string::npos);
  auto bad = ExtractClaim("Haitians won asylum in 1,500 of 2,500 cases, or 65 percent, in 2023.", std::nullopt);
  ASSERT_TRUE(bad.has_value());
  EXPECT_NE(bad->notes.at(0).find("inconsistent"), std::string::npos);
}

TEST(ClaimCorpus, RelativePeriodsNeedADate) {
  auto c = ExtractClaim("Border Patrol made 56,000 arrests last March.", std::nullopt);
  ASSERT_TRUE(c.has_value());
  EXPECT_FALSE(c->period.from.has_value());
  EXPECT_NE(c->period.assumption.find("--date"), std::string::npos);
  auto d = ExtractClaim("Border Patrol made 56,000 arrests last March.", base::DaysFromCivil(2024, 2, 10));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(base::FormatIsoDate(*d->period.from), "2023-03-01");
  EXPECT_NE(d->period.assumption.find("2023"), std::string::npos);
}

}  // namespace
}  // namespace immstats::claims
