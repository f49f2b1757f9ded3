// The verdict rules: one figure as an article writes it against our figure (docs/check.md, "Verdicts").
#pragma once

#include <string>

#include "claims/extract.h"

namespace immstats::verify {

enum class Verdict { kMatches, kClose, kDiffers, kCannotCheck };
const char* VerdictName(Verdict v);  // "matches", "close", "differs", "cannot check"

struct Compared {
  Verdict verdict = Verdict::kCannotCheck;
  std::string reason;    // why this verdict ("equal", "as rounded in the article", "within 1 percentage point" ...)
  double distance = 0;   // how far off, relative (counts) or in percentage points / 100 (rates): ranks definitions
};

// `ours` is a count, or a percentage (0-100) when the figure is a percent. `source_rounding` is the unit the source
// publishes in (OHSS: 10; 0 for exact records).
Compared CompareFigure(const claims::Figure& figure, double ours, double source_rounding);

// "2,475,669", "24.7%" (the precision the article used, at least one decimal below it).
std::string FormatOurs(double ours, bool percent, const claims::Figure& like);

}  // namespace immstats::verify
