// The check report in three forms: JSON for programs, aligned text for people, a standalone HTML page with each
// figure highlighted in the article's text and its verdict beside it.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/civil_date.h"
#include "verify/verify.h"

namespace immstats::verify {
namespace {

using Json = nlohmann::ordered_json;

// The article's text cut into plain runs and marked figures (claim and figure index, verdict).
struct Segment {
  std::string text;
  int claim = -1, figure = -1;
  Verdict verdict = Verdict::kCannotCheck;
};

std::vector<Segment> Segments(const ArticleCheck& check) {
  struct Mark {
    size_t begin, end;
    int claim, figure;
    Verdict verdict;
  };
  std::vector<Mark> marks;
  for (size_t i = 0; i < check.claims.size(); ++i) {
    const ClaimCheck& c = check.claims[i];
    const size_t base = c.claim.offset;
    std::vector<std::pair<const claims::Figure*, Verdict>> figures;
    for (size_t k = 0; k < c.claim.figures.size(); ++k) {
      figures.emplace_back(&c.claim.figures[k], k < c.figures.size() ? c.figures[k].verdict : Verdict::kCannotCheck);
    }
    if (c.claim.comparison) {
      const size_t k = c.claim.figures.size();
      figures.emplace_back(&*c.claim.comparison, k < c.figures.size() ? c.figures[k].verdict : Verdict::kCannotCheck);
    }
    for (size_t k = 0; k < figures.size(); ++k) {
      const claims::Figure& f = *figures[k].first;
      if (f.end <= f.begin || base + f.end > check.article.text.size()) continue;
      marks.push_back({base + f.begin, base + f.end, static_cast<int>(i), static_cast<int>(k), figures[k].second});
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  std::vector<Segment> out;
  size_t at = 0;
  const std::string& text = check.article.text;
  for (const Mark& m : marks) {
    if (m.begin < at) continue;  // overlaps a figure already marked
    if (m.begin > at) out.push_back({text.substr(at, m.begin - at)});
    out.push_back({text.substr(m.begin, m.end - m.begin), m.claim, m.figure, m.verdict});
    at = m.end;
  }
  if (at < text.size()) out.push_back({text.substr(at)});
  return out;
}

struct Summary {
  int matches = 0, close = 0, differs = 0, cannot = 0;
};
Summary Summarize(const ArticleCheck& check) {
  Summary s;
  for (const auto& c : check.claims) {
    switch (c.verdict) {
      case Verdict::kMatches: ++s.matches; break;
      case Verdict::kClose: ++s.close; break;
      case Verdict::kDiffers: ++s.differs; break;
      case Verdict::kCannotCheck: ++s.cannot; break;
    }
  }
  return s;
}

std::string SummaryLine(const ArticleCheck& check) {
  const Summary s = Summarize(check);
  return fmt::format("{} claim{}: {} match{}, {} close, {} differ{}, {} cannot be checked", check.claims.size(),
                     check.claims.size() == 1 ? "" : "s", s.matches, s.matches == 1 ? "" : "es", s.close, s.differs,
                     s.differs == 1 ? "s" : "", s.cannot);
}

std::string DateLine(const ArticleCheck& check) {
  return fmt::format("{} ({})", check.date ? base::FormatIsoDate(*check.date) : "unknown",
                     !check.date_source.empty() ? check.date_source : "none found: give --date");
}

std::string PeriodText(const claims::Claim& c) {
  if (c.period.text.empty()) return "-";
  std::string s = c.period.text;
  if (c.period.from) {
    s += " = " + base::FormatIsoDate(*c.period.from) + " .. " +
         (c.period.to ? base::FormatIsoDate(*c.period.to) : std::string("(open)"));
  }
  return s;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string VerdictClass(Verdict v) {
  std::string s = VerdictName(v);
  std::replace(s.begin(), s.end(), ' ', '-');
  return s;
}

}  // namespace

Json CheckJson(const ArticleCheck& check) {
  Json j;
  j["article_date"] = check.date ? Json(base::FormatIsoDate(*check.date)) : Json();
  j["article_date_source"] = check.date_source;
  j["sentences"] = check.article.sentences.size();
  if (check.verified) {
    j["store"] = check.store;
    const Summary s = Summarize(check);
    j["summary"] = {{"claims", check.claims.size()}, {"matches", s.matches}, {"close", s.close},
                    {"differs", s.differs}, {"cannot_check", s.cannot}};
  }
  j["claims"] = Json::array();
  for (const auto& c : check.claims) {
    Json cj = claims::ClaimJson(c.claim);
    if (check.verified) {
      cj["verdict"] = VerdictName(c.verdict);
      cj["reason"] = c.reason;
      cj["source"] = c.source;
      cj["definition"] = c.definition;
      cj["command"] = c.command;
      cj["checks"] = Json::array();
      for (const auto& f : c.figures) {
        cj["checks"].push_back({{"text", f.text}, {"role", f.role}, {"ours", f.ours.empty() ? Json() : Json(f.ours)},
                                {"verdict", VerdictName(f.verdict)}, {"reason", f.reason}});
      }
      cj["other_definitions"] = Json::array();
      for (const auto& a : c.alternatives) {
        cj["other_definitions"].push_back({{"definition", a.definition}, {"ours", a.ours}, {"verdict", VerdictName(a.verdict)}});
      }
      cj["check_notes"] = c.notes;
      cj["receipt"] = c.receipt.empty() ? Json() : c.receipt;
    }
    j["claims"].push_back(std::move(cj));
  }
  if (check.verified) {
    j["segments"] = Json::array();
    for (const Segment& s : Segments(check)) {
      Json sj = {{"text", s.text}};
      if (s.claim >= 0) {
        sj["claim"] = s.claim;
        sj["figure"] = s.figure;
        sj["verdict"] = VerdictName(s.verdict);
      }
      j["segments"].push_back(std::move(sj));
    }
  }
  return j;
}

std::string CheckTable(const ArticleCheck& check) {
  std::string out = fmt::format("Article date: {}; {} sentences, {} claims\n", DateLine(check),
                                check.article.sentences.size(), check.claims.size());
  if (check.verified) out += "Checked against the store " + check.store + "\n" + SummaryLine(check) + "\n";
  out += "\n";
  int n = 0;
  for (const auto& c : check.claims) {
    const claims::Claim& cl = c.claim;
    if (!check.verified) {
      std::string figures;
      for (const auto& fig : cl.figures) figures += (figures.empty() ? "" : ", ") + fig.text + (fig.vague ? " (not checkable)" : "");
      out += fmt::format("{}. {}\n   measure: {}; subject: {}; period: {}\n   figures: {}{}{}\n", ++n, cl.sentence,
                         cl.measure, cl.subject.empty() ? "-" : cl.subject + " (" + cl.subject_text + ")", PeriodText(cl),
                         figures, cl.comparison ? "; compared with " + cl.comparison->text : "",
                         cl.attribution.empty() ? "" : "; attributed to " + cl.attribution);
      if (!cl.period.assumption.empty()) out += "   assumption: " + cl.period.assumption + "\n";
      for (const auto& note : cl.notes) out += "   " + note + "\n";
      continue;
    }
    std::string verdict = VerdictName(c.verdict);
    for (char& ch : verdict) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out += fmt::format("{}. [{}] {}\n", ++n, verdict, cl.sentence);
    out += fmt::format("   {}; subject: {}; period: {}\n", cl.measure,
                       cl.subject.empty() ? "-" : cl.subject + " (" + cl.subject_text + ")", PeriodText(cl));
    for (const auto& f : c.figures) {
      out += fmt::format("   {} {}: {}{}{}\n", f.role, f.text, f.ours.empty() ? "" : "ours " + f.ours + ", ",
                         VerdictName(f.verdict), f.reason.empty() ? "" : " (" + f.reason + ")");
    }
    if (!c.source.empty()) out += "   source: " + c.source + ", " + c.definition + "\n";
    if (!c.reason.empty()) out += "   why: " + c.reason + "\n";
    if (!c.alternatives.empty()) {
      std::string alts;
      for (const auto& a : c.alternatives) alts += (alts.empty() ? "" : "; ") + a.definition + " " + a.ours + " (" + VerdictName(a.verdict) + ")";
      out += "   other definitions: " + alts + "\n";
    }
    if (!c.command.empty()) out += "   reproduce: " + c.command + "\n";
    for (const auto& note : c.notes) out += "   note: " + note + "\n";
  }
  return out;
}

std::string CheckHtml(const ArticleCheck& check) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>immstats check</title>\n<style>\n"
      "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\n"
      "article{border-left:4px solid #ccc;padding-left:1rem}\n"
      "mark{padding:0 .15em;border-radius:3px}mark.matches{background:#c8f0c8}mark.close{background:#fbeab0}\n"
      "mark.differs{background:#f7c1c1}mark.cannot-check{background:#e2e2e2}\n"
      "sup a{text-decoration:none}table{border-collapse:collapse;width:100%;margin-top:1.5rem}\n"
      "td,th{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left}\n"
      ".verdict{font-weight:600;white-space:nowrap}code{font-size:.85em}pre{font-size:.75em;overflow:auto}\n"
      "</style></head><body>\n<h1>Figures checked against the records</h1>\n";
  h += "<p>Article date: " + Escape(DateLine(check)) + ". " + Escape(SummaryLine(check)) +
       (check.verified ? ". Store: <code>" + Escape(check.store) + "</code>" : std::string(". Not checked (--no-verify)")) +
       ".</p>\n<article><p>";
  for (const Segment& s : Segments(check)) {
    if (s.claim < 0) {
      std::string t = Escape(s.text);
      std::string p;
      for (size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 2, "\n\n") == 0) {
          p += "</p>\n<p>";
          ++i;
        } else {
          p += t[i] == '\n' ? std::string("<br>") : std::string(1, t[i]);
        }
      }
      h += p;
      continue;
    }
    const ClaimCheck& c = check.claims[static_cast<size_t>(s.claim)];
    const size_t k = static_cast<size_t>(s.figure);
    const std::string title = k < c.figures.size()
                                  ? std::string(VerdictName(s.verdict)) + (c.figures[k].ours.empty() ? "" : ": ours " + c.figures[k].ours) +
                                        (c.figures[k].reason.empty() ? "" : " (" + c.figures[k].reason + ")")
                                  : std::string(VerdictName(s.verdict));
    h += fmt::format("<mark class=\"{}\" title=\"{}\">{}</mark><sup><a href=\"#claim-{}\">{}</a></sup>", VerdictClass(s.verdict),
                     Escape(title), Escape(s.text), s.claim + 1, s.claim + 1);
  }
  h += "</p></article>\n<table><thead><tr><th>#</th><th>Claim</th><th>Our figure</th><th>Verdict</th><th>Source and "
       "definition</th></tr></thead><tbody>\n";
  int n = 0;
  for (const auto& c : check.claims) {
    ++n;
    std::string ours;
    for (const auto& f : c.figures) {
      ours += "<div>" + Escape(f.text) + " &rarr; " + (f.ours.empty() ? "&ndash;" : Escape(f.ours)) + " <small>(" +
              Escape(VerdictName(f.verdict)) + (f.reason.empty() ? "" : ": " + Escape(f.reason)) + ")</small></div>";
    }
    std::string where = c.source.empty() ? Escape(c.reason) : Escape(c.source + ", " + c.definition);
    if (!c.command.empty()) where += "<div><code>" + Escape(c.command) + "</code></div>";
    for (const auto& note : c.notes) where += "<div><small>" + Escape(note) + "</small></div>";
    if (!c.receipt.empty()) where += "<details><summary>receipt</summary><pre>" + Escape(c.receipt.dump(2)) + "</pre></details>";
    h += fmt::format("<tr id=\"claim-{}\"><td>{}</td><td>{}</td><td>{}</td><td class=\"verdict\"><mark class=\"{}\">{}</mark></td>"
                     "<td>{}</td></tr>\n",
                     n, n, Escape(c.claim.sentence), ours, VerdictClass(c.verdict), Escape(VerdictName(c.verdict)), where);
  }
  h += "</tbody></table>\n<p><small>Verdict rules: docs/check.md. matches = equal, or equal once rounded as the article "
       "wrote it; close = within the stated tolerance; differs = our figure and its receipt disagree; cannot check = no "
       "source in the store publishes it.</small></p>\n</body></html>\n";
  return h;
}

}  // namespace immstats::verify
