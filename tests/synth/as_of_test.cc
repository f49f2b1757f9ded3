// --as-of: the same world seen later has more events, revised records and a few vanished ones (Q23).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "support/release_files.h"
#include "support/synth_fixture.h"

namespace immstats {
namespace {

using testing::ReadLines;
using testing::SplitTabs;

const testing::GeneratedRelease& At(const std::string& as_of) {
  SynthOptions o;
  o.scale = 0.005;
  o.seed = 31;
  o.as_of = as_of;
  o.quirks = SynthOptions::Quirks::kNone;
  o.top_folder = "EOIR Case Data";
  return testing::CachedRelease("asof-" + as_of, o);
}

std::map<std::string, std::string> RowsById(const testing::GeneratedRelease& r, const std::string& table) {
  std::map<std::string, std::string> out;
  const auto lines = ReadLines(r.dir / (table + ".csv"));
  for (size_t i = 1; i < lines.size(); ++i) out.emplace(SplitTabs(lines[i])[0], lines[i]);
  return out;
}

TEST(AsOf, ALaterReleaseAddsRevisesAndLoses) {
  const auto early = RowsById(At("2025-10-01"), "A_TblCase");
  const auto late = RowsById(At("2026-10-01"), "A_TblCase");
  int added = 0, revised = 0, vanished = 0;
  for (const auto& [id, row] : late) {
    auto it = early.find(id);
    if (it == early.end()) ++added;
    else if (it->second != row) ++revised;
  }
  for (const auto& [id, row] : early) vanished += late.count(id) == 0;
  EXPECT_GT(added, 1000);    // a year of new cases
  EXPECT_GT(revised, 100);   // new hearings, addresses, attorneys
  EXPECT_GT(vanished, 0);    // purged records (Q23)
  EXPECT_LT(vanished, 100);
}

TEST(AsOf, PendingProceedingsCompleteLaterAndNothingLeaksFromTheFuture) {
  const auto& early_r = At("2025-10-01");
  const auto early = RowsById(early_r, "B_TblProceeding");
  const auto late = RowsById(At("2026-10-01"), "B_TblProceeding");
  int completed_since = 0;
  for (const auto& [id, row] : early) {
    const auto f = SplitTabs(row);
    // No date in the early release is after its release date, except scheduled hearing dates.
    for (size_t c : {2u, 3u, 21u}) {
      if (!f[c].empty()) {
        ASSERT_LE(f[c].substr(0, 10), "2025-10-01") << row;
      }
    }
    auto it = late.find(id);
    if (it != late.end() && f[21].empty() && !SplitTabs(it->second)[21].empty()) ++completed_since;
  }
  EXPECT_GT(completed_since, 100);
  const auto sched = ReadLines(early_r.dir / "tbl_schedule.csv");
  int future_hearings = 0;
  for (size_t i = 1; i < sched.size(); ++i) {
    const auto f = SplitTabs(sched[i]);
    ASSERT_LE(f[12].substr(0, 10), "2025-10-01");        // INPUT_DATE: entered by the release date
    future_hearings += f[18].substr(0, 10) > "2025-10-01";  // ADJ_DATE: may be scheduled ahead
  }
  EXPECT_GT(future_hearings, 100);
}

}  // namespace
}  // namespace immstats
