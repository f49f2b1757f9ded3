// Turns case lives into the rows of every table, as seen on the release date, injecting quirks.
#pragma once

#include <cstdint>
#include <vector>

#include "base/text_buffer.h"
#include "eoir/schema.h"
#include "synth/quirks.h"
#include "synth/world.h"

namespace immstats::synth {

struct FormatSettings {
  uint64_t seed = 1;
  int32_t as_of = 0;
  bool quirks = true;
  bool all_tables = false;
  // Per-table floor on quirk rates so that small releases still show every kind (see docs/synth.md).
  std::vector<double> rate_floor;
};

struct TableChunk {
  base::TextBuffer buf;
  int64_t rows = 0;   // records
  int64_t lines = 0;  // physical lines
};

// The rows of one run of consecutive cases. Quirk lines are 0-based within the chunk's table text.
struct ChunkOutput {
  std::vector<TableChunk> tables;
  std::vector<QuirkRecord> quirks;
  int64_t cases = 0;
  int64_t proceedings = 0;
  int64_t pending = 0;
};

class ChunkFormatter {
 public:
  ChunkFormatter(const World& world, const FormatSettings& settings);
  // Appends the rows of `lives` (in case order) to `out`.
  void Append(const std::vector<CaseLife>& lives, ChunkOutput* out) const;

 private:
  struct Ctx;
  void FormatCase(const CaseLife& c, Ctx& ctx) const;
  void FormatProceedings(const CaseLife& c, int n_visible, bool orphan, Ctx& ctx) const;
  void FormatHearings(const CaseLife& c, int n_visible, bool orphan, Ctx& ctx) const;
  void FormatReps(const CaseLife& c, bool orphan, Ctx& ctx) const;
  void FormatCustody(const CaseLife& c, Ctx& ctx) const;
  void FormatLeadRider(const CaseLife& c, Ctx& ctx) const;
  void FormatExtraTables(const CaseLife& c, int n_visible, Ctx& ctx) const;

  const World& world_;
  const FormatSettings& settings_;
};

// Table slots, in eoir::MainTables() order.
enum TableSlot : uint8_t {
  kCaseTable = 0, kProceedingTable, kApplnTable, kScheduleTable, kRepsTable, kCustodyTable, kLeadRiderTable,
  kChargesTable, kBondTable, kAttorneyTable, kMotionsTable, kAppealTable, kFedCourtsTable, kThreeMemberTable,
  kJuvenileTable, kCaseIdentifierTable, kPriorityTable, kProBonoTable, kTableCount
};

inline constexpr int64_t kCaseIdBase = 1'000'001;
inline constexpr int64_t kProceedingIdBase = 1'000'001;
inline constexpr int64_t kApplnIdBase = 1'000'001;
inline constexpr int64_t kScheduleIdBase = 1'000'001;
inline constexpr int64_t kRepsIdBase = 1'000'001;

}  // namespace immstats::synth
