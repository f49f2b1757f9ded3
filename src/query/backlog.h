// `immstats backlog` and `immstats wait-times` (spec §8): pending proceedings as of a date, and days to decision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "query/names.h"
#include "query/result.h"
#include "query/slice.h"
#include "store/snapshot.h"

namespace immstats::query {

struct BacklogOptions {
  Filters filters;
  std::vector<Dim> by;
  std::optional<int32_t> as_of;  // default: the snapshot's data_through
  bool start_osc = false;        // --start osc: OSC_DATE (else INPUT_DATE, OSC_DATE when it is missing)
  bool receipt = false;
};
Result<ResultTable> RunBacklog(const store::SnapshotInfo& snapshot, const Names& names, const BacklogOptions& options);

enum class WaitStart { kInput, kOsc, kCase, kApplication };
struct WaitTimeOptions {
  Filters filters;
  Window window;
  std::vector<Dim> by;
  WaitStart start = WaitStart::kInput;
  bool all_completed = false;  // --universe completed: every completed asylum record, not only grants and denials
  bool receipt = false;
};
Result<ResultTable> RunWaitTimes(const store::SnapshotInfo& snapshot, const Names& names, const WaitTimeOptions& options);

}  // namespace immstats::query
