// Writes the release's Lookup/ folder: the code tables an ingester decodes with.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "immstats/status.h"
#include "synth/quirks.h"
#include "synth/roster.h"

namespace immstats::synth {

// A quirk placed in a lookup file (file name relative to the release's table folder).
struct LookupQuirk {
  std::string file;
  int64_t line = 0;
  std::string column;
  QuirkKind kind = QuirkKind::kCount;
};

struct LookupFile {
  std::string name;  // e.g. "Lookup/tblLookupJudge.csv"
  int64_t rows = 0;
};

// Writes every lookup table into `dir`/Lookup. `quirks` adds the lookup quirks (Q2, Q3, Q20 aliases).
Status WriteLookupFiles(const std::filesystem::path& dir, const Roster& roster, bool quirks,
                        std::vector<LookupFile>* files, std::vector<LookupQuirk>* injected);

}  // namespace immstats::synth
