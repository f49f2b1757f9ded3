// The verdict rules for one figure: equal, rounded as written, tolerances, the source's rounding, bounds, vague.
#include <gtest/gtest.h>

#include "verify/compare.h"

namespace immstats::verify {
namespace {

claims::Figure Fig(const std::string& sentence) {
  auto c = claims::ExtractClaim(sentence, std::nullopt);
  EXPECT_TRUE(c.has_value()) << sentence;
  EXPECT_FALSE(c->figures.empty()) << sentence;
  return c->figures.front();
}

TEST(CompareFigure, PercentRoundedAsWritten) {
  const auto f = Fig("Hondurans won asylum in 24.7% of cases in fiscal 2023.");
  EXPECT_EQ(CompareFigure(f, 24.7, 0).verdict, Verdict::kMatches);
  EXPECT_EQ(CompareFigure(f, 24.72, 0).verdict, Verdict::kMatches);
  EXPECT_EQ(CompareFigure(f, 24.76, 0).verdict, Verdict::kClose);   // rounds to 24.8
  EXPECT_EQ(CompareFigure(f, 25.6, 0).verdict, Verdict::kClose);    // within one point
  EXPECT_EQ(CompareFigure(f, 25.8, 0).verdict, Verdict::kDiffers);
  const auto whole = Fig("Hondurans won asylum in 25% of cases in fiscal 2023.");
  EXPECT_EQ(CompareFigure(whole, 24.6, 0).verdict, Verdict::kMatches);
  EXPECT_EQ(CompareFigure(whole, 24.4, 0).verdict, Verdict::kClose);
  const auto about = Fig("Hondurans won asylum in about 25% of cases in fiscal 2023.");
  EXPECT_EQ(CompareFigure(about, 23.2, 0).verdict, Verdict::kClose);  // 'about' allows two points
  EXPECT_EQ(CompareFigure(about, 22.9, 0).verdict, Verdict::kDiffers);
}

TEST(CompareFigure, CountsExactRoundedAndTolerances) {
  const auto exact = Fig("Agents encountered 2,475,669 migrants in fiscal 2023.");
  EXPECT_EQ(CompareFigure(exact, 2475669, 0).verdict, Verdict::kMatches);
  EXPECT_EQ(CompareFigure(exact, 2475000, 0).verdict, Verdict::kClose);     // within 1%
  EXPECT_EQ(CompareFigure(exact, 2400000, 0).verdict, Verdict::kDiffers);
  const auto millions = Fig("Agents encountered 2.5 million migrants in fiscal 2023.");
  EXPECT_EQ(CompareFigure(millions, 2475669, 0).verdict, Verdict::kMatches);  // 2.48 million rounds to 2.5
  EXPECT_EQ(CompareFigure(millions, 2440000, 0).verdict, Verdict::kDiffers);  // rounds to 2.4 million, 2.5% apart
  const auto nearly = Fig("Agents encountered nearly 2,550,000 migrants in fiscal 2023.");
  EXPECT_EQ(CompareFigure(nearly, 2475669, 0).verdict, Verdict::kClose);      // within 5% for 'nearly'
  const auto ohss = Fig("Agents encountered 3,140 Nepali migrants in fiscal 2023.");
  EXPECT_EQ(CompareFigure(ohss, 3132, 10).verdict, Verdict::kClose);          // the source rounds to 10
  EXPECT_EQ(CompareFigure(ohss, 3100, 10).verdict, Verdict::kDiffers);        // 40 off: beyond the rounding and 1%
}

TEST(CompareFigure, BoundsAndVagueAmounts) {
  const auto more = Fig("More than 2 million migrants were encountered in fiscal 2023.");
  EXPECT_EQ(CompareFigure(more, 2475669, 0).verdict, Verdict::kMatches);
  EXPECT_EQ(CompareFigure(more, 1900000, 0).verdict, Verdict::kDiffers);
  const auto upto = Fig("As many as 3,000 Afghans were denied asylum in fiscal 2023.");
  EXPECT_EQ(CompareFigure(upto, 2999, 0).verdict, Verdict::kMatches);
  EXPECT_EQ(CompareFigure(upto, 3001, 0).verdict, Verdict::kDiffers);
  const auto vague = Fig("Thousands of Haitians crossed the border in fiscal 2023.");
  EXPECT_EQ(CompareFigure(vague, 5000, 0).verdict, Verdict::kCannotCheck);
}

TEST(CompareFigure, OursIsFormattedLikeTheArticle) {
  EXPECT_EQ(FormatOurs(2475669, false, Fig("Agents encountered 2,475,669 migrants in fiscal 2023.")), "2,475,669");
  EXPECT_EQ(FormatOurs(24.7213, true, Fig("Hondurans won asylum in 25% of cases in fiscal 2023.")), "24.7%");
  EXPECT_EQ(FormatOurs(24.7213, true, Fig("Hondurans won asylum in 24.72% of cases in fiscal 2023.")), "24.72%");
}

}  // namespace
}  // namespace immstats::verify
