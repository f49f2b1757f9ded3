// `immstats asylum`: asylum decisions, grants and rates under every published definition (spec §6-§7), side by side.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "query/names.h"
#include "query/result.h"
#include "query/slice.h"
#include "store/snapshot.h"

namespace immstats::query {

enum class Definition { kTrac, kTracOutcomes, kEoir, kEoirLegacy };
Result<std::set<Definition>> ParseDefinitions(const std::string& text);  // trac|trac-outcomes|eoir|eoir-legacy|all

struct AsylumOptions {
  Filters filters;
  Window window;
  std::vector<Dim> by;
  std::set<Definition> definitions = {Definition::kTrac, Definition::kTracOutcomes, Definition::kEoir,
                                      Definition::kEoirLegacy};
  bool asylum_family = false;       // --codes: false = {ASYL} (default), true = {ASYL, ASYW, WCAT}
  bool case_final = false;          // --unit case-final: only each case's last completed record
  bool nationality_from_proceeding = false;
  bool judge_from_last_hearing = false;
  bool cat_only_is_denial = true;   // --cat-only deny (default, TRAC) | other
  int min_decisions = -1;           // -1: TRAC's judge-report rules when grouping by judge, else none
  bool receipt = false;
};

Result<ResultTable> RunAsylum(const store::SnapshotInfo& snapshot, const Names& names, const AsylumOptions& options);

// Receipt fields shared by every query: version, snapshot, its sources and their checksums.
nlohmann::ordered_json SnapshotReceipt(const store::SnapshotInfo& snapshot);

}  // namespace immstats::query
