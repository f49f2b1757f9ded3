// The verdict rules for one figure: equal or equal once rounded as written (matches), within a stated tolerance
// (close), otherwise differs; bounds are checked as bounds; vague amounts cannot be checked.
#include "verify/compare.h"

#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "base/ascii.h"

namespace immstats::verify {
namespace {

// Digits after the decimal point as written ("24.7%" -> 1, "2.5 million" -> 1, "1,234" -> 0).
int DecimalsWritten(const std::string& text) {
  const size_t dot = text.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) ++n;
  return n;
}

// The unit a count was rounded to as written: "2.5 million" -> 100,000; "3 million" -> 1,000,000; "1,234" -> 1.
double RoundingUnit(const claims::Figure& f) {
  double scale = 1;
  if (f.text.find("billion") != std::string::npos) {
    scale = 1e9;
  } else if (f.text.find("million") != std::string::npos) {
    scale = 1e6;
  } else if (f.text.find("thousand") != std::string::npos) {
    scale = 1e3;
  }
  return scale / std::pow(10.0, DecimalsWritten(f.text));
}

bool Approximate(const claims::Figure& f) { return !f.exact && f.bound.empty(); }

std::string Percent(double v, int decimals) { return fmt::format("{:.{}f}%", v, decimals); }

}  // namespace

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kMatches: return "matches";
    case Verdict::kClose: return "close";
    case Verdict::kDiffers: return "differs";
    case Verdict::kCannotCheck: return "cannot check";
  }
  return "?";
}

std::string FormatOurs(double ours, bool percent, const claims::Figure& like) {
  if (percent) return Percent(ours, std::max(1, DecimalsWritten(like.text)));
  if (std::fabs(ours - std::round(ours)) > 1e-9) return fmt::format("{:.1f}", ours);  // a median of 428.5 days
  return base::GroupThousands(std::llround(ours));
}

Compared CompareFigure(const claims::Figure& f, double ours, double source_rounding) {
  Compared c;
  if (f.vague) {
    c.reason = "'" + f.text + "' is not a number to check";
    return c;
  }
  const bool percent = f.kind == claims::Figure::Kind::kPercent;
  const double written = f.value;
  const double diff = std::fabs(ours - written);
  c.distance = percent ? diff / 100.0 : (ours != 0 ? diff / std::fabs(ours) : (written == 0 ? 0 : 1));
  if (f.bound == "lower") {
    const bool strict = f.qualifier != "at least";
    const bool holds = strict ? ours > written : ours >= written;
    c.verdict = holds ? Verdict::kMatches : Verdict::kDiffers;
    c.reason = holds ? "the bound holds" : "the bound does not hold";
    c.distance = holds ? 0 : c.distance;
    return c;
  }
  if (f.bound == "upper") {
    const bool strict = f.qualifier == "fewer than" || f.qualifier == "less than";
    const bool holds = strict ? ours < written : ours <= written;
    c.verdict = holds ? Verdict::kMatches : Verdict::kDiffers;
    c.reason = holds ? "the bound holds" : "the bound does not hold";
    c.distance = holds ? 0 : c.distance;
    return c;
  }
  if (percent) {
    const int d = DecimalsWritten(f.text);
    const double unit = std::pow(10.0, -d);
    if (std::fabs(std::round(ours / unit) * unit - written) < unit / 1000) {
      c.verdict = Verdict::kMatches;
      c.reason = d == 0 && diff > 1e-9 ? "as rounded in the article (whole percent)" : diff > 1e-9 ? "as rounded in the article" : "equal";
      return c;
    }
    const double tolerance = Approximate(f) ? 2.0 : 1.0;
    if (diff <= tolerance) {
      c.verdict = Verdict::kClose;
      c.reason = fmt::format("within {:g} percentage point{}{}", tolerance, tolerance == 1 ? "" : "s",
                             Approximate(f) ? " ('" + f.qualifier + "')" : "");
      return c;
    }
    c.verdict = Verdict::kDiffers;
    c.reason = fmt::format("{:.1f} percentage points apart", diff);
    return c;
  }
  if (diff <= 0.5) {  // equal; a median of 428.5 days is 428 or 429 as written
    c.verdict = Verdict::kMatches;
    c.reason = diff == 0 ? "equal" : "as rounded in the article";
    return c;
  }
  const double unit = RoundingUnit(f);
  if (unit > 1 && diff <= unit / 2) {
    c.verdict = Verdict::kMatches;
    c.reason = "as rounded in the article";
    return c;
  }
  if (source_rounding > 0 && diff <= source_rounding) {
    c.verdict = Verdict::kClose;
    c.reason = fmt::format("within the source's rounding (to {:g})", source_rounding);
    return c;
  }
  const double tolerance = Approximate(f) ? 0.05 : 0.01;
  if (c.distance <= tolerance) {
    c.verdict = Verdict::kClose;
    c.reason = Approximate(f) ? fmt::format("within 5% ('{}')", f.qualifier)
                              : "within 1% (a later revision or another cut-off date would explain it)";
    return c;
  }
  c.verdict = Verdict::kDiffers;
  c.reason = fmt::format("{:.1f}% apart", 100 * c.distance);
  return c;
}

}  // namespace immstats::verify
