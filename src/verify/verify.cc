// Choosing, for each claim, the candidate that reproduces its figures best, and the claim's verdict.
#include "verify/verify.h"

#include <algorithm>
#include <tuple>

#include "verify/candidates.h"

namespace immstats::verify {
namespace {

using claims::Figure;

int Rank(Verdict v) {  // worse verdicts rank higher
  switch (v) {
    case Verdict::kMatches: return 0;
    case Verdict::kClose: return 1;
    case Verdict::kCannotCheck: return 2;
    case Verdict::kDiffers: return 3;
  }
  return 3;
}

FigureCheck NoFigure(const Figure& f, std::string role, std::string reason) {
  FigureCheck fc;
  fc.text = f.text;
  fc.role = std::move(role);
  fc.reason = std::move(reason);
  fc.begin = f.begin;
  fc.end = f.end;
  return fc;
}

// `distance` (when given) gets how far off the figure is, for ranking the candidates.
FigureCheck Against(const Figure& f, std::string role, double ours, bool percent, double rounding, double* distance) {
  FigureCheck fc = NoFigure(f, std::move(role), {});
  const Compared c = CompareFigure(f, ours, rounding);
  fc.verdict = c.verdict;
  fc.reason = c.reason;
  fc.ours = FormatOurs(ours, percent, f);
  *distance = c.distance;
  return fc;
}

// One figure of the claim under one candidate; `distance` accumulates how far off it is.
FigureCheck CheckFigure(const Figure& f, bool comparison, const Candidate& c, double* distance) {
  const std::string role = comparison ? "comparison" : "figure";
  if (f.vague) return NoFigure(f, role, "'" + f.text + "' is not a number to check");
  const auto count = comparison ? c.all_count : c.count;
  const auto rate = comparison ? c.all_rate : c.rate;
  double d = 0;
  switch (f.kind) {
    case Figure::Kind::kPercent: {
      if (!rate) return NoFigure(f, role, "this source gives a count here, not a rate");
      FigureCheck fc = Against(f, role, *rate, true, 0, &d);
      *distance += d;
      return fc;
    }
    case Figure::Kind::kRatio: {
      if (comparison || !c.numerator || !c.denominator) return NoFigure(f, role, "this source gives no 'N of M' here");
      Figure num = f, den = f;
      num.kind = den.kind = Figure::Kind::kCount;
      num.value = static_cast<double>(f.numerator);
      den.value = static_cast<double>(f.denominator);
      num.text = std::to_string(f.numerator);
      den.text = std::to_string(f.denominator);
      const Compared a = CompareFigure(num, *c.numerator, c.rounding), b = CompareFigure(den, *c.denominator, c.rounding);
      *distance += a.distance + b.distance;
      FigureCheck fc = NoFigure(f, role, {});
      fc.verdict = Rank(a.verdict) >= Rank(b.verdict) ? a.verdict : b.verdict;
      fc.ours = FormatOurs(*c.numerator, false, num) + " of " + FormatOurs(*c.denominator, false, den);
      fc.reason = a.verdict == b.verdict && a.reason == b.reason ? "both numbers: " + a.reason
                                                                 : "first number " + a.reason + "; second " + b.reason;
      return fc;
    }
    case Figure::Kind::kCount: {
      if (count) {
        FigureCheck fc = Against(f, role, *count, false, c.rounding, &d);
        *distance += d;
        return fc;
      }
      // A count in a rate claim: the decisions (denominator) or the grants (numerator), whichever it is.
      if (!comparison && (c.denominator || c.numerator)) {
        FigureCheck best;
        double best_distance = 1e300;
        for (const auto& v : {c.denominator, c.numerator}) {
          if (!v) continue;
          FigureCheck fc = Against(f, role, *v, false, c.rounding, &d);
          if (std::make_tuple(Rank(fc.verdict), d) < std::make_tuple(Rank(best.verdict), best_distance) || best.text.empty()) {
            best = fc;
            best_distance = d;
          }
        }
        *distance += best_distance;
        return best;
      }
      return NoFigure(f, role, "this source gives a rate here, not a count");
    }
  }
  return NoFigure(f, role, "unknown figure kind");
}

Verdict Overall(const std::vector<FigureCheck>& figures) {
  bool any_match = false, any_close = false;
  for (const auto& f : figures) {
    if (f.verdict == Verdict::kDiffers) return Verdict::kDiffers;
    any_close = any_close || f.verdict == Verdict::kClose;
    any_match = any_match || f.verdict == Verdict::kMatches;
  }
  return any_close ? Verdict::kClose : any_match ? Verdict::kMatches : Verdict::kCannotCheck;
}

ClaimCheck CheckClaim(StoreContext* ctx, const claims::Claim& claim) {
  ClaimCheck out;
  out.claim = claim;
  out.notes = claim.notes;
  if (!claim.period.assumption.empty()) out.notes.insert(out.notes.begin(), "period: " + claim.period.assumption);
  if (!claim.checkable) {
    for (const auto& f : claim.figures) out.figures.push_back(NoFigure(f, "figure", "'" + f.text + "' is not a number to check"));
    out.reason = "no figure to check: the sentence gives only a vague amount";
    return out;
  }
  const std::vector<Candidate> candidates = CandidatesFor(ctx, claim);
  struct Scored {
    const Candidate* c;
    std::vector<FigureCheck> figures;
    std::tuple<int, int, int, double> score;  // differs, unchecked, close, distance
  };
  std::vector<Scored> scored;
  for (const Candidate& c : candidates) {
    if (!c.unavailable.empty()) continue;
    Scored s{&c, {}, {}};
    double distance = 0;
    int differs = 0, unchecked = 0, close = 0;
    auto add = [&](const Figure& f, bool comparison) {
      FigureCheck fc = CheckFigure(f, comparison, c, &distance);
      differs += fc.verdict == Verdict::kDiffers;
      close += fc.verdict == Verdict::kClose;
      unchecked += fc.verdict == Verdict::kCannotCheck && !f.vague;
      s.figures.push_back(std::move(fc));
    };
    for (const auto& f : claim.figures) add(f, false);
    if (claim.comparison) add(*claim.comparison, true);
    // When every definition disagrees, the preferred one (the attributed source) is reported, not the nearest.
    s.score = {differs, unchecked, close, differs > 0 ? 0.0 : distance};
    if (unchecked == static_cast<int>(s.figures.size())) continue;  // answers nothing the claim states
    scored.push_back(std::move(s));
  }
  if (scored.empty()) {
    out.reason = "no source in the store answers it";
    for (const Candidate& c : candidates) {
      if (!c.unavailable.empty()) {
        out.reason = c.source + ": " + c.unavailable;
        break;
      }
    }
    if (candidates.empty()) out.reason = "no source publishes this measure";
    for (const auto& f : claim.figures) out.figures.push_back(NoFigure(f, "figure", out.reason));
    return out;
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score < b.score; });
  const auto chosen = scored.begin();
  out.figures = chosen->figures;
  out.verdict = Overall(out.figures);
  out.source = chosen->c->source;
  out.definition = chosen->c->definition;
  out.command = chosen->c->command;
  out.receipt = chosen->c->receipt;
  for (const auto& n : chosen->c->notes) out.notes.push_back(n);
  if (out.receipt.empty() && out.verdict != Verdict::kCannotCheck) {
    out.verdict = Verdict::kCannotCheck;  // never a verdict without its receipt
    out.reason = "the answering query gave no receipt";
  }
  for (auto it = scored.begin() + 1; it != scored.end(); ++it) {
    if (it->figures.empty()) continue;
    out.alternatives.push_back({it->c->source == out.source ? it->c->definition : it->c->source + ", " + it->c->definition,
                                it->figures.front().ours, it->figures.front().verdict});
  }
  for (const Candidate& c : candidates) {
    const std::string note = c.source + ": " + c.unavailable;
    if (!c.unavailable.empty() && std::find(out.notes.begin(), out.notes.end(), note) == out.notes.end()) {
      out.notes.push_back(note);
    }
  }
  return out;
}

}  // namespace

ArticleCheck CheckArticle(const claims::Article& article, std::optional<int32_t> date,
                          const std::optional<std::filesystem::path>& store_dir) {
  ArticleCheck check;
  check.article = article;
  check.date = date ? date : article.date;
  check.date_source = date ? "--date" : article.date_source;
  const auto found = claims::ExtractClaims(article, date);
  if (!store_dir) {
    for (const auto& c : found) {
      ClaimCheck cc;
      cc.claim = c;
      check.claims.push_back(std::move(cc));
    }
    return check;
  }
  check.verified = true;
  check.store = store_dir->string();
  StoreContext ctx(*store_dir);
  for (const auto& c : found) check.claims.push_back(CheckClaim(&ctx, c));
  return check;
}

}  // namespace immstats::verify
