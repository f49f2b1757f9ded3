// The generated world looks like the court's: sizes, pending share, and grant rates that vary as published.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats {
namespace {

using testing::ReadLines;
using testing::SplitTabs;

const testing::GeneratedRelease& World() {
  SynthOptions o;
  o.scale = 0.02;
  o.seed = 51;
  o.quirks = SynthOptions::Quirks::kNone;
  o.top_folder = "EOIR Case Data";
  return testing::CachedRelease("content", o);
}

struct Rate {
  int64_t grants = 0, denials = 0;
  double value() const { return static_cast<double>(grants) / static_cast<double>(grants + denials); }
  int64_t n() const { return grants + denials; }
};

struct Facts {
  int64_t cases = 0, proceedings = 0, pending = 0, multi = 0, venue_then_more = 0;
  std::set<int> fiscal_years;
  std::map<std::string, Rate> by_judge, by_nat;
  Rate represented, unrepresented, detained, never_detained, all;
};

const Facts& Compute() {
  static const Facts facts = [] {
    Facts f;
    const auto& r = World();
    std::map<std::string, std::string> case_nat;
    for (const auto& line : ReadLines(r.dir / "A_TblCase.csv")) {
      const auto v = SplitTabs(line);
      case_nat[v[0]] = v[6];
    }
    f.cases = static_cast<int64_t>(case_nat.size()) - 1;
    std::set<std::string> represented;
    for (const auto& line : ReadLines(r.dir / "tbl_RepsAssigned.csv")) {
      const auto v = SplitTabs(line);
      if (v[2] == "COURT" && v[3] == "ALIEN") represented.insert(v[1]);
    }
    struct Proc {
      std::string idncase, judge, custody;
      bool completed;
    };
    std::map<std::string, Proc> procs;
    std::map<std::string, int> per_case;
    std::map<std::string, std::string> last_other_comp;
    const auto plines = ReadLines(r.dir / "B_TblProceeding.csv");
    for (size_t i = 1; i < plines.size(); ++i) {
      const auto v = SplitTabs(plines[i]);
      procs[v[0]] = {v[1], v[6], v[27], !v[21].empty()};
      f.proceedings += 1;
      f.pending += v[21].empty();
      const int year = std::stoi(v[3].substr(0, 4)), month = std::stoi(v[3].substr(5, 2));
      f.fiscal_years.insert(month >= 10 ? year + 1 : year);
      if (++per_case[v[1]] == 2) f.multi += 1;
      if (last_other_comp.count(v[1]) && (last_other_comp[v[1]] == "C" || last_other_comp[v[1]] == "T")) {
        f.venue_then_more += 1;
      }
      last_other_comp[v[1]] = v[18];
    }
    const auto alines = ReadLines(r.dir / "tbl_Court_Appln.csv");
    for (size_t i = 1; i < alines.size(); ++i) {
      const auto v = SplitTabs(alines[i]);
      if (v[3] != "ASYL") continue;
      const bool grant = v[5] == "G" || v[5] == "F" || v[5] == "C" || v[5] == "I" || v[5] == "P";
      const bool deny = v[5] == "D";
      if (!grant && !deny) continue;
      const Proc& p = procs.at(v[1]);
      for (Rate* rate : {&f.by_judge[p.judge], &f.by_nat[case_nat[p.idncase]], &f.all,
                         represented.count(p.idncase) ? &f.represented : &f.unrepresented,
                         p.custody == "D" ? &f.detained : p.custody == "N" ? &f.never_detained : nullptr}) {
        if (rate == nullptr) continue;
        (grant ? rate->grants : rate->denials) += 1;
      }
    }
    return f;
  }();
  return facts;
}

TEST(Content, SizesFollowTheRealRatios) {
  const Facts& f = Compute();
  EXPECT_NEAR(static_cast<double>(f.cases), 0.02 * 12.8e6, 0.02 * 12.8e6 * 0.05);
  const double per_case = static_cast<double>(f.proceedings) / static_cast<double>(f.cases);
  EXPECT_GT(per_case, 1.15);
  EXPECT_LT(per_case, 1.45);
  const double pending = static_cast<double>(f.pending) / static_cast<double>(f.proceedings);
  EXPECT_GT(pending, 0.12);
  EXPECT_LT(pending, 0.30);
  EXPECT_GT(f.multi, f.cases / 20);
  EXPECT_GT(f.venue_then_more, f.cases / 50);
  EXPECT_EQ(*f.fiscal_years.begin(), 2001);
  EXPECT_EQ(*f.fiscal_years.rbegin(), 2026);
  EXPECT_EQ(f.fiscal_years.size(), 26u);
}

TEST(Content, JudgeGrantRatesSpreadAsPublishedOnes) {
  const Facts& f = Compute();
  double lo = 1, hi = 0;
  int judges = 0;
  for (const auto& [judge, rate] : f.by_judge) {
    if (rate.n() < 30) continue;  // enough decisions for a stable rate
    ++judges;
    lo = std::min(lo, rate.value());
    hi = std::max(hi, rate.value());
  }
  EXPECT_GT(judges, 40);
  EXPECT_LT(lo, 0.05);
  EXPECT_GT(hi, 0.90);
  EXPECT_GT(f.all.value(), 0.2);
  EXPECT_LT(f.all.value(), 0.6);
}

TEST(Content, NationalityRepresentationAndDetentionMatter) {
  const Facts& f = Compute();
  EXPECT_LT(f.by_nat.at("MX").value(), 0.2);
  EXPECT_GT(f.by_nat.at("CH").value(), 0.45);
  EXPECT_GT(f.by_nat.at("CH").value(), f.by_nat.at("HO").value() + 0.2);
  EXPECT_GT(f.represented.value(), f.unrepresented.value() + 0.15);
  EXPECT_LT(f.detained.value(), f.never_detained.value() - 0.1);
}

}  // namespace
}  // namespace immstats
