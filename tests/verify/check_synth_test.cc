// `immstats check` end to end on a generated release: an article built from templates with figures queried from
// the store (some altered), checked against the same store; every verdict kind, the definition that reproduces
// each figure, commands that give the figure again, and the report's JSON and text against golden files.
#include <cmath>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api/request.h"
#include "base/civil_date.h"
#include "geo/countries.h"
#include "support/golden.h"
#include "support/release_files.h"
#include "support/test_store.h"
#include "verify/verify.h"

namespace immstats {
namespace {

using verify::Verdict;

// Figures of the small store: the nationality with most TRAC decisions in FY2024 and its rates.
struct Figures {
  std::string country;  // its name as an article writes it
  std::string court;    // the city of the court with most TRAC decisions ("San Pedro")
  int64_t court_grants = 0, court_decisions = 0;
  int64_t grants = 0, decisions = 0, all_decisions = 0, pending = 0;
  double trac = 0, eoir = 0, legacy = 0, all_trac = 0, median_days = 0;
};

double Cell(const query::ResultTable& t, size_t row, const std::string& col) {
  const size_t i = static_cast<size_t>(std::find(t.columns.begin(), t.columns.end(), col) - t.columns.begin());
  EXPECT_LT(i, t.columns.size()) << col;
  if (i >= t.columns.size()) return 0;
  const auto& v = t.rows[row][i];
  return v.kind == query::Value::Kind::kRate ? 100 * v.d : v.kind == query::Value::Kind::kInt ? static_cast<double>(v.i) : v.d;
}

const Figures& StoreFigures() {
  static const Figures f = [] {
    Figures out;
    auto snap = api::LoadSnapshot(testing::ServerTestStore(), "latest");
    EXPECT_TRUE(snap.ok()) << snap.status().ToString();
    api::Request r;
    r.fy = 2024;
    r.by = {"nationality"};
    r.sort = "decisions_TRAC";
    r.limit = 1;
    auto top = api::Run(**snap, r);
    EXPECT_TRUE(top.ok() && !top->rows.empty());
    const std::string code = top->rows[0][0].text;
    out.country = geo::Countries::Get().ByEoirCode(code)->name;
    api::Request one;
    one.fy = 2024;
    one.typed.nationalities = {code};
    auto t = api::Run(**snap, one);
    EXPECT_TRUE(t.ok());
    out.grants = static_cast<int64_t>(Cell(*t, 0, "grants"));
    out.decisions = static_cast<int64_t>(Cell(*t, 0, "decisions_TRAC"));
    out.trac = Cell(*t, 0, "grant_rate_TRAC");
    out.eoir = Cell(*t, 0, "grant_rate_EOIR");
    out.legacy = Cell(*t, 0, "grant_rate_legacy");
    out.all_trac = Cell(*t, 1, "grant_rate_TRAC");
    out.all_decisions = static_cast<int64_t>(Cell(*t, 1, "decisions_TRAC"));
    api::Request courts = r;
    courts.by = {"court"};
    auto busiest = api::Run(**snap, courts);
    EXPECT_TRUE(busiest.ok() && !busiest->rows.empty());
    const std::string court_name = busiest->rows[0][1].text;  // "San Pedro, CA"
    out.court = court_name.substr(0, court_name.find(','));
    api::Request at_court;
    at_court.fy = 2024;
    at_court.typed.courts = {out.court};
    auto c = api::Run(**snap, at_court);
    EXPECT_TRUE(c.ok());
    out.court_grants = static_cast<int64_t>(Cell(*c, 0, "grants"));
    out.court_decisions = static_cast<int64_t>(Cell(*c, 0, "decisions_TRAC"));
    api::Request b;
    b.family = api::Family::kBacklog;
    b.as_of = "2024-09-30";
    auto backlog = api::Run(**snap, b);
    EXPECT_TRUE(backlog.ok());
    out.pending = static_cast<int64_t>(Cell(*backlog, 0, "pending"));
    api::Request w;
    w.family = api::Family::kWaitTimes;
    w.fy = 2024;
    auto waits = api::Run(**snap, w);
    EXPECT_TRUE(waits.ok());
    out.median_days = Cell(*waits, 0, "median_days");
    return out;
  }();
  return f;
}

// A percentage the TRAC figure is close to (0.6 points off) that no other definition reproduces.
double CloseRate(const Figures& f) {
  for (double off : {0.6, -0.6, 0.8, -0.8}) {
    const double x = std::round((f.trac + off) * 10) / 10;
    bool clear = true;
    for (double other : {f.eoir, f.legacy}) clear = clear && std::fabs(std::round(other * 10) / 10 - x) > 1.05;
    if (clear) return x;
  }
  ADD_FAILURE() << "no clear offset";
  return f.trac + 0.6;
}

std::string Article(const Figures& f) {
  return fmt::format(
      "Asylum in the courts\n\n"
      "Asylum seekers from {0} won asylum in {1} of {2} cases decided in fiscal 2024, or {3:.1f}%, according to "
      "TRAC, compared with {4:.1f}% across all nationalities.\n\n"
      "Immigration judges granted asylum to applicants from {0} at a rate of {5:.1f}% in fiscal 2024, EOIR data "
      "show.\n\n"
      "Applicants from {0} won asylum in {6:.1f}% of cases in fiscal 2024.\n\n"
      "Asylum seekers from {0} won asylum in {7} of {2} cases in fiscal 2024.\n\n"
      "Border Patrol agents apprehended 12,345 migrants from {0} in fiscal 2024.\n\n"
      "Thousands of asylum seekers from {0} were denied asylum in fiscal 2024.\n\n"
      "The immigration court backlog stood at {8} pending cases in September 2024.\n\n"
      "Asylum seekers waited a median of {9:.0f} days for a decision in fiscal 2024.\n\n"
      "Judges in the {10} immigration court granted asylum in {11} of {12} cases in fiscal 2024.\n",
      f.country, f.grants, f.decisions, f.trac, f.all_trac, f.eoir, CloseRate(f), f.grants + 7, f.pending,
      f.median_days, f.court, f.court_grants, f.court_decisions);
}

verify::ArticleCheck CheckIt(const std::string& text) {
  return verify::CheckArticle(claims::ReadArticle(text), base::DaysFromCivil(2024, 12, 1), testing::ServerTestStore());
}

TEST(CheckSynth, EveryVerdictKindOnAnArticleFromTheStore) {
  const Figures& f = StoreFigures();
  ASSERT_GT(f.decisions, 0);
  const auto check = CheckIt(Article(f));
  ASSERT_EQ(check.claims.size(), 9u) << verify::CheckTable(check);
  const auto& c = check.claims;
  // 1. The TRAC figures with the all-nationality comparison: matches, by TRAC's definition.
  EXPECT_EQ(c[0].verdict, Verdict::kMatches) << verify::CheckTable(check);
  EXPECT_EQ(c[0].definition.rfind("TRAC", 0), 0u) << c[0].definition;
  ASSERT_EQ(c[0].figures.size(), 3u);
  EXPECT_EQ(c[0].figures[2].role, "comparison");
  EXPECT_EQ(c[0].figures[2].verdict, Verdict::kMatches);
  // 2. The EOIR rate: matches by EOIR's definition (the attribution's, and the only one that reproduces it).
  EXPECT_EQ(c[1].verdict, Verdict::kMatches) << verify::CheckTable(check);
  EXPECT_EQ(c[1].definition.rfind("EOIR", 0), 0u) << c[1].definition;
  // 3. Off by 0.6 points: close, with the reason.
  EXPECT_EQ(c[2].verdict, Verdict::kClose) << verify::CheckTable(check);
  EXPECT_NE(c[2].figures[0].reason.find("percentage point"), std::string::npos);
  // 4. Seven grants too many: differs, with our figure and its receipt.
  EXPECT_EQ(c[3].verdict, Verdict::kDiffers) << verify::CheckTable(check);
  EXPECT_EQ(c[3].figures[0].ours, fmt::format("{} of {}", f.grants, f.decisions));
  EXPECT_FALSE(c[3].receipt.empty());
  // 5. No CBP files in this store: cannot check, saying what to ingest.
  EXPECT_EQ(c[4].verdict, Verdict::kCannotCheck);
  EXPECT_NE(c[4].reason.find("ingest"), std::string::npos) << c[4].reason;
  // 6. A vague amount.
  EXPECT_EQ(c[5].verdict, Verdict::kCannotCheck);
  EXPECT_NE(c[5].reason.find("vague"), std::string::npos) << c[5].reason;
  // 7, 8. Backlog and median wait.
  EXPECT_EQ(c[6].verdict, Verdict::kMatches) << verify::CheckTable(check);
  EXPECT_EQ(c[7].verdict, Verdict::kMatches) << verify::CheckTable(check);
  // 9. A court as the place: the court's own figures.
  EXPECT_EQ(c[8].claim.place, f.court);
  EXPECT_EQ(c[8].verdict, Verdict::kMatches) << verify::CheckTable(check);
  EXPECT_NE(c[8].command.find("--court '" + f.court + "'"), std::string::npos) << c[8].command;
  // Never a verdict without a receipt.
  for (const auto& claim : c) {
    if (claim.verdict != Verdict::kCannotCheck) {
      EXPECT_FALSE(claim.receipt.empty()) << claim.claim.sentence;
    }
  }
}

TEST(CheckSynth, TheCommandOfAVerdictGivesTheFigureAgain) {
  const Figures& f = StoreFigures();
  const auto check = CheckIt(Article(f));
  ASSERT_FALSE(check.claims.empty());
  std::string out;
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + check.claims[0].command.substr(8) + " --format json --store '" +
                                    testing::ServerTestStore().string() + "'",
                                &out),
            0)
      << out;
  EXPECT_NE(out.find(fmt::format("\"decisions_TRAC\": {},", f.decisions)), std::string::npos) << out;
  EXPECT_NE(out.find(fmt::format("\"grants\": {},", f.grants)), std::string::npos) << out;
}

TEST(CheckSynth, HtmlReportMarksEachFigureWithItsVerdict) {
  const auto check = CheckIt(Article(StoreFigures()) + "\nA <b>tag</b> & more.\n");
  const std::string html = verify::CheckHtml(check);
  EXPECT_NE(html.find("<mark class=\"matches\""), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"close\""), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"differs\""), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"cannot-check\""), std::string::npos);
  EXPECT_NE(html.find("A &lt;b&gt;tag&lt;/b&gt; &amp; more."), std::string::npos);  // text is escaped
  EXPECT_EQ(html.find("<b>tag"), std::string::npos);
  // The segments put the article back together byte for byte.
  std::string joined;
  const auto json = verify::CheckJson(check);
  for (const auto& s : json["segments"]) joined += s["text"].get<std::string>();
  EXPECT_EQ(joined, check.article.text);
}

std::string Scrubbed(std::string s) {
  s = testing::WithoutCreated(std::move(s));
  const std::string store = testing::ServerTestStore().string();
  for (size_t at = s.find(store); at != std::string::npos; at = s.find(store, at)) s.replace(at, store.size(), "<store>");
  return s;
}

TEST(CheckSynth, CliReportIsGoldenAndTheSameBytesTwice) {
  testing::ScratchDir dir("check-article");
  const auto file = dir.path() / "article.txt";
  std::ofstream(file) << Article(StoreFigures());
  const std::string cmd = testing::ImmstatsBinary() + " check '" + file.string() + "' --date 2024-12-01 --store '" +
                          testing::ServerTestStore().string() + "'";
  std::string json, again, table, html;
  ASSERT_EQ(testing::RunCommand(cmd + " --format json", &json), 0) << json;
  ASSERT_EQ(testing::RunCommand(cmd + " --format json", &again), 0);
  EXPECT_EQ(json, again);
  testing::ExpectGolden("check_synth.json", Scrubbed(json));
  ASSERT_EQ(testing::RunCommand(cmd, &table), 0) << table;
  testing::ExpectGolden("check_synth.txt", Scrubbed(table));
  ASSERT_EQ(testing::RunCommand(cmd + " --format html", &html), 0);
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_EQ(testing::RunCommand(cmd + " --fail-on-differs > /dev/null", &again), 1);  // claim 4 differs
}

}  // namespace
}  // namespace immstats
