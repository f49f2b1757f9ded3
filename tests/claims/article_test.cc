// The article reader: HTML stripping, entities, publication dates, sentence boundaries.
#include <gtest/gtest.h>

#include "base/civil_date.h"
#include "claims/article.h"

namespace immstats::claims {
namespace {

int32_t Day(int y, int m, int d) { return base::DaysFromCivil(y, m, d); }

TEST(Article, HtmlTagsScriptsAndEntities) {
  const Article a = ReadArticle(
      "<!DOCTYPE html><html><head><title>x</title><meta property=\"article:published_time\" "
      "content=\"2024-03-05T10:00:00Z\"><script>var n = 99;</script></head><body><h1>Asylum &amp; the courts</h1>"
      "<p>Hondurans won asylum in 1,234 of 5,000 cases, TRAC&rsquo;s data show.</p><p>ICE removed&nbsp;12 people.</p>"
      "<style>p { color: red }</style></body></html>");
  EXPECT_EQ(a.text, "Asylum & the courts\n\nHondurans won asylum in 1,234 of 5,000 cases, TRAC\u2019s data show.\n\n"
                    "ICE removed 12 people.");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(*a.date, Day(2024, 3, 5));
  EXPECT_EQ(a.date_source, "meta article:published_time");
  ASSERT_EQ(a.sentences.size(), 3u);
  EXPECT_EQ(a.sentences[1].text, "Hondurans won asylum in 1,234 of 5,000 cases, TRAC\u2019s data show.");
}

TEST(Article, TimeElementAndDateline) {
  EXPECT_EQ(*ReadArticle("<p><time datetime=\"2023-11-02\">Nov 2</time> text</p>").date, Day(2023, 11, 2));
  const Article wire = ReadArticle("WASHINGTON, March 5, 2024 (AP) — Border Patrol agents made 1,000 arrests.");
  ASSERT_TRUE(wire.date.has_value());
  EXPECT_EQ(*wire.date, Day(2024, 3, 5));
  EXPECT_EQ(wire.date_source, "dateline");
  const Article byline = ReadArticle("By A. Reporter\nPublished Sept. 30, 2023\n\nText.");
  EXPECT_EQ(*byline.date, Day(2023, 9, 30));
  EXPECT_EQ(byline.date_source, "byline");
  EXPECT_FALSE(ReadArticle("No date here at all.").date.has_value());
}

TEST(Article, WrittenDates) {
  size_t n = 0;
  EXPECT_EQ(*ParseWrittenDate("March 5, 2024 and more", &n), Day(2024, 3, 5));
  EXPECT_EQ(n, 13u);
  EXPECT_EQ(*ParseWrittenDate("Mar. 5, 2024"), Day(2024, 3, 5));
  EXPECT_EQ(*ParseWrittenDate("5 March 2024"), Day(2024, 3, 5));
  EXPECT_EQ(*ParseWrittenDate("2024-03-05T00:00"), Day(2024, 3, 5));
  EXPECT_FALSE(ParseWrittenDate("March 2024").has_value());
  EXPECT_FALSE(ParseWrittenDate("12 of 40").has_value());
}

TEST(Article, SentenceBoundaries) {
  const auto s = SplitSentences(
      "The U.S. government deported 12.5% more people. Jan. figures rose, said Sen. Smith! \"Is it true?\" he asked. "
      "In fiscal 2023, ICE removed 142,580 people.\n\nA new paragraph without a stop\n\nLast one.");
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].text, "The U.S. government deported 12.5% more people.");
  EXPECT_EQ(s[1].text, "Jan. figures rose, said Sen. Smith!");
  EXPECT_EQ(s[2].text, "\"Is it true?\" he asked.");
  EXPECT_EQ(s[3].text, "In fiscal 2023, ICE removed 142,580 people.");
  EXPECT_EQ(s[4].text, "A new paragraph without a stop");
  EXPECT_EQ(s[5].text, "Last one.");
}

}  // namespace
}  // namespace immstats::claims
